import { Module } from '@nestjs/common';
import { CompaniesRepository, UsersRepository } from '@bisang/database';
import { CompaniesController } from './companies.controller';
import { CompaniesService } from './companies.service';

@Module({
  controllers: [CompaniesController],
  providers: [CompaniesService, CompaniesRepository, UsersRepository],
})
export class CompaniesModule {}
