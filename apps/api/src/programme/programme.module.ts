import { Module } from '@nestjs/common';
import { BoothsRepository, FairsRepository, ProgrammeRepository } from '@bisang/database';
import { FairsModule } from '../fairs/fairs.module';
import { ProgrammeController } from './programme.controller';
import { ProgrammeService } from './programme.service';

/** A fair's programme (기업설명회 and other items); seats and booking come later, with group sessions. */
@Module({
  imports: [FairsModule],
  controllers: [ProgrammeController],
  providers: [ProgrammeService, ProgrammeRepository, FairsRepository, BoothsRepository],
})
export class ProgrammeModule {}
