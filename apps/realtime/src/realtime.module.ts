import { Module } from '@nestjs/common';
import { BoothQueueRepository, BoothsRepository, ChatsRepository, FairEventsRepository, FairsRepository, NotificationsRepository, SessionRoomsRepository } from '@bisang/database';
import { ChatRelay } from './fair/chat-relay.service';
import { StaffPresenceService } from './fair/staff-presence.service';
import { SeekerPresenceService } from './fair/seeker-presence.service';
import { SessionRoomsRelay } from './fair/session-rooms-relay.service';
import { BoothPresenceService } from './fair/booth-presence.service';
import { FairAccess } from './fair/fair-access.service';
import { FairGateway } from './fair/fair.gateway';
import { FeedRelay } from './fair/feed-relay.service';
import { NotificationRelay } from './fair/notification-relay.service';
import { RealtimeSignals } from './fair/realtime-signals.service';
import { SocketRateLimit } from './fair/socket-rate-limit';
import { SocketSessions } from './fair/socket-sessions.service';

/** The socket.io gateway's features (namespace /fair): the live feed, notifications, booth presence and booth chat. */
/** The socket.io gateway's features (namespace /fair): the live feed, notifications, booth presence and session-room signalling. */
@Module({
  providers: [
    RealtimeSignals,
    SocketRateLimit,
    SocketSessions,
    FeedRelay,
    NotificationRelay,
    NotificationsRepository,
    BoothPresenceService,
    FairAccess,
    FairGateway,
    FairEventsRepository,
    FairsRepository,
    BoothsRepository,
    ChatsRepository,
    BoothQueueRepository,
    ChatRelay,
    StaffPresenceService,
    SeekerPresenceService,
    SessionRoomsRepository,
    SessionRoomsRelay,
  ],
})
export class RealtimeModule {}
