import { Injectable } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import type { IceServer } from '@bisang/contracts';
import { turnCredential } from './turn-credentials';

/** The ICE servers a participant gets on entering a room: STUN as configured, TURN with their own short-lived credential. */
@Injectable()
export class IceServers {
  constructor(private readonly config: AppConfig) {}

  for(userId: string, now = new Date()): IceServer[] {
    const { stunUrls, turn } = this.config.ice;
    const servers: IceServer[] = stunUrls.length ? [{ urls: stunUrls }] : [];
    if (turn) {
      const { username, credential } = turnCredential(turn.secret, userId, turn.ttlSeconds, now);
      servers.push({ urls: turn.urls, username, credential });
    }
    return servers;
  }
}
