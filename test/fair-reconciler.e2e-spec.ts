import { JobProducer, jobIds } from '@bisang/queues';
import type { FeedEvent } from '@bisang/contracts';
import { SignedIn, connectTestDb, createFair, createOrganizer, eventually } from '@bisang/testing';
import { TestApp, startTestApp } from './support/test-app';
import type { Client } from 'pg';

/**
 * A fair whose opening or closing passed while nothing was running (its delayed jobs lost with it)
 * is moved by the reconciler when a process starts, and gets its remaining job back.
 */
describe('fair lifecycle after downtime', () => {
  let db: Client;
  let first: TestApp;
  let organizer: SignedIn;

  beforeAll(async () => {
    db = await connectTestDb();
    first = await startTestApp();
    organizer = await createOrganizer(first.app, first.http);
  });
  afterAll(async () => {
    await first?.close(); // the test closes it; again here when it failed before that (a no-op otherwise)
    await db.end();
  });

  const hours = (n: number) => new Date(Date.now() + n * 3600_000);

  it('opens a fair whose start passed and closes one whose end passed, at the next start-up', async () => {
    const opening = await createFair(first.http, organizer, { startsAt: hours(1), endsAt: hours(5) });
    const ending = await createFair(first.http, organizer, { startsAt: hours(1), endsAt: hours(5) });
    expect([opening.status, ending.status]).toEqual(['scheduled', 'scheduled']);
    const jobs = first.app.get(JobProducer, { strict: false });
    // scheduled by the subscriber of fair.published, just after the answer
    const bothScheduled = async () => {
      for (const fair of [opening, ending]) {
        if (!(await jobs.isScheduled('fair.open', jobIds.fairOpen(fair.id))) || !(await jobs.isScheduled('fair.close', jobIds.fairClose(fair.id)))) return false;
      }
      return true;
    };
    await eventually(bothScheduled, 'fair.open and fair.close scheduled');

    // Downtime: the jobs are lost, the process goes away, and the fairs' moments pass meanwhile.
    for (const fair of [opening, ending]) {
      await jobs.cancel('fair.open', jobIds.fairOpen(fair.id));
      await jobs.cancel('fair.close', jobIds.fairClose(fair.id));
    }
    expect(await jobs.isScheduled('fair.open', jobIds.fairOpen(opening.id))).toBe(false);
    await first.close();
    await db.query(`UPDATE fairs SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`, [opening.id]);
    await db.query(`UPDATE fairs SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [ending.id]);

    const second = await startTestApp();
    try {
      const opened = await second.http.get(`/fairs/${opening.id}`);
      const closed = await second.http.get(`/fairs/${ending.id}`);
      expect(opened.body.status).toBe('live');
      expect(closed.body.status).toBe('closed');
      const openedFeed = (await second.http.get(`/fairs/${opening.id}/feed`)).body.items as FeedEvent[];
      const closedFeed = (await second.http.get(`/fairs/${ending.id}/feed`)).body.items as FeedEvent[];
      expect(openedFeed.map((e) => e.type)).toEqual(['fair.opened']);
      expect(closedFeed.map((e) => e.type)).toEqual(['fair.closed']);
      // the live fair will still close on time
      const secondJobs = second.app.get(JobProducer, { strict: false });
      await eventually(() => secondJobs.isScheduled('fair.close', jobIds.fairClose(opening.id)), 'fair.close scheduled again');
    } finally {
      await second.close();
    }
  });
});
