import { hireFollowUpJobs } from './outcome-jobs';

describe('hireFollowUpJobs', () => {
  it('asks 30, 60 and 90 days after the start date at 09:00 in the fair time zone', () => {
    const jobs = hireFollowUpJobs('a1b2', '2026-05-20', 'Asia/Seoul');
    expect(jobs.map((j) => j.fireAt.toISOString())).toEqual([
      '2026-06-19T00:00:00.000Z',
      '2026-07-19T00:00:00.000Z',
      '2026-08-18T00:00:00.000Z',
    ]);
    expect(jobs.map((j) => j.payload)).toEqual([30, 60, 90].map((d) => ({ applicationId: 'a1b2', daysAfterStart: d, startDate: '2026-05-20' })));
  });

  it('follows the zone across a daylight-saving change', () => {
    // New York: 09:00 is 13:00 UTC in summer (EDT) and 14:00 UTC in winter (EST).
    const [, , ninety] = hireFollowUpJobs('x', '2026-09-01', 'America/New_York');
    expect(ninety.fireAt.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    const [thirty] = hireFollowUpJobs('x', '2026-06-01', 'America/New_York');
    expect(thirty.fireAt.toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('puts the start date in the job ids, without ":" (BullMQ refuses it)', () => {
    const ids = hireFollowUpJobs('app', '2026-05-20', 'Asia/Seoul').map((j) => j.jobId);
    expect(ids).toEqual(['hire-follow-up-app-30-2026-05-20', 'hire-follow-up-app-60-2026-05-20', 'hire-follow-up-app-90-2026-05-20']);
    expect(ids.some((id) => id.includes(':'))).toBe(false);
  });
});
