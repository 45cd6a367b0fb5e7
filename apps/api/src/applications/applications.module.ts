import { Module } from '@nestjs/common';
import { AccountsModule } from '@bisang/auth';
import { ApplicationsRepository, CompaniesRepository, PostingsRepository } from '@bisang/database';
import { BoothsModule } from '../booths/booths.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

/** Applications, the hiring pipeline, hires and their retention follow-ups. */
@Module({
  imports: [AccountsModule, BoothsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, CompaniesRepository, PostingsRepository, ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
