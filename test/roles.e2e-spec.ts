import { randomUUID } from 'node:crypto';
import { Controller, Get, Injectable, Module, Param } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthenticatedUser, CurrentUser, OwnedBy, OwnershipPolicy, OwnershipVerdict, Public, Roles } from '@bisang/auth';
import { createHttpApp, createLogger } from '@bisang/common';
import { CoreModule } from '@bisang/core';
import { HttpClient, SignedIn, createOrganizer, registerUser } from '@bisang/testing';
import { ApiModule } from '../apps/api/src/api.module';

/**
 * The guard matrix (@Roles, @Public, @OwnedBy) over real HTTP, on routes that exist only in this test,
 * next to the real /auth routes that issue the tokens.
 */

/** widget id -> owner id; filled by the test. */
const widgetOwners = new Map<string, string>();
const WIDGET = { ownedBySeeker: randomUUID(), ownedByCoach: randomUUID(), missing: randomUUID() };

@Injectable()
class WidgetPolicy implements OwnershipPolicy {
  readonly resource = { en: 'Widget', ko: '위젯' };
  async check(user: AuthenticatedUser, widgetId: string): Promise<OwnershipVerdict> {
    const owner = widgetOwners.get(widgetId);
    if (!owner) return 'not_found';
    return owner === user.id ? 'allow' : 'forbidden';
  }
}

const answer = (route: string, caller?: AuthenticatedUser) => ({ route, caller: caller ? { id: caller.id, role: caller.role } : null });

@Controller('role-probe')
class RoleProbeController {
  @Get('organizers')
  @Roles('organizer')
  organizers(@CurrentUser() caller: AuthenticatedUser) {
    return answer('organizers', caller);
  }

  @Get('staff')
  @Roles('recruiter', 'coach')
  staff(@CurrentUser() caller: AuthenticatedUser) {
    return answer('staff', caller);
  }

  @Get('anyone')
  @Public()
  anyone(@CurrentUser() caller?: AuthenticatedUser) {
    return answer('anyone', caller);
  }

  @Get('signed-in')
  signedIn(@CurrentUser() caller: AuthenticatedUser) {
    return answer('signed-in', caller);
  }

  @Get('widgets/:widgetId')
  @OwnedBy(WidgetPolicy, 'widgetId')
  widget(@Param('widgetId') widgetId: string, @CurrentUser() caller: AuthenticatedUser) {
    return { ...answer('widget', caller), widgetId };
  }
}

@Module({
  imports: [CoreModule.forRoot({ AUTH_RATE_LIMIT: 0 }), ApiModule],
  controllers: [RoleProbeController],
  providers: [WidgetPolicy],
})
class RoleProbeAppModule {}

type Caller = 'anonymous' | 'seeker' | 'recruiter' | 'coach' | 'organizer';

describe('role guards over HTTP', () => {
  let app: NestFastifyApplication;
  let http: HttpClient;
  const users = {} as Record<Exclude<Caller, 'anonymous'>, SignedIn>;
  const tokenOf = (caller: Caller) => (caller === 'anonymous' ? undefined : users[caller].accessToken);

  beforeAll(async () => {
    app = await createHttpApp(RoleProbeAppModule, { logger: createLogger(process.env.LOG_LEVEL ?? 'silent') });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    http = new HttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    users.seeker = await registerUser(http, 'seeker');
    users.recruiter = await registerUser(http, 'recruiter');
    users.coach = await registerUser(http, 'coach');
    users.organizer = await createOrganizer(app, http);
    widgetOwners.set(WIDGET.ownedBySeeker, users.seeker.id);
    widgetOwners.set(WIDGET.ownedByCoach, users.coach.id);
  });

  afterAll(async () => {
    await app?.close();
  });

  const ROUTES: Record<string, Partial<Record<Caller, 200 | 401 | 403>>> = {
    organizers: { anonymous: 401, seeker: 403, recruiter: 403, coach: 403, organizer: 200 },
    staff: { anonymous: 401, seeker: 403, recruiter: 200, coach: 200, organizer: 403 },
    anyone: { anonymous: 200, seeker: 200, recruiter: 200, coach: 200, organizer: 200 },
    'signed-in': { anonymous: 401, seeker: 200, recruiter: 200, coach: 200, organizer: 200 },
  };
  const CODE = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN_ROLE' } as const;
  const cases = Object.entries(ROUTES).flatMap(([route, expected]) =>
    Object.entries(expected).map(([caller, status]) => ({ route, caller: caller as Caller, status: status! })),
  );

  it.each(cases)('GET /role-probe/$route as $caller → $status', async ({ route, caller, status }) => {
    const res = await http.get(`/role-probe/${route}`, tokenOf(caller));
    expect(res.status).toBe(status);
    if (status === 200) {
      // the route ran, and saw the caller the token proves (nobody on an anonymous call)
      expect(res.body).toEqual({
        route,
        caller: caller === 'anonymous' ? null : { id: users[caller].id, role: caller },
      });
    } else {
      expect(res.body).toMatchObject({ statusCode: status, code: CODE[status] });
      expect(typeof res.body.message).toBe('string');
      expect(res.body).not.toHaveProperty('route');
    }
  });

  it('names the allowed roles in a FORBIDDEN_ROLE message', async () => {
    const res = await http.get('/role-probe/staff', users.seeker.accessToken);
    expect(res.body.code).toBe('FORBIDDEN_ROLE');
    expect(res.body.message).toContain('recruiter');
    expect(res.body.message).toContain('coach');
  });

  describe('a token that is present but not valid', () => {
    const tamperedRole = () => {
      // the seeker's own token with its payload edited to claim the organizer role
      const [header, payload, signature] = users.seeker.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      const forged = Buffer.from(JSON.stringify({ ...claims, role: 'organizer' })).toString('base64url');
      return `${header}.${forged}.${signature}`;
    };

    it.each([
      ['garbage', () => 'garbage.token.here'],
      ['a refresh token', () => users.seeker.refreshToken],
      ['a token whose role claim was edited', tamperedRole],
    ])('is refused with 401 INVALID_TOKEN even on a public route: %s', async (_name, token) => {
      for (const route of ['anyone', 'organizers', 'signed-in']) {
        const res = await http.get(`/role-probe/${route}`, token());
        expect([route, res.status, res.body.code]).toEqual([route, 401, 'INVALID_TOKEN']);
      }
    });

    it('is refused when the Authorization header is not a bearer token', async () => {
      const res = await http.request('GET', '/role-probe/anyone', { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } });
      expect([res.status, res.body.code]).toEqual([401, 'INVALID_TOKEN']);
    });
  });

  describe('ownership (@OwnedBy)', () => {
    it('lets the owner in', async () => {
      const res = await http.get(`/role-probe/widgets/${WIDGET.ownedBySeeker}`, users.seeker.accessToken);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ route: 'widget', widgetId: WIDGET.ownedBySeeker, caller: { id: users.seeker.id, role: 'seeker' } });
    });

    it('answers 403 FORBIDDEN to someone who may know the resource exists but not act on it', async () => {
      for (const caller of ['seeker', 'organizer'] as const) {
        const res = await http.get(`/role-probe/widgets/${WIDGET.ownedByCoach}`, users[caller].accessToken);
        expect([caller, res.status, res.body.code]).toEqual([caller, 403, 'FORBIDDEN']);
      }
    });

    it('answers 404 NOT_FOUND for a resource that does not exist (for the policy)', async () => {
      const res = await http.get(`/role-probe/widgets/${WIDGET.missing}`, users.coach.accessToken);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      expect(res.body.message).toContain('Widget');
    });

    it('answers 400 INVALID_ID for an id that is not a UUID, before asking the policy', async () => {
      const res = await http.get('/role-probe/widgets/not-a-uuid', users.seeker.accessToken);
      expect([res.status, res.body.code]).toEqual([400, 'INVALID_ID']);
    });

    it('asks for sign-in first: anonymous callers get 401 whatever the resource', async () => {
      for (const id of [WIDGET.ownedBySeeker, WIDGET.missing]) {
        const res = await http.get(`/role-probe/widgets/${id}`);
        expect([id, res.status, res.body.code]).toEqual([id, 401, 'UNAUTHENTICATED']);
      }
    });
  });
});
