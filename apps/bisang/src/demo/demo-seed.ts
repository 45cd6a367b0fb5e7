import { INestApplicationContext, Logger } from '@nestjs/common';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import { AccountsService } from '@bisang/auth';
import { UsersRepository } from '@bisang/database';
import { seedApplicationsDemo } from './applications-demo';
import { seedCoachingBookingsDemo, seedCoachingDemo, seedRoomDemo } from './coaching-demo';
import { seedFairDemo } from './fair-demo';
import { seedMatchingDemo } from './matching-demo';

const TRICKLE_EVERY_MS = 45_000;

export const DEMO_PASSWORD = 'bisang2016!';

/** Demo accounts, one per role, made once (a second start finds them). */
const DEMO_ACCOUNTS = [
  { email: 'organizer@demo.bisang.kr', name: '대구일자리센터 운영자', role: 'organizer' as const },
  { email: 'recruiter@demo.bisang.kr', name: '이채용', role: 'recruiter' as const },
  { email: 'coach@demo.bisang.kr', name: '박코치', role: 'coach' as const },
  { email: 'seeker@demo.bisang.kr', name: '김청년', role: 'seeker' as const, birthDate: '1998-05-09' },
];

/**
 * Seeds a demo fair modelled on the 2016 Daegu Youth Bisang online job fair. Idempotent. `trickle: false`
 * (the web tests' screenshots) leaves out the posting published every 45 s. Returns the fair's id.
 */
export async function seedDemo(app: INestApplicationContext, options: { trickle?: boolean } = {}): Promise<{ fairId: string }> {
  const logger = new Logger('Demo');
  const accounts = app.get(AccountsService, { strict: false });
  const users = app.get(UsersRepository, { strict: false });
  for (const account of DEMO_ACCOUNTS) {
    // The demo's people signed up through the form: they agreed to the privacy consent (organizers are staff).
    const privacyConsentVersion = account.role === 'organizer' ? null : PRIVACY_CONSENT_VERSION;
    const created = await accounts.createAccount({ ...account, password: DEMO_PASSWORD, privacyConsentVersion });
    // Demo addresses reach nobody: verified at once, so the demo seeker may apply and book (their verification
    // mail still shows in the demo inbox).
    if (created) await users.markEmailVerified(created.id, created.email, new Date());
  }
  logger.log(`demo accounts ready (${DEMO_ACCOUNTS.map((a) => a.role).join(', ')}), password in README`);
  const { fairId, trickle } = await seedFairDemo(app);
  await seedCoachingDemo(app, fairId);
  await seedApplicationsDemo(app, fairId, DEMO_PASSWORD);
  await seedCoachingBookingsDemo(app, fairId);
  // After the other demo bookings, which take every other free slot: the slot after the room's stays free to book.
  await seedRoomDemo(app, fairId);
  await seedMatchingDemo(app, fairId, DEMO_PASSWORD);
  if (options.trickle === false) return { fairId };
  // A new posting now and then, so the live feed visibly moves during the demo.
  const timer = setInterval(() => {
    trickle().catch((err: Error) => logger.warn(`demo trickle: ${err.message}`));
  }, TRICKLE_EVERY_MS);
  timer.unref();
  logger.log(`demo fair live: /api/v1/fairs/${fairId} — a new posting every ${TRICKLE_EVERY_MS / 1000} s`);
  return { fairId };
}
