import type { Socket } from 'socket.io-client';
import type { FeedEvent, JoinAck } from '@bisang/contracts';
import { HttpClient } from './http-client';
import { SignedIn, registerUser } from './factories';

let counter = 0;

/** A fair through the API: live now unless a window is given. */
export async function createFair(
  http: HttpClient,
  organizer: SignedIn,
  opts: { startsAt?: Date; endsAt?: Date; publish?: boolean } = {},
): Promise<{ id: string; slug: string; status: string }> {
  const now = Date.now();
  const slug = `fair-${now.toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 6)}`;
  const res = await http.post(
    '/fairs',
    {
      slug,
      title: '테스트 청년 비상 온라인 채용박람회',
      timezone: 'Asia/Seoul',
      startsAt: (opts.startsAt ?? new Date(now - 3600_000)).toISOString(),
      endsAt: (opts.endsAt ?? new Date(now + 50 * 86400_000)).toISOString(),
      hiringTarget: 150,
    },
    organizer.accessToken,
  );
  if (res.status !== 201) throw new Error(`create fair: ${res.status} ${JSON.stringify(res.body)}`);
  if (opts.publish === false) return res.body;
  const pub = await http.post(`/fairs/${res.body.id}/publish`, {}, organizer.accessToken);
  if (pub.status !== 200) throw new Error(`publish fair: ${pub.status} ${JSON.stringify(pub.body)}`);
  return pub.body;
}

export interface BoothSetup {
  recruiter: SignedIn;
  companyId: string;
  boothId: string;
}

/** A recruiter, a company and a pending booth in the fair. */
export async function createBooth(http: HttpClient, fairId: string, companyName = '대구정밀(주)'): Promise<BoothSetup> {
  const recruiter = await registerUser(http, 'recruiter');
  const company = await http.post('/companies', { name: companyName, region: '대구' }, recruiter.accessToken);
  const booth = await http.post(`/fairs/${fairId}/booths`, { companyId: company.body.id, headline: `${companyName} 채용관` }, recruiter.accessToken);
  if (booth.status !== 201) throw new Error(`booth: ${booth.status} ${JSON.stringify(booth.body)}`);
  return { recruiter, companyId: company.body.id, boothId: booth.body.id };
}

export const postingBody = (title = '백엔드 개발자 (Node.js)', extra: Record<string, unknown> = {}) => ({
  title,
  description: '대구 수성구 근무, 채용박람회 특별 채용. TypeScript experience welcome.',
  jobCategory: '1',
  employmentType: 'regular',
  openings: 2,
  ...extra,
});

/** Creates and publishes a posting; returns its id. */
export async function publishPosting(http: HttpClient, booth: BoothSetup, title?: string, extra?: Record<string, unknown>): Promise<string> {
  const created = await http.post(`/booths/${booth.boothId}/postings`, postingBody(title, extra), booth.recruiter.accessToken);
  if (created.status !== 201) throw new Error(`posting: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await http.post(`/postings/${created.body.id}/publish`, {}, booth.recruiter.accessToken);
  if (published.status !== 200) throw new Error(`publish posting: ${published.status} ${JSON.stringify(published.body)}`);
  return created.body.id;
}

/** Collects a socket's feed events. */
export function collectFeed(socket: Socket): FeedEvent[] {
  const events: FeedEvent[] = [];
  socket.on('feed', (e: FeedEvent) => events.push(e));
  return events;
}

/** Resolves once the socket is connected (rejects on connect_error). */
export async function connected(socket: Socket): Promise<void> {
  if (socket.connected) return;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

export async function joinFair(socket: Socket, fairId: string, since?: number): Promise<JoinAck> {
  await connected(socket);
  return socket.timeout(EVENT_WAIT_MS).emitWithAck('fair:join', since === undefined ? { fairId } : { fairId, since });
}

/**
 * How long a test waits for something that must happen (an event, a job, a state). Generous on purpose: a loaded
 * 2-core machine makes things late, never absent, and the wait ends as soon as the condition holds, so only a real
 * failure ever waits this long. A latency the product promises is asserted as a latency, not through this.
 */
export const EVENT_WAIT_MS = 30_000;

/**
 * Waits until `predicate` holds (polling), or fails after EVENT_WAIT_MS. `ms` (the older form) is an explicit
 * budget instead: only for a promised latency, e.g. "within a second".
 */
export async function eventually(predicate: () => boolean | Promise<boolean>, what?: string): Promise<void>;
export async function eventually(predicate: () => boolean | Promise<boolean>, ms: number, what?: string): Promise<void>;
export async function eventually(predicate: () => boolean | Promise<boolean>, msOrWhat?: number | string, what = 'condition'): Promise<void> {
  const ms = typeof msOrWhat === 'number' ? msOrWhat : EVENT_WAIT_MS;
  const label = typeof msOrWhat === 'string' ? msOrWhat : what;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${label}`);
}
