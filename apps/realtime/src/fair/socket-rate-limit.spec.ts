import { EventBucket } from './socket-rate-limit';

describe('EventBucket (a socket’s event allowance)', () => {
  it('lets a burst through, then one event per 1/rate seconds, and says when to retry', () => {
    const bucket = new EventBucket(10, 3, null, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0)].every((v) => v.ok)).toBe(true);
    expect(bucket.take(0)).toEqual({ ok: false, retryAfterMs: 100, disconnect: false });
    expect(bucket.take(50)).toEqual({ ok: false, retryAfterMs: 50, disconnect: false });
    expect(bucket.take(100)).toEqual({ ok: true });
    // refills up to the burst, never beyond
    const later = [0, 0, 0, 0].map(() => bucket.take(60_000));
    expect(later.map((v) => v.ok)).toEqual([true, true, true, false]);
  });

  it('asks for a disconnect once a client kept sending past its refusals', () => {
    const bucket = new EventBucket(1, 1, 3, 0);
    expect(bucket.take(0).ok).toBe(true);
    const verdicts = [1, 2, 3].map((t) => bucket.take(t));
    expect(verdicts.map((v) => !v.ok && v.disconnect)).toEqual([false, false, true]);
  });

  it('forgets refusals older than the abuse window', () => {
    const bucket = new EventBucket(1, 1, 3, 0);
    bucket.take(0);
    bucket.take(1);
    bucket.take(2); // two refusals
    expect(bucket.take(20_000).ok).toBe(true);
    expect(bucket.take(20_001)).toMatchObject({ ok: false, disconnect: false }); // a new window: one refusal
  });
});
