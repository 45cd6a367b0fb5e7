import { Module } from '@nestjs/common';
import { FairsRepository } from '@bisang/database';
import { AnnouncementsController, FairsController } from './fairs.controller';
import { FairsService } from './fairs.service';

@Module({
  controllers: [FairsController, AnnouncementsController],
  providers: [FairsService, FairsRepository],
  exports: [FairsService],
})
export class FairsModule {}
