import { randomBytes } from 'node:crypto';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import { HttpClient } from './http-client';

export const uniqueEmail = (tag = 'user') => `${tag}.${randomBytes(5).toString('hex')}@test.bisang.kr`;
export const PASSWORD = 'correct-horse-42';

export interface SignedIn {
  id: string;
  email: string;
  role: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers a self-service account through the API. */
export async function registerUser(
  http: HttpClient,
  role: 'seeker' | 'recruiter' | 'coach',
  extra: { birthDate?: string; name?: string } = {},
): Promise<SignedIn> {
  const email = uniqueEmail(role);
  const res = await http.post('/auth/register', {
    email,
    password: PASSWORD,
    name: extra.name ?? `테스트 ${role}`,
    role,
    ...(role === 'seeker' ? { birthDate: extra.birthDate ?? '1999-04-01' } : {}),
    // As the web form sends it (the CONTRACT request without it is tested on its own, in privacy.e2e-spec).
    privacyConsentVersion: PRIVACY_CONSENT_VERSION,
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.user.id, email, role, accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}
