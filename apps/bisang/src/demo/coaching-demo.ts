import { HttpException, INestApplicationContext, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { FairsRepository, UsersRepository } from '@bisang/database';
import { CoachingSlotsService } from '../../../api/src/coaching/coaching-slots.service';

const DEMO_COACH_EMAIL = 'coach@demo.bisang.kr';
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
