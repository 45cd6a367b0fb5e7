import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, badRequest, decodeCursor, notFound, toPage, clock } from '@bisang/common';
import { ApplicationView, ApplicationsRepository, BoothsRepository, FollowUpDays, HireTerms } from '@bisang/database';
import { PipelineActor, judgeMove } from '@bisang/contracts';
import {
  alreadyApplied,
  applicationNotFound,
  fairNotLive,
  followUpNotAsked,
  illegalTransition,
  noOpeningsLeft,
  notHired,
  onlyBoothStaff,
  onlySeekerAnswers,
  onlySeekerWithdraws,
  postingClosedToApplications,
  seekerMayOnlyWithdraw, notOffered, onlySeekerAnswersOffer } from './applications.errors';
import { ApplicationDto, ChangeStatusDto, ReviewDto, StaffApplicationDto, detailFor } from './dto/application.dto';
import { FollowUpDto, HireDto, HireTermsDto } from './dto/hire.dto';

/** How far from today (fair-local) a hire's start date may lie, either way. */
const START_DATE_WINDOW_DAYS = 365;

/** A concurrent move can make ours stale; we judge it again against the new state this many times. */
const MOVE_ATTEMPTS = 3;

type Party = { application: ApplicationView; party: PipelineActor };

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly booths: BoothsRepository,
  ) {}

  async apply(seeker: AuthenticatedUser, postingId: string, coverLetter: string | undefined): Promise<ApplicationDto> {
    const result = await this.applications.apply(postingId, seeker.id, coverLetter ?? null, clock.now());
    switch (result.outcome) {
      case 'applied':
        return ApplicationDto.from(result.application);
      case 'already_applied':
        throw alreadyApplied();
      case 'posting_not_found':
        throw notFound('Posting', '채용공고');
      case 'posting_closed':
        throw postingClosedToApplications();
      case 'fair_not_live':
        throw fairNotLive();
    }
  }

  async listMine(seeker: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<ApplicationDto>> {
    const rows = await this.applications.listForSeeker(seeker.id, { limit, after: this.after(cursor) });
    return toPage(rows, limit, ApplicationDto.from, keyOf);
  }

  async listForBooth(boothId: string, query: { limit: number; cursor?: string; status?: ApplicationView['status']; postingId?: string }) {
    const rows = await this.applications.listForBooth(boothId, {
      limit: query.limit,
      after: this.after(query.cursor),
      status: query.status,
      postingId: query.postingId,
    });
    return toPage(rows, query.limit, StaffApplicationDto.fromView, keyOf);
  }

  /** Its seeker or its booth's staff see an application with its history (staff also see their note and rating). */
  async get(user: AuthenticatedUser, applicationId: string) {
    const { application, party } = await this.partyOf(user, applicationId);
    return this.detail(party, application);
  }

  /**
   * Moves an application along the pipeline (see application-pipeline.ts). Moving to hired takes an opening of
   * the posting and records the hire. Every move is an `application.moved` event (the seeker's notification,
   * the KPIs and interview bookings follow from it).
   */
  async changeStatus(user: AuthenticatedUser, applicationId: string, dto: ChangeStatusDto) {
    if (dto.hire !== undefined && dto.status !== 'hired') {
      throw badRequest('VALIDATION_FAILED', 'hire 는 status "hired"와 함께만 보낼 수 있습니다 / hire is accepted only with status "hired"');
    }
    for (let attempt = 1; ; attempt++) {
      const { application, party } = await this.partyOf(user, applicationId);
      const from = application.status;
      const verdict = judgeMove(from, dto.status, party);
      if (verdict === 'forbidden') throw party === 'seeker' ? seekerMayOnlyWithdraw() : onlySeekerWithdraws();
      if (verdict === 'illegal') throw illegalTransition(from, dto.status);

      const now = clock.now();
      let moved: ApplicationView | undefined;
      if (dto.status === 'hired') {
        const terms: HireTerms = {
          startDate: this.startDate(dto.hire?.startDate, application.fairTimezone),
          employmentType: dto.hire?.employmentType,
          jobCategory: dto.hire?.jobCategory,
        };
        const result = await this.applications.hire(applicationId, terms, user.id, now);
        if (result.outcome === 'no_openings') throw noOpeningsLeft();
        if (result.outcome === 'hired') moved = result.application;
      } else {
        const result = await this.applications.move(applicationId, from, dto.status, user.id, now);
        if (result.outcome === 'moved') moved = result.application;
      }
      if (moved) return this.detail(party, moved);
      if (attempt >= MOVE_ATTEMPTS) throw illegalTransition(from, dto.status);
    }
  }

  /**
   * The seeker accepts or declines an offer (`application.offer_accepted` / `application.offer_declined`, the
   * booth's staff are told). Staff record the hire after an acceptance, through the status route as before.
   */
  async answerOffer(user: AuthenticatedUser, applicationId: string, accept: boolean) {
    const { party } = await this.partyOf(user, applicationId);
    if (party !== 'seeker') throw onlySeekerAnswersOffer();
    const result = await this.applications.answerOffer(applicationId, user.id, accept, clock.now());
    if (result.outcome === 'not_offered') throw notOffered();
    return this.detail('seeker', result.application);
  }

  /** Staff correct a hire's terms; a new start date moves its follow-ups (`hire.updated`). */
  async updateHire(user: AuthenticatedUser, applicationId: string, dto: HireTermsDto): Promise<HireDto> {
    const { application } = await this.staffOnly(user, applicationId);
    const patch: Partial<HireTerms> = { employmentType: dto.employmentType, jobCategory: dto.jobCategory };
    if (dto.startDate !== undefined) patch.startDate = this.startDate(dto.startDate, application.fairTimezone);
    const result = await this.applications.updateHire(applicationId, patch);
    if (result.outcome === 'not_hired') throw notHired();
    return HireDto.from(result.hire);
  }

  /** Staff undo a mistaken hire: back to offered, the opening restored, the follow-ups gone. */
  async undoHire(user: AuthenticatedUser, applicationId: string) {
    await this.staffOnly(user, applicationId);
    const result = await this.applications.undoHire(applicationId, user.id, clock.now());
    if (result.outcome === 'not_hired') throw notHired();
    return this.detail('booth_staff', result.application);
  }

  async review(user: AuthenticatedUser, applicationId: string, dto: ReviewDto): Promise<StaffApplicationDto> {
    await this.staffOnly(user, applicationId);
    const updated = await this.applications.review(applicationId, { note: dto.note, rating: dto.rating });
    if (!updated) throw applicationNotFound();
    return StaffApplicationDto.fromView(updated);
  }

  /** The seeker answers a follow-up once it was asked; answering again replaces the answer. */
  async answerFollowUp(user: AuthenticatedUser, applicationId: string, days: FollowUpDays, stillEmployed: boolean): Promise<FollowUpDto> {
    const { party } = await this.partyOf(user, applicationId);
    if (party !== 'seeker') throw onlySeekerAnswers();
    const result = await this.applications.answerFollowUp(applicationId, days, stillEmployed, clock.now());
    if (result.outcome !== 'answered') throw result.outcome === 'not_hired' ? notHired() : followUpNotAsked();
    return FollowUpDto.from(result.followUp);
  }

  private async partyOf(user: AuthenticatedUser, applicationId: string): Promise<Party> {
    const application = await this.applications.findView(applicationId);
    if (application && application.seekerId === user.id) return { application, party: 'seeker' };
    if (application && user.role === 'recruiter' && (await this.booths.isStaff(application.boothId, user.id))) {
      return { application, party: 'booth_staff' };
    }
    throw applicationNotFound();
  }

  private async staffOnly(user: AuthenticatedUser, applicationId: string): Promise<Party> {
    const found = await this.partyOf(user, applicationId);
    if (found.party !== 'booth_staff') throw onlyBoothStaff();
    return found;
  }

  private async detail(viewer: PipelineActor, application: ApplicationView) {
    const [transitions, hire] = await Promise.all([
      this.applications.transitions(application.id),
      this.applications.findHire(application.id),
    ]);
    return detailFor(viewer, application, transitions, hire);
  }

  /** A hire's start date: today in the fair's time zone by default, and within a year of today either way. */
  private startDate(given: string | undefined, timezone: string): string {
    const today = DateTime.fromMillis(clock.nowMs()).setZone(timezone).startOf('day');
    const startDate = given ?? today.toISODate()!;
    const days = Math.abs(DateTime.fromISO(startDate, { zone: timezone }).diff(today, 'days').days);
    if (days > START_DATE_WINDOW_DAYS) {
      throw badRequest(
        'VALIDATION_FAILED',
        `hire.startDate 는 오늘부터 ${START_DATE_WINDOW_DAYS}일 이내여야 합니다 / hire.startDate must be within ${START_DATE_WINDOW_DAYS} days of today`,
      );
    }
    return startDate;
  }

  private after(cursor: string | undefined) {
    const key = decodeCursor(cursor, { t: 'instant', i: 'uuid' });
    return key ? { appliedAt: new Date(key.t), id: key.i } : undefined;
  }
}

const keyOf = (a: ApplicationView) => ({ t: new Date(a.appliedAt).toISOString(), i: a.id });
