import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthenticatedUser } from '@bisang/auth';
import { Page, decodeCursor, forbidden, notFound, toPage, clock } from '@bisang/common';
import {
  BoothsRepository,
  CoachingSlotEntity,
  CoachingSlotsRepository,
  CoachingWaitlistRepository,
  FairEntity,
  FairsRepository,
  SlotKind,
  SlotListFilter,
  isFairVisibleTo,
} from '@bisang/database';
import { JobProducer, jobIds } from '@bisang/queues';
import {
  alreadyWaiting,
  availabilityOverlaps,
  boothNotApproved,
  coachNotFound,
  dateOutsideFair,
  fairClosed,
  fairNotFound,
  invalidWindow,
  notBookable,
  slotAlreadyWithdrawn,
  slotBooked,
  slotNotFound,
  tooManySlots,
  windowInPast,
  windowOutsideFair,
  windowTooShort,
  waitlistEntryClosed,
  waitlistEntryNotFound,
} from './coaching.errors';
import { CreateAvailabilityDto } from './dto/availability.dto';
import { SlotDto, SlotListQueryDto } from './dto/slot.dto';
import { JoinWaitlistDto, WaitlistEntryDto, WaitlistListQueryDto, WaitlistPageDto } from './dto/waitlist.dto';
import { SlotKindPolicies } from './slot-kind.policy';

export const MAX_SLOTS_PER_REQUEST = 200;

/** Cuts [start, end) into consecutive slots of `slotMinutes`, `bufferMinutes` apart; the last one ends by `end`. */
export function cutSlots(start: DateTime, end: DateTime, slotMinutes: number, bufferMinutes: number): { startsAt: Date; endsAt: Date }[] {
  const slots: { startsAt: Date; endsAt: Date }[] = [];
  for (let cursor = start; ; ) {
    const slotEnd = cursor.plus({ minutes: slotMinutes });
    if (slotEnd > end || slots.length > MAX_SLOTS_PER_REQUEST) break;
    slots.push({ startsAt: cursor.toJSDate(), endsAt: slotEnd.toJSDate() });
    cursor = slotEnd.plus({ minutes: bufferMinutes });
  }
  return slots;
}

/** An instant from the API: with an offset as given, without one in the fair's time zone. */
const inFairZone = (value: string, fair: Pick<FairEntity, 'timezone'>) => DateTime.fromISO(value, { zone: fair.timezone });

@Injectable()
export class CoachingSlotsService {
  constructor(
    private readonly slots: CoachingSlotsRepository,
    private readonly waitlist: CoachingWaitlistRepository,
    private readonly fairs: FairsRepository,
    private readonly policies: SlotKindPolicies,
    private readonly jobs: JobProducer,
    private readonly booths: BoothsRepository,
  ) {}

  /** Publishes a window of availability as slots cut in the fair's time zone. */
  async publishAvailability(
    user: AuthenticatedUser,
    fairId: string,
    dto: CreateAvailabilityDto,
    kind: SlotKind = 'coaching',
    boothId: string | null = null,
    now = clock.now(),
  ): Promise<CoachingSlotEntity[]> {
    if (!this.policies.of(kind).publisherRoles.includes(user.role)) throw forbidden();
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, user.role)) throw fairNotFound();
    if (fair.status === 'closed') throw fairClosed();
    const whyNot = await this.policies.of(kind).whyNotPublishable(user, fairId);
    if (whyNot) throw notBookable(whyNot);
    const start = inFairZone(dto.startsAt, fair);
    const end = inFairZone(dto.endsAt, fair);
    if (!start.isValid || !end.isValid || end <= start) throw invalidWindow();
    if (start.toMillis() <= now.getTime()) throw windowInPast();
    if (start.toMillis() < fair.startsAt.getTime() || end.toMillis() > fair.endsAt.getTime()) throw windowOutsideFair();
    const windows = cutSlots(start, end, dto.slotMinutes, dto.bufferMinutes ?? 0);
    if (windows.length === 0) throw windowTooShort();
    if (windows.length > MAX_SLOTS_PER_REQUEST) throw tooManySlots(MAX_SLOTS_PER_REQUEST);
    const created = await this.slots.createSlots({ fairId, coachId: user.id, kind, boothId, windows });
    if (created === 'overlap') throw availabilityOverlaps();
    return created;
  }

  /** A fair's coaching slots (interview slots are listed per booth). */
  async listSlots(fairId: string, query: SlotListQueryDto, caller: AuthenticatedUser | undefined, now = clock.now()): Promise<Page<SlotDto>> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, caller?.role)) throw fairNotFound();
    return this.pageOfSlots({ fairId, kind: 'coaching' }, fair, query, now);
  }

  /** Staff of an approved booth publish its interview availability; the same slots and engine as coaching. */
  async publishInterviewAvailability(user: AuthenticatedUser, boothId: string, dto: CreateAvailabilityDto): Promise<CoachingSlotEntity[]> {
    const booth = await this.booths.findById(boothId);
    if (!booth) throw notFound('Booth', '부스');
    if (booth.status !== 'approved') throw boothNotApproved();
    return this.publishAvailability(user, booth.fairId, dto, 'interview', boothId);
  }

  /** A booth's interview slots: public once the booth is approved, else only to its staff. */
  async listInterviewSlots(
    boothId: string,
    query: SlotListQueryDto,
    caller: AuthenticatedUser | undefined,
    now = clock.now(),
  ): Promise<Page<SlotDto>> {
    const booth = await this.booths.findById(boothId);
    const visible = booth && (booth.status === 'approved' || (caller && (await this.booths.isStaff(boothId, caller.id))));
    const fair = visible ? await this.fairs.findById(booth.fairId) : null;
    if (!booth || !visible || !fair) throw notFound('Booth', '부스');
    return this.pageOfSlots({ boothId, kind: 'interview' }, fair, query, now);
  }

  private async pageOfSlots(
    scope: Pick<SlotListFilter, 'fairId' | 'boothId' | 'kind'>,
    fair: FairEntity,
    query: SlotListQueryDto,
    now: Date,
  ): Promise<Page<SlotDto>> {
    const cursor = decodeCursor(query.cursor, { s: 'instant', i: 'uuid' });
    const after = cursor ? { startsAt: new Date(cursor.s), id: cursor.i } : undefined;
    const rows = await this.slots.findSlotsPage({
      ...scope,
      now,
      from: query.from ? inFairZone(query.from, fair).toJSDate() : undefined,
      to: query.to ? inFairZone(query.to, fair).toJSDate() : undefined,
      coachId: query.coachId,
      available: query.available === undefined ? undefined : query.available === 'true',
      after,
      limit: query.limit,
    });
    return toPage(rows, query.limit, SlotDto.from, (r) => ({ s: r.startsAt.toISOString(), i: r.id }));
  }

  async withdrawSlot(user: AuthenticatedUser, slotId: string): Promise<CoachingSlotEntity> {
    const result = await this.slots.withdrawUnbookedSlot(slotId, user.id, clock.now());
    switch (result.outcome) {
      case 'withdrawn':
        return result.slot;
      case 'booked':
        throw slotBooked();
      case 'already_withdrawn':
        throw slotAlreadyWithdrawn();
      default:
        throw slotNotFound();
    }
  }

  /** Puts the seeker on a coach's waitlist for one day of the fair (in its time zone). */
  async joinWaitlist(user: AuthenticatedUser, fairId: string, dto: JoinWaitlistDto): Promise<WaitlistEntryDto> {
    const fair = await this.fairs.findById(fairId);
    if (!isFairVisibleTo(fair, user.role)) throw fairNotFound();
    if (fair.status === 'closed') throw fairClosed();
    const day = DateTime.fromISO(dto.date, { zone: fair.timezone });
    const first = DateTime.fromJSDate(fair.startsAt, { zone: fair.timezone }).startOf('day');
    const last = DateTime.fromJSDate(fair.endsAt, { zone: fair.timezone }).startOf('day');
    if (day < first || day > last) throw dateOutsideFair();
    if (!(await this.slots.hasSlotsInFair(fairId, dto.coachId))) throw coachNotFound();
    const entry = await this.waitlist.joinWaitlist({ fairId, coachId: dto.coachId, seekerId: user.id, day: dto.date });
    if (!entry) throw alreadyWaiting();
    return WaitlistEntryDto.from(entry);
  }

  /** The seeker leaves a waitlist entry of theirs; a slot it held passes to the next waiter (`waitlist.hold_released`). */
  async leaveWaitlist(user: AuthenticatedUser, fairId: string, entryId: string): Promise<WaitlistEntryDto> {
    const result = await this.waitlist.leaveWaitlist(entryId, user.id, fairId);
    if (result.outcome !== 'left') throw result.outcome === 'not_found' ? waitlistEntryNotFound() : waitlistEntryClosed();
    return WaitlistEntryDto.from(result.entry);
  }

  async listMyWaitlist(user: AuthenticatedUser, query: WaitlistListQueryDto): Promise<WaitlistPageDto> {
    const cursor = decodeCursor(query.cursor, { c: 'instant', i: 'uuid' });
    const after = cursor ? { createdAt: new Date(cursor.c), id: cursor.i } : undefined;
    const rows = await this.waitlist.findForSeekerPage(user.id, query.limit, after);
    return toPage(rows, query.limit, WaitlistEntryDto.from, (e) => ({ c: e.createdAt.toISOString(), i: e.id }));
  }
}
