import { HttpException, INestApplicationContext, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { FairCoachesRepository, FairsRepository, UsersRepository } from '@bisang/database';
import { CoachingBookingsService } from '../../../api/src/coaching/coaching-bookings.service';
import { CoachingSlotsService } from '../../../api/src/coaching/coaching-slots.service';
import { SlotListQueryDto } from '../../../api/src/coaching/dto/slot.dto';

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
