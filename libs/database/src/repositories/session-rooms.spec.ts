import { overlapMs } from './session-rooms.repository';

describe('overlapMs: how long seeker and coach were in the room together within the slot', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 11, 2, 10, min));
  const from = at(0);
  const to = at(30);
  const now = at(60);

  it('counts only the time both were there, clipped to the slot, merging a participant’s overlapping sockets', () => {
    const intervals = [
      { userId: 'coach', joinedAt: at(-5), leftAt: at(40) },
      { userId: 'seeker', joinedAt: at(2), leftAt: at(10) },
      { userId: 'seeker', joinedAt: at(8), leftAt: at(12) }, // a second tab, overlapping the first
      { userId: 'seeker', joinedAt: at(20), leftAt: null }, // still there
    ];
    expect(overlapMs(intervals, 'seeker', 'coach', from, to, now)).toBe((10 + 10) * 60_000);
  });

  it('is zero when they never met, and counts an open stay up to now before the end', () => {
    expect(overlapMs([{ userId: 'coach', joinedAt: at(0), leftAt: at(5) }, { userId: 'seeker', joinedAt: at(6), leftAt: at(9) }], 'seeker', 'coach', from, to, now)).toBe(0);
    const open = [
      { userId: 'coach', joinedAt: at(0), leftAt: null },
      { userId: 'seeker', joinedAt: at(5), leftAt: null },
    ];
    expect(overlapMs(open, 'seeker', 'coach', from, to, at(20))).toBe(15 * 60_000);
  });
});
