import { HttpClient } from './http-client';
import { SignedIn } from './factories';
import { BoothSetup, createBooth, createFair, publishPosting } from './fair-fixtures';

export interface OpenPosting {
  fairId: string;
  booth: BoothSetup;
  postingId: string;
}

/** A live fair with an approved booth and one published posting open for applications. */
export async function openPosting(
  http: HttpClient,
  organizer: SignedIn,
  posting: Record<string, unknown> = {},
  companyName?: string,
): Promise<OpenPosting> {
  const fair = await createFair(http, organizer);
  const booth = await createBooth(http, fair.id, companyName);
  const postingId = await publishPosting(http, booth, '생산관리 담당 (신입)', posting);
  const approved = await http.post(`/booths/${booth.boothId}/approve`, {}, organizer.accessToken);
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  return { fairId: fair.id, booth, postingId };
}

/** Applies through the API; returns the application id. */
export async function applyTo(http: HttpClient, seeker: { accessToken: string }, postingId: string): Promise<string> {
  const res = await http.post(`/postings/${postingId}/applications`, { coverLetter: '열심히 하겠습니다.' }, seeker.accessToken);
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const FORWARD = ['screening', 'interview', 'offered'] as const;

/** Moves an applied application forward, one stage at a time, up to `stage` (never to hired). */
export async function advanceTo(
  http: HttpClient,
  staff: { accessToken: string },
  applicationId: string,
  stage: (typeof FORWARD)[number],
): Promise<void> {
  for (const status of FORWARD.slice(0, FORWARD.indexOf(stage) + 1)) {
    const res = await http.post(`/applications/${applicationId}/status`, { status }, staff.accessToken);
    if (res.status !== 200) throw new Error(`move to ${status}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
