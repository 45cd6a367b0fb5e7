import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@bisang/auth';
import { notFound } from '@bisang/common';
import { ResumesRepository, SeekerProfilesRepository } from '@bisang/database';
import { ProfileDto, UpdateProfileDto } from './dto/profile.dto';

const profileNotFound = () => notFound('Seeker profile', '구직자 프로필');

@Injectable()
export class ProfilesService {
  constructor(
    private readonly profiles: SeekerProfilesRepository,
    private readonly resumes: ResumesRepository,
  ) {}

  /** A seeker's profile with their resume's metadata; the viewer has passed SeekerAccessPolicy. */
  async get(seekerId: string, viewer: AuthenticatedUser): Promise<ProfileDto> {
    const [view, resume] = await Promise.all([this.profiles.findView(seekerId), this.resumes.findBySeeker(seekerId)]);
    if (!view) throw profileNotFound();
    return ProfileDto.from(view, resume, viewer.id === seekerId);
  }

  async replaceOwn(user: AuthenticatedUser, dto: UpdateProfileDto): Promise<ProfileDto> {
    // the replace reads the saved view back itself; only the resume's metadata is read beside it
    const saved = this.profiles.replace(user.id, {
      education: dto.education ?? null,
      desiredJobCategories: dto.desiredJobCategories ?? [],
      region: dto.region ?? null,
      uTurn: dto.uTurn ?? false,
      careerSummary: dto.careerSummary ?? null,
      careerYears: dto.careerYears ?? null,
      desiredEmploymentTypes: dto.desiredEmploymentTypes ?? [],
      careerBreak: dto.careerBreak ?? false,
    });
    const [view, resume] = await Promise.all([saved, this.resumes.findBySeeker(user.id)]);
    return ProfileDto.from(view, resume, true);
  }
}
