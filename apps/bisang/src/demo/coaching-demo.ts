import { HttpException, INestApplicationContext, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { FairCoachesRepository, FairsRepository, UsersRepository } from '@bisang/database';
import { CoachingBookingsService } from '../../../api/src/coaching/coaching-bookings.service';
import { CoachingSlotsService } from '../../../api/src/coaching/coaching-slots.service';
import { SlotListQueryDto } from '../../../api/src/coaching/dto/slot.dto';
import { BookingListQueryDto } from '../../../api/src/coaching/dto/booking.dto';

const DEMO_COACH_EMAIL = 'coach@demo.bisang.kr';
const DEMO_ORGANIZER_EMAIL = 'organizer@demo.bisang.kr';
/** Morning and afternoon windows (fair-local time), 30-minute sessions 10 minutes apart. */
const DAILY_WINDOWS = [
  ['10:00', '12:00'],
  ['14:00', '17:00'],
] as const;
const DEMO_DAYS = 14;

/** Gives the demo coach availability on the fair's coming days. Idempotent: windows already published are skipped. */
export async function seedCoachingDemo(app: INestApplicationContext, fairId: string): Promise<void> {
  const logger = new Logger('Demo');
  const coach = await app.get(UsersRepository, { strict: false }).findByEmail(DEMO_COACH_EMAIL);
  const fair = await app.get(FairsRepository, { strict: false }).findById(fairId);
  if (!coach || !fair) return;
  // Coaches coach in a fair once an organizer approved them: the demo coach is, by the demo organizer.
  const organizer = await app.get(UsersRepository, { strict: false }).findByEmail(DEMO_ORGANIZER_EMAIL);
  await app.get(FairCoachesRepository, { strict: false }).approve(fairId, coach.id, organizer?.id ?? null, new Date());
  const slots = app.get(CoachingSlotsService, { strict: false });
  const today = DateTime.now().setZone(fair.timezone).startOf('day');
  let created = 0;
  for (let d = 0; d < DEMO_DAYS; d++) {
    const day = today.plus({ days: d }).toISODate();
    for (const [from, to] of DAILY_WINDOWS) {
      try {
        const made = await slots.publishAvailability({ id: coach.id, role: 'coach' }, fairId, {
          startsAt: `${day}T${from}:00`,
          endsAt: `${day}T${to}:00`,
          slotMinutes: 30,
          bufferMinutes: 10,
        });
        created += made.length;
      } catch (err) {
        // past, outside the fair, or already published on an earlier start
        if (!(err instanceof HttpException)) throw err;
      }
    }
  }
  logger.log(`demo coaching: ${created} new slots for the demo coach`);
}

/** Demo seekers who have booked the demo coach's coming sessions, so the KPIs count coaching too. */
const BOOKING_SEEKERS = ['s01', 's03', 's05', 's07', 's08', 's12', 's15', 's17'];

/**
 * Books one coming session each for a few demo seekers, every other slot so that some stay free, through
 * the same queue and decision as any booking. Idempotent: each seeker books with its own Idempotency-Key.
 */
export async function seedCoachingBookingsDemo(app: INestApplicationContext, fairId: string): Promise<void> {
  const users = app.get(UsersRepository, { strict: false });
  const bookings = app.get(CoachingBookingsService, { strict: false });
  const query = Object.assign(new SlotListQueryDto(), { available: 'true', limit: 2 * BOOKING_SEEKERS.length });
  const free = await app.get(CoachingSlotsService, { strict: false }).listSlots(fairId, query, undefined);
  let requested = 0;
  for (const [i, key] of BOOKING_SEEKERS.entries()) {
    const seeker = await users.findByEmail(`${key}@demo.bisang.kr`);
    const slot = free.items[2 * i];
    if (!seeker || !slot) continue;
    try {
      await bookings.requestBooking({ id: seeker.id, role: 'seeker' }, slot.id, `demo-${key}`);
      requested++;
    } catch (err) {
      if (!(err instanceof HttpException)) throw err;
    }
  }
  new Logger('Demo').log(`demo coaching: ${requested} bookings requested`);
}

const DEMO_SEEKER_EMAIL = 'seeker@demo.bisang.kr';
/** A room opens 10 minutes before its session and closes 15 minutes after it (the rooms module's window). */
const ROOM_OPENS_BEFORE_MS = 10 * 60_000;
const ROOM_CLOSES_AFTER_MS = 15 * 60_000;
/** "Soon" for the demo: a room that opens within this is good enough; otherwise a new session is made. */
const ROOM_SOON_MS = 30 * 60_000;

/**
 * A session of the demo seeker (김청년) with the demo coach (박코치) whose room is open now or opens soon, so
 * that a newcomer signed in as either can press 입장하기 at once. Idempotent: nothing new while such a session
 * exists. The session starts at the next 5-minute mark at least 5 minutes away (its room is open from then on), with
 * a second free slot right after it (today's coaching list still has a time to book); when the coach's day already
 * has a slot there, the coach's next free slot is taken instead.
 */
export async function seedRoomDemo(app: INestApplicationContext, fairId: string): Promise<void> {
  const logger = new Logger('Demo');
  const users = app.get(UsersRepository, { strict: false });
  const coach = await users.findByEmail(DEMO_COACH_EMAIL);
  const seeker = await users.findByEmail(DEMO_SEEKER_EMAIL);
  const fair = await app.get(FairsRepository, { strict: false }).findById(fairId);
  if (!coach || !seeker || !fair) return;
  const bookings = app.get(CoachingBookingsService, { strict: false });
  const slots = app.get(CoachingSlotsService, { strict: false });
  const now = Date.now();
  const mine = await bookings.listMyBookings({ id: seeker.id, role: 'seeker' }, Object.assign(new BookingListQueryDto(), { limit: 100 }));
  const enterable = mine.items.find(
    (b) =>
      (b.status === 'confirmed' || b.status === 'pending') &&
      Date.parse(b.endsAt) + ROOM_CLOSES_AFTER_MS > now &&
      Date.parse(b.startsAt) - ROOM_OPENS_BEFORE_MS < now + ROOM_SOON_MS,
  );
  if (enterable) {
    logger.log(`demo room: 김청년 and 박코치 meet at ${enterable.startsAt} (the room opens 10 minutes before)`);
    return;
  }
  const local = DateTime.fromMillis(now).setZone(fair.timezone);
  const start = local.plus({ minutes: 5 + (5 - (local.minute % 5)) }).startOf('minute');
  let slotId: string | undefined;
  try {
    const [made] = await slots.publishAvailability({ id: coach.id, role: 'coach' }, fairId, {
      startsAt: start.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      endsAt: start.plus({ minutes: 60 }).toFormat("yyyy-MM-dd'T'HH:mm:ss"),
      slotMinutes: 30,
      bufferMinutes: 0,
    });
    slotId = made?.id;
  } catch (err) {
    // The coach's published day covers that time (or the fair has ended): their next free slot, if soon enough.
    if (!(err instanceof HttpException)) throw err;
    const query = Object.assign(new SlotListQueryDto(), { available: 'true', limit: 20 });
    const next = (await slots.listSlots(fairId, query, undefined)).items.find((s) => s.coachId === coach.id);
    if (next && Date.parse(next.startsAt) - ROOM_OPENS_BEFORE_MS < now + ROOM_SOON_MS) slotId = next.id;
  }
  if (!slotId) {
    logger.log('demo room: no session could be made now (outside the fair, or the coach has no free time soon)');
    return;
  }
  try {
    const booking = await bookings.requestBooking({ id: seeker.id, role: 'seeker' }, slotId, `demo-room-${slotId}`);
    logger.log(`demo room: 김청년 and 박코치 meet at ${booking.startsAt.toISOString()}; sign in as either and press 입장하기`);
  } catch (err) {
    if (!(err instanceof HttpException)) throw err;
    logger.warn(`demo room: the booking was refused (${err.message})`);
  }
}
