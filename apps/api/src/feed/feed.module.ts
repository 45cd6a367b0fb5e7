import { Module } from '@nestjs/common';
import { FairEventsRepository, FairsRepository } from '@bisang/database';
import { FeedController } from './feed.controller';
import { FeedService } from './feed.service';

@Module({ controllers: [FeedController], providers: [FeedService, FairEventsRepository, FairsRepository] })
export class FeedModule {}
