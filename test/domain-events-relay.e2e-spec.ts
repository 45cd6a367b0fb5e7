import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '@bisang/contracts';
import { SignedIn, applyTo, createOrganizer, eventually, openPosting, registerUser } from '@bisang/testing';
import { DomainEventHandler, OnDomainEvents } from '../apps/worker/src/events/domain-event-subscriber';
import { TestApp, startTestApp } from './support/test-app';

/** What a probe subscriber saw: every attempt, by which app, and whether it threw. */
interface Attempt {
  eventId: number;
  applicationId: string;
  app: string;
  ok: boolean;
}

/** A subscriber of `application.moved` that records its attempts and throws for the applications in `failing`. */
function probe(name: string, app: string, log: Attempt[], failing: Set<string>) {
  @Injectable()
  @OnDomainEvents({ name, events: ['application.moved'] })
  class Probe implements DomainEventHandler<'application.moved'> {
    async handle(event: DomainEvent<'application.moved'>): Promise<void> {
      const ok = !failing.has(event.payload.applicationId);
      log.push({ eventId: event.id, applicationId: event.payload.applicationId, app, ok });
      if (!ok) throw new Error('probe: this one fails');
    }
  }
  return Probe;
}

/** The subscription starts at the beginning of the run's outbox: only this test's applications count. */
const handledOnce = (log: Attempt[], applicationIds: string[]) => {
  const ok = log.filter((a) => a.ok && applicationIds.includes(a.applicationId)).map((a) => a.eventId);
  return { handled: new Set(ok).size, duplicates: ok.length - new Set(ok).size };
};

describe('the outbox relay', () => {
  describe('a subscriber that throws', () => {
    const log: Attempt[] = [];
    const failing = new Set<string>();
    let t: TestApp;
    let organizer: SignedIn;

    beforeAll(async () => {
      t = await startTestApp(
        { EVENT_MAX_ATTEMPTS: 2, EVENT_RETRY_BASE_MS: 3000 },
        { providers: [probe('probe-failing', 'a', log, failing)] },
      );
      organizer = await createOrganizer(t.app, t.http);
    });
    afterAll(() => t.close());

    it('does not hold up the other events or subscribers; its event is parked, replayed by an organizer, then handled once', async () => {
      const { postingId, booth } = await openPosting(t.http, organizer);
      const [seekerA, seekerB] = [await registerUser(t.http, 'seeker'), await registerUser(t.http, 'seeker')];
      const [a, b] = [await applyTo(t.http, seekerA, postingId), await applyTo(t.http, seekerB, postingId)];
      failing.add(a);
      const move = (id: string) => t.http.post(`/applications/${id}/status`, { status: 'screening' }, booth.recruiter.accessToken);
      expect((await move(a)).status).toBe(200);
      expect((await move(b)).status).toBe(200);

      // B's event, after A's in the outbox, is handled while A's is still being retried.
      await eventually(() => log.some((x) => x.applicationId === b && x.ok), 10_000, "B's event handled");
      const firstOkOfB = log.findIndex((x) => x.applicationId === b && x.ok);
      // A's first attempt came before B's (the outbox order); its retry, 3 s later, did not hold B back.
      expect(log.slice(0, firstOkOfB).filter((x) => x.applicationId === a)).toHaveLength(1);
      // The other subscribers never saw a failure: A's seeker has their notification.
      await eventually(async () => (await t.http.get('/me/notifications', seekerA.accessToken)).body.lastNotificationId === 1, 10_000, 'A notified');

      // After its second attempt the event is parked, and organizers see it.
      const parked = async () => (await t.http.get('/admin/events/parked', organizer.accessToken)).body.items as { subscriber: string; eventId: number; type: string; attempts: number }[];
      await eventually(async () => (await parked()).some((p) => p.subscriber === 'probe-failing'), 10_000, 'parked');
      const [p] = (await parked()).filter((x) => x.subscriber === 'probe-failing');
      expect(p).toMatchObject({ type: 'application.moved', attempts: 2 });
      expect(log.filter((x) => x.applicationId === a)).toHaveLength(2);
      expect((await t.http.get('/admin/events/parked', seekerA.accessToken)).status).toBe(403);

      // The fault is fixed; an organizer replays the event: handled once, and no longer parked.
      failing.clear();
      const replay = await t.http.post(`/admin/events/parked/probe-failing/${p.eventId}/replay`, {}, organizer.accessToken);
      expect(replay.status).toBe(204);
      await eventually(() => log.some((x) => x.applicationId === a && x.ok), 10_000, 'replayed');
      expect((await parked()).filter((x) => x.subscriber === 'probe-failing')).toEqual([]);
      const again = await t.http.post(`/admin/events/parked/probe-failing/${p.eventId}/replay`, {}, organizer.accessToken);
      expect([again.status, again.body.code]).toEqual([404, 'PARKED_EVENT_NOT_FOUND']);
      for (const bad of ['/admin/events/parked/probe-failing/abc/replay', '/admin/events/parked/Bad Name/1/replay']) {
        expect((await t.http.post(bad, {}, organizer.accessToken)).status).toBe(400);
      }
      expect(handledOnce(log, [a, b])).toEqual({ handled: 2, duplicates: 0 });
    });
  });

  describe('two processes running the relay', () => {
    it('hand each event to a subscriber once between them, and one takes over when the other stops', async () => {
      const log: Attempt[] = [];
      const none = new Set<string>();
      const settings = { EVENT_LEASE_MS: 1000 };
      const first = await startTestApp(settings, { providers: [probe('probe-shared', 'first', log, none)] });
      const second = await startTestApp(settings, { providers: [probe('probe-shared', 'second', log, none)] });
      try {
        const organizer = await createOrganizer(first.app, first.http);
        const { postingId, booth } = await openPosting(first.http, organizer, { openings: 50 });
        const seekers = await Promise.all(Array.from({ length: 24 }, () => registerUser(first.http, 'seeker')));
        const ids = await Promise.all(seekers.map((s) => applyTo(first.http, s, postingId)));
        const move = (id: string) => second.http.post(`/applications/${id}/status`, { status: 'screening' }, booth.recruiter.accessToken);

        await Promise.all(ids.slice(0, 12).map(move));
        await eventually(() => handledOnce(log, ids).handled >= 12, 10_000, 'first half handled');
        await first.close(); // gives its leases back
        await Promise.all(ids.slice(12).map(move));
        await eventually(() => handledOnce(log, ids).handled >= 24, 15_000, 'second half handled');

        expect(handledOnce(log, ids)).toEqual({ handled: 24, duplicates: 0 });
        const mine = log.filter((x) => ids.includes(x.applicationId));
        expect(new Set(mine.map((x) => x.applicationId))).toEqual(new Set(ids));
        expect(mine.slice(-12).every((x) => x.app === 'second')).toBe(true);
      } finally {
        await second.close();
        await first.close().catch(() => undefined);
      }
    });
  });
});
