import { Module } from '@nestjs/common';
import { ResumesRepository, SeekerProfilesRepository } from '@bisang/database';
import { ProfilesController } from './profiles.controller';
import { ProfilesService } from './profiles.service';
import { SeekerAccessPolicy } from './seeker-access.policy';

/** Seeker profiles, and the consent rule that says who may see a seeker's profile and resume. */
@Module({
  controllers: [ProfilesController],
  providers: [SeekerProfilesRepository, ResumesRepository, ProfilesService, SeekerAccessPolicy],
  exports: [SeekerAccessPolicy],
})
export class ProfilesModule {}
