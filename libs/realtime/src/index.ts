export type { RealtimeSignal, UserPush } from './events';
export { rooms, channels } from './rooms';
export { RealtimePublisher } from './realtime-publisher';
export { toFeedEvent } from './feed-event';
