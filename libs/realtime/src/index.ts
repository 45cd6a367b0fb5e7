export * from './events';
export { rooms, channels } from './rooms';
export { RealtimePublisher } from './realtime-publisher';
export { FeedSignal } from './feed-signal';
export { toFeedEvent } from './feed-event';
