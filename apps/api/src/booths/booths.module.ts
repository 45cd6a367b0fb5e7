import { Module } from '@nestjs/common';
import { BoothsRepository, CompaniesRepository, FairsRepository } from '@bisang/database';
import { BoothReviewPolicy } from './booth-review.policy';
import { BoothStaffPolicy } from './booth-staff.policy';
import { BoothsController } from './booths.controller';
import { BoothsService } from './booths.service';

@Module({
  controllers: [BoothsController],
  providers: [BoothsService, BoothsRepository, CompaniesRepository, FairsRepository, BoothStaffPolicy, BoothReviewPolicy],
  exports: [BoothStaffPolicy, BoothReviewPolicy, BoothsRepository],
})
export class BoothsModule {}
