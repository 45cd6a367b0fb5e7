import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, conflict, decodeCursor, notFound, toPage, clock } from '@bisang/common';
import { CounsellingNoteView, FairsRepository, IntroductionAnswerOutcome, IntroductionView, IntroductionsRepository } from '@bisang/database';
import { answerRefused } from '../matching/matching.errors';
import { CounsellingNoteDto, IntroductionDto, IntroductionInputDto } from './dto/introduction.dto';

const seekerNotFound = () => notFound('Seeker', '구직자');
const introductionNotFound = () => notFound('Introduction', '소개');
const alreadyIntroduced = () => conflict('ALREADY_INTRODUCED', '이미 이 채용공고에 소개한 구직자입니다 / This seeker was already introduced to this posting');

type Key = { createdAt: Date; id: string };
const after = (cursor?: string): Key | undefined => {
  const key = decodeCursor(cursor, { t: 'instant', i: 'uuid' });
  return key ? { createdAt: new Date(key.t), id: key.i } : undefined;
};
const keyOf = (r: { createdAt: Date; id: string }) => ({ t: new Date(r.createdAt).toISOString(), i: r.id });

/** The centre's counselling notes and introductions (소개): organizers write them, the seeker answers. */
@Injectable()
export class IntroductionsService {
  constructor(
    private readonly introductions: IntroductionsRepository,
    private readonly fairs: FairsRepository,
  ) {}

  async addNote(organizer: AuthenticatedUser, seekerId: string, body: string): Promise<CounsellingNoteDto> {
    if (!(await this.introductions.isSeeker(seekerId))) throw seekerNotFound();
    return CounsellingNoteDto.from(await this.introductions.addNote(seekerId, organizer.id, body));
  }

  async listNotes(seekerId: string, limit: number, cursor?: string): Promise<Page<CounsellingNoteDto>> {
    if (!(await this.introductions.isSeeker(seekerId))) throw seekerNotFound();
    const rows = await this.introductions.listNotes(seekerId, limit, after(cursor));
    return toPage(rows, limit, CounsellingNoteDto.from, (r: CounsellingNoteView) => keyOf(r));
  }

  async introduce(organizer: AuthenticatedUser, fairId: string, dto: IntroductionInputDto): Promise<IntroductionDto> {
    if (!(await this.fairs.findById(fairId))) throw notFound('Fair', '박람회');
    const result = await this.introductions.introduce({ fairId, seekerId: dto.seekerId, postingId: dto.postingId, organizerId: organizer.id, message: dto.message || null });
    switch (result.outcome) {
      case 'introduced':
        return IntroductionDto.from(result.introduction);
      case 'posting_not_found':
        throw notFound('Posting', '채용공고');
      case 'seeker_not_found':
        throw seekerNotFound();
      case 'already_introduced':
        throw alreadyIntroduced();
      case 'already_applied':
        throw conflict('ALREADY_APPLIED', '이미 이 채용공고에 지원한 구직자입니다 / This seeker already applied to this posting');
    }
  }

  async listForFair(fairId: string, limit: number, cursor?: string): Promise<Page<IntroductionDto>> {
    const rows = await this.introductions.list({ fairId }, limit, after(cursor));
    return toPage(rows, limit, IntroductionDto.from, (r: IntroductionView) => keyOf(r));
  }

  async listMine(seeker: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<IntroductionDto>> {
    const rows = await this.introductions.list({ seekerId: seeker.id }, limit, after(cursor));
    return toPage(rows, limit, IntroductionDto.from, (r: IntroductionView) => keyOf(r));
  }

  async accept(seeker: AuthenticatedUser, id: string): Promise<IntroductionDto> {
    return IntroductionDto.from(answered(await this.introductions.accept(id, seeker.id, clock.now())));
  }

  async decline(seeker: AuthenticatedUser, id: string): Promise<IntroductionDto> {
    return IntroductionDto.from(answered(await this.introductions.decline(id, seeker.id, clock.now())));
  }
}

function answered(result: IntroductionAnswerOutcome): IntroductionView {
  if (result.outcome === 'answered') return result.offer;
  throw answerRefused(result.outcome, introductionNotFound);
}
