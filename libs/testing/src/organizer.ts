import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AccountsService } from '@bisang/auth';
import { HttpClient } from './http-client';
import { PASSWORD, SignedIn, uniqueEmail } from './factories';

/** Organizers cannot self-register: made through the same service the CLI uses, then signed in over HTTP. */
export async function createOrganizer(app: NestFastifyApplication, http: HttpClient): Promise<SignedIn> {
  const email = uniqueEmail('organizer');
  await app.get(AccountsService, { strict: false }).createAccount({ email, password: PASSWORD, name: '운영자', role: 'organizer' });
  const res = await http.post('/auth/login', { email, password: PASSWORD });
  return { id: res.body.user.id, email, role: 'organizer', accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}
