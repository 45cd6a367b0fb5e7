export * from './events';
export { rooms, channels } from './rooms';
export { RealtimePublisher } from './realtime-publisher';
