/**
 * Do recommendations and the talent-pool search stay fast as a fair grows from 1,000 to 100,000 postings and
 * pooled seekers? (issue #16, matching)
 *
 * The built all-in-one process (dist/apps/bisang/src/main.js) runs on a throwaway database. A live fair with an
 * approved booth, a seeker with a profile and the booth's recruiter are made through the public API; postings
 * (published, of 200 approved booths, across the ten KECO groups, the four employment types, Daegu districts and
 * nearby cities, with and without years asked for) and pooled seekers (profiles, U-turn flags, opted in) are then
 * seeded in bulk with SQL (generate_series). At each size the routes are timed one request at a time; a bare
 * baseline in the same run (`GET /fairs/:fairId`, one row by key through the same stack) shows what any request
 * costs; the server's CPU per request comes from /proc.
 *
 * Usage: `npm run bench:matching [-- --sizes 1000,100000 --requests 200 --warmup 30]`
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { HttpClient, SignedIn, registerUser } from '@bisang/testing';
import {
  bisangEnv,
  cpuTimeMs,
  createOrganizer,
  int,
  liveFairWithApprovedBooth,
  lpad,
  machine,
  ms,
  pad,
  percentile,
  ratio,
  runBench,
  scratch,
  sortedOf,
  startBisang,
} from './bench-support';

interface Route {
  name: string;
  who: 'seeker' | 'recruiter' | 'anyone';
  path: (fairId: string, cursor: string) => string;
}

const ROUTES: Route[] = [
  { name: 'baseline: GET /fairs/:id', who: 'anyone', path: (f) => `/fairs/${f}` },
  { name: 'recommendations (20)', who: 'seeker', path: (f) => `/fairs/${f}/recommendations?limit=20` },
  { name: 'pool: newest (20)', who: 'recruiter', path: (f) => `/fairs/${f}/talent-pool?limit=20` },
  { name: 'pool: page 2 (cursor)', who: 'recruiter', path: (f, c) => `/fairs/${f}/talent-pool?limit=20&cursor=${c}` },
  { name: 'pool: jobCategory=1', who: 'recruiter', path: (f) => `/fairs/${f}/talent-pool?limit=20&jobCategory=1` },
  { name: 'pool: uturn=true', who: 'recruiter', path: (f) => `/fairs/${f}/talent-pool?limit=20&uturn=true` },
  { name: 'pool: region=수성구, 5+ years', who: 'recruiter', path: (f) => `/fairs/${f}/talent-pool?limit=20&region=${encodeURIComponent('수성구')}&minCareerYears=5` },
];

const PLACES = ['대구 수성구', '대구 달서구', '대구 북구', '대구 동구', '대구 중구', '대구 서구', '대구 남구', '대구 달성군', '경북 경산시', '경북 구미시', '서울 강남구'];
const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

async function seedBooths(db: Client, fairId: string, count: number): Promise<void> {
  await db.query(
    `WITH c AS (
       INSERT INTO companies (name, industry, region, size)
       SELECT '대구기업 ' || g || ' (주)', '제조업', '대구', 'small' FROM generate_series(1, $2::int) g RETURNING id
     )
     INSERT INTO booths (fair_id, company_id, headline, status, decided_at)
     SELECT $1, c.id, '채용관', 'approved', now() FROM c`,
    [fairId, count],
  );
}

/** Appends `count` visible postings, newest last. */
async function seedPostings(db: Client, fairId: string, from: number, count: number): Promise<void> {
  await db.query(
    `WITH booths AS (
       SELECT array_agg(id ORDER BY id) AS ids, array_agg(company_id ORDER BY id) AS companies FROM booths WHERE fair_id = $1 AND status = 'approved'
     )
     INSERT INTO postings (booth_id, fair_id, company_id, title, description, job_category, employment_type, openings, location,
                           min_career_years, status, published_at, created_at, updated_at)
     SELECT b.ids[1 + g % cardinality(b.ids)], $1, b.companies[1 + g % cardinality(b.ids)],
            '공고 ' || g, '벤치마크 공고 ' || g, ((g * 7) % 10)::text,
            (ARRAY['regular', 'regular', 'regular', 'contract', 'intern', 'part_time'])[1 + (g * 5) % 6],
            1 + g % 5, (${sqlArray(PLACES)})[1 + g % ${PLACES.length}],
            CASE WHEN g % 3 = 0 THEN NULL ELSE g % 8 END,
            'published', pub, pub, pub
       FROM generate_series($2::int, $2::int + $3::int - 1) AS g, booths b,
            LATERAL (SELECT date_trunc('milliseconds', now() - interval '40 days' + g * interval '30 seconds') AS pub) p`,
    [fairId, from, count],
  );
}

/** Appends `count` seekers with profiles, opted into the fair's pool (a tenth of them under their name). */
async function seedSeekers(db: Client, fairId: string, from: number, count: number): Promise<void> {
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, password_hash, name, role, birth_date)
       SELECT 'pool' || g || '@bench.bisang.kr', 'x', '구직자 ' || g, 'seeker', date '1960-01-01' + (g % 15000)
         FROM generate_series($2::int, $2::int + $3::int - 1) g
       RETURNING id, (regexp_match(email, '^pool(\\d+)@'))[1]::int AS g
     ), p AS (
       INSERT INTO seeker_profiles (user_id, education, desired_job_categories, region, u_turn, career_years, desired_employment_types, updated_at)
       SELECT id, (ARRAY['high_school', 'associate', 'bachelor', 'master'])[1 + g % 4], ARRAY[(g % 10)::text, ((g * 3) % 10)::text],
              (${sqlArray(PLACES)})[1 + g % ${PLACES.length}], g % 10 = 0, g % 31, ARRAY['regular'], now() FROM u
       RETURNING user_id
     )
     INSERT INTO talent_pool_entries (fair_id, seeker_id, visible, show_name, updated_at)
     SELECT $1, u.id, u.g % 20 <> 0, u.g % 10 = 0, now() - interval '30 days' + u.g * interval '10 seconds' FROM u`,
    [fairId, from, count],
  );
  await db.query('ANALYZE');
}

interface Row {
  size: number;
  route: string;
  p50: number;
  p99: number;
  cpu: number;
  items: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,100000' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '30' },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map(Number);
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  console.log(`Matching benchmark — ${machine()}`);
  console.log(`${requests} requests per route and size after ${warmup} warm-up, one at a time; bisang = all-in-one process from dist/\n`);

  const s = scratch('matching');
  runBench(async (stopLater) => {
    const env = bisangEnv(s);
    const bisang = await startBisang('bisang', env);
    stopLater(bisang);
    const http = new HttpClient(bisang.url);
    const organizer = await createOrganizer(http, env);
    const { fairId, booth } = await liveFairWithApprovedBooth(http, organizer);
    const seeker: SignedIn = await registerUser(http, 'seeker', { name: '벤치 구직자' });
    const profile = await http.request('PUT', '/me/profile', {
      body: { desiredJobCategories: ['1', '3'], region: '대구 수성구', uTurn: true, careerYears: 3, desiredEmploymentTypes: ['regular'] },
      token: seeker.accessToken,
    });
    if (profile.status !== 200) throw new Error(`profile: ${profile.status}`);
    const db = new Client({ connectionString: s.databaseUrl });
    await db.connect();
    stopLater({ stop: () => db.end() });
    await seedBooths(db, fairId, 199);

    const tokens = { seeker: seeker.accessToken, recruiter: booth.recruiter.accessToken, anyone: undefined };
    const rows: Row[] = [];
    let postings = 1;
    let seekers = 0;
    for (const size of sizes) {
      process.stderr.write(`  seeding up to ${int(size)} postings and pooled seekers …\n`);
      await seedPostings(db, fairId, postings, size - postings);
      await seedSeekers(db, fairId, seekers, size - seekers);
      postings = size;
      seekers = size;
      const first = await http.get(`/fairs/${fairId}/talent-pool?limit=20`, tokens.recruiter);
      if (first.status !== 200 || first.body.items.length !== 20) throw new Error(`pool: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
      const cursor = first.body.nextCursor as string;
      for (const route of ROUTES) {
        const path = route.path(fairId, cursor);
        const token = tokens[route.who];
        const check = await http.get(path, token);
        if (check.status !== 200) throw new Error(`${route.name}: ${check.status} ${JSON.stringify(check.body)}`);
        for (let i = 0; i < warmup; i++) await http.get(path, token);
        const times: number[] = [];
        const cpuBefore = await cpuTimeMs(bisang.child.pid);
        for (let i = 0; i < requests; i++) {
          const started = performance.now();
          const res = await http.get(path, token);
          times.push(performance.now() - started);
          if (res.status !== 200) throw new Error(`${route.name}: ${res.status}`);
        }
        const cpu = ((await cpuTimeMs(bisang.child.pid)) - cpuBefore) / requests;
        const sorted = sortedOf(times);
        const items = Array.isArray(check.body.items) ? check.body.items.length : 1;
        rows.push({ size, route: route.name, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpu, items });
      }
    }
    const [small, large] = [sizes[0], sizes[sizes.length - 1]];
    console.log('');
    const header = `${pad('route', 32)} ${sizes.map((n) => `${lpad(`p50 @${int(n)}`, 12)} ${lpad(`p99 @${int(n)}`, 12)}`).join(' ')} ${lpad('p50 ratio', 9)} ${lpad('p99 ratio', 9)} ${lpad(`CPU/req @${int(large)}`, 16)}`;
    console.log(header);
    console.log('-'.repeat(header.length));
    const at = (route: string, n: number) => rows.find((r) => r.route === route && r.size === n)!;
    const wide = (name: string) => name + ' '.repeat(Math.max(0, 32 - name.length - (name.match(/[\uac00-\ud7a3]/g)?.length ?? 0)));
    for (const route of ROUTES) {
      const cells = sizes.map((n) => `${lpad(ms(at(route.name, n).p50), 12)} ${lpad(ms(at(route.name, n).p99), 12)}`).join(' ');
      console.log(
        `${wide(route.name)} ${cells} ${lpad(ratio(at(route.name, large).p50, at(route.name, small).p50), 9)} ${lpad(ratio(at(route.name, large).p99, at(route.name, small).p99), 9)} ${lpad(`${ms(at(route.name, large).cpu)} ms`, 16)}`,
      );
    }
    console.log(`\nms per HTTP request (keep-alive); ratios are ${int(large)} / ${int(small)} postings and pooled seekers; CPU is the server process's.`);
  }, s);
}

void main();
