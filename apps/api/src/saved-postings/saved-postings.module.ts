import { Module } from '@nestjs/common';
import { SavedPostingsRepository } from '@bisang/database';
import { SavedPostingsController } from './saved-postings.controller';
import { SavedPostingsService } from './saved-postings.service';

/** Saved postings (스크랩) and their deadline reminders (scheduled by the worker from `posting.saved`). */
@Module({
  controllers: [SavedPostingsController],
  providers: [SavedPostingsService, SavedPostingsRepository],
})
export class SavedPostingsModule {}
