import { Module } from '@nestjs/common';
import { ResumesRepository, SeekerProfilesRepository } from '@bisang/database';
import { StorageModule } from '@bisang/storage';
import { ProfilesModule } from '../profiles/profiles.module';
import { ResumeAccessPolicy } from './resume-access.policy';
import { ResumesController } from './resumes.controller';
import { ResumesService } from './resumes.service';

/** Seekers' resumes: PDF uploads checked by content, kept in file storage, shown only with the seeker's consent. */
@Module({
  imports: [StorageModule, ProfilesModule],
  controllers: [ResumesController],
  providers: [ResumesRepository, SeekerProfilesRepository, ResumesService, ResumeAccessPolicy],
})
export class ResumesModule {}
