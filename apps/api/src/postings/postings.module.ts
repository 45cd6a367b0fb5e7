import { Module } from '@nestjs/common';
import { FairsRepository, PostingsRepository } from '@bisang/database';
import { BoothsModule } from '../booths/booths.module';
import { PostingStaffPolicy } from './posting-staff.policy';
import { PostingsController } from './postings.controller';
import { PostingsService } from './postings.service';

@Module({
  imports: [BoothsModule],
  controllers: [PostingsController],
  providers: [PostingsService, PostingsRepository, FairsRepository, PostingStaffPolicy],
})
export class PostingsModule {}
