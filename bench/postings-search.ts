/**
 * Does searching a fair's postings stay fast as the fair grows from 1,000 to 100,000 visible postings?
 * (issue #3, the fair feed)
 *
 * The built all-in-one process (dist/apps/bisang/src/main.js) runs on a throwaway database. A live fair with
 * approved booths is made through the public API; its postings are then seeded in bulk with SQL
 * (generate_series): published, of approved booths — visible by the API's rules — with mixed Korean and
 * English titles and descriptions across the ten KECO groups and the four employment types. At each size
 * `GET /api/v1/fairs/:fairId/postings` is timed, one request at a time, for a mix of queries, and the plans
 * of the slowest are shown with EXPLAIN ANALYZE.
 *
 * Usage: `npm run bench:postings-search [-- --sizes 1000,100000 --requests 100 --warmup 20]`
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { HttpClient } from '@bisang/testing';
import {
  bisangEnv,
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

interface Query {
  name: string;
  /** The query string; `cursor` is filled in from the first page of the plain listing. */
  params: Record<string, string>;
  /** Shown, but outside the target mix and the overall figures (a known weak spot, see the README). */
  outsideMix?: boolean;
}

const QUERIES: Query[] = [
  { name: 'newest first (page 1)', params: {} },
  { name: 'newest first (page 2, cursor)', params: { cursor: '' } },
  { name: 'q=개발 (Korean)', params: { q: '개발' } },
  { name: 'q=engineer (English)', params: { q: 'engineer' } },
  { name: 'jobCategory=3', params: { jobCategory: '3' } },
  { name: 'employmentType=intern', params: { employmentType: 'intern' } },
  { name: '* q=경비 (2 syllables, no match)', params: { q: '경비' }, outsideMix: true },
];

/** Title stems: Korean, English, KECO major group. Dev jobs are common, as at a Daegu fair they are. */
const JOBS: [string, string, string][] = [
  ['백엔드 개발자', 'Backend developer', '1'],
  ['프론트엔드 개발자', 'Frontend developer', '1'],
  ['임베디드 SW 개발', 'Embedded software engineer', '1'],
  ['기계 설계 엔지니어', 'Mechanical design engineer', '1'],
  ['품질관리 엔지니어', 'Quality assurance engineer', '8'],
  ['생산관리 담당자', 'Production manager', '8'],
  ['CNC 가공 기술자', 'CNC machinist', '8'],
  ['용접 기능공', 'Welder', '8'],
  ['자동차 부품 조립', 'Auto parts assembler', '8'],
  ['회계 담당자', 'Accountant', '0'],
  ['사무 보조', 'Office assistant', '0'],
  ['인사 총무', 'HR and general affairs', '0'],
  ['방과후 교사', 'After-school teacher', '2'],
  ['사회복지사', 'Social worker', '2'],
  ['간호사', 'Registered nurse', '3'],
  ['물리치료사', 'Physical therapist', '3'],
  ['그래픽 디자이너', 'Graphic designer', '4'],
  ['조리사', 'Cook', '5'],
  ['호텔 프런트', 'Hotel front desk', '5'],
  ['영업 관리', 'Sales manager', '6'],
  ['물류 배송 기사', 'Delivery driver', '6'],
  ['건축 현장 관리', 'Construction site manager', '7'],
  ['스마트팜 재배 관리', 'Smart farm grower', '9'],
];
const DISTRICTS = ['수성구', '달서구', '북구', '동구', '중구', '서구', '남구', '달성군', '경산시', '구미시'];
const SENTENCES = [
  '대구 청년 비상 채용박람회 특별 채용입니다.',
  '주 5일 근무, 4대 보험, 퇴직금, 중식 제공.',
  '신입 및 경력 지원 가능하며 U턴 인재를 환영합니다.',
  '사내 교육과 자격증 취득을 지원합니다.',
  'We welcome applicants who can work in Korean and English.',
  'Flexible hours after probation; relocation support for U-turn returnees.',
  '신제품 개발 프로젝트에 참여할 수 있습니다.',
  'Experience with ERP or MES systems is a plus.',
  '우대사항: 관련 자격증 소지자, 인근 거주자.',
  'Career growth with a stable, family-run SME.',
];

/** Pads for a terminal, where a Hangul syllable takes two columns. */
const padWide = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length - (s.match(/[\uac00-\ud7a3]/g)?.length ?? 0)));

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/** Appends `count` visible postings, spread over the fair's approved booths, newest last (published_at). */
async function seedPostings(db: Client, fairId: string, from: number, count: number): Promise<void> {
  await db.query(
    `WITH jobs AS (
       SELECT ${sqlArray(JOBS.map((j) => j[0]))} AS ko, ${sqlArray(JOBS.map((j) => j[1]))} AS en, ${sqlArray(JOBS.map((j) => j[2]))} AS keco
     ), booths AS (
       SELECT array_agg(id ORDER BY id) AS ids, array_agg(company_id ORDER BY id) AS companies FROM booths WHERE fair_id = $1 AND status = 'approved'
     ), base AS (SELECT now() - interval '40 days' AS t0)
     INSERT INTO postings (booth_id, fair_id, company_id, title, description, job_category, employment_type, openings, location,
                           salary_min, salary_max, status, published_at, created_at, updated_at)
     SELECT b.ids[1 + g % cardinality(b.ids)], $1, b.companies[1 + g % cardinality(b.ids)],
            j.ko[1 + (g * 7) % cardinality(j.ko)] || ' / ' || j.en[1 + (g * 7) % cardinality(j.ko)] || ' (' || d[1 + g % 10] || ')',
            '대구 ' || d[1 + g % 10] || ' 근무. ' || s[1 + g % 10] || ' ' || s[1 + (g * 3 + 1) % 10] || ' ' || s[1 + (g * 7 + 2) % 10],
            j.keco[1 + (g * 7) % cardinality(j.ko)],
            (ARRAY['regular', 'regular', 'regular', 'contract', 'intern', 'part_time'])[1 + (g * 5) % 6],
            1 + g % 5, '대구 ' || d[1 + g % 10],
            2400 + (g % 20) * 100, 3000 + (g % 20) * 150,
            'published', pub, pub, pub
     FROM generate_series($2::int, $2::int + $3::int - 1) AS g, jobs j, booths b, base,
          LATERAL (SELECT date_trunc('milliseconds', base.t0 + g * interval '30 seconds') AS pub) p,
          (SELECT ${sqlArray(DISTRICTS)} AS d, ${sqlArray(SENTENCES)} AS s) t`,
    [fairId, from, count],
  );
  // As autovacuum would soon after such a load: without it the planner believes the booths and companies
  // inserted above are not there and picks a plan that reads every posting of the fair.
  await db.query('ANALYZE');
}

/** Approved booths of other companies, inserted directly: the API path is covered by the fair's first booth. */
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

interface Row {
  size: number;
  query: string;
  p50: number;
  p99: number;
  items: number;
}

async function timeQueries(
  http: HttpClient,
  fairId: string,
  size: number,
  requests: number,
  warmup: number,
): Promise<{ rows: Row[]; all: number[]; cursor: string }> {
  const first = await http.get(`/fairs/${fairId}/postings?limit=20`);
  if (first.status !== 200 || first.body.items.length !== 20) throw new Error(`listing: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
  const cursor = first.body.nextCursor as string;
  const rows: Row[] = [];
  const all: number[] = [];
  for (const q of QUERIES) {
    const params = new URLSearchParams({ limit: '20', ...q.params, ...('cursor' in q.params ? { cursor } : {}) });
    const path = `/fairs/${fairId}/postings?${params}`;
    const check = await http.get(path);
    if (check.status !== 200) throw new Error(`${q.name}: ${check.status} ${JSON.stringify(check.body)}`);
    for (let i = 0; i < warmup; i++) await http.get(path);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const res = await http.get(path);
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${q.name}: ${res.status}`);
    }
    if (!q.outsideMix) all.push(...times);
    const sorted = sortedOf(times);
    rows.push({ size, query: q.name, p50: percentile(sorted, 50), p99: percentile(sorted, 99), items: check.body.items.length });
  }
  return { rows, all, cursor };
}

/** The SQL PostingsRepository.searchVisible runs for a query, under EXPLAIN (ANALYZE, BUFFERS). */
async function explain(db: Client, fairId: string, q: Query, cursor: string): Promise<string> {
  const where = [`p.fair_id = $1`, `p.status = 'published'`, `b.status = 'approved'`];
  const params: unknown[] = [fairId];
  if ('cursor' in q.params) {
    const after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { publishedAt: string; id: string };
    params.push(after.publishedAt, after.id);
    where.push(`(p.published_at, p.id) < ($2, $3)`);
  }
  if (q.params.q) {
    params.push(`%${q.params.q}%`);
    where.push(`(p.title || ' ' || p.description) ILIKE $${params.length}`);
    if ([...q.params.q].length === 2) {
      params.push(q.params.q);
      where.push(`posting_bigrams(p.title || ' ' || p.description) @> posting_bigrams($${params.length})`);
    }
  }
  if (q.params.jobCategory) {
    params.push(q.params.jobCategory);
    where.push(`p.job_category = $${params.length}`);
  }
  if (q.params.employmentType) {
    params.push(q.params.employmentType);
    where.push(`p.employment_type = $${params.length}`);
  }
  const sql = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
    SELECT p.*, c.name AS company_name, b.status AS booth_status FROM postings p JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id
    WHERE ${where.join(' AND ')} ORDER BY p.published_at DESC, p.id DESC LIMIT 21`;
  const res = await db.query(sql, params);
  return res.rows.map((r: Record<string, string>) => `    ${r['QUERY PLAN']}`).join('\n');
}

function printTable(rows: Row[], overall: Map<number, number[]>, sizes: number[]): void {
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const header = `${pad('query', 32)} ${sizes.map((n) => `${lpad(`p50 @${int(n)}`, 12)} ${lpad(`p99 @${int(n)}`, 12)}`).join(' ')} ${lpad('p50 ratio', 9)} ${lpad('p99 ratio', 9)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  const line = (name: string, bySize: (n: number) => { p50: number; p99: number }) => {
    const cells = sizes.map((n) => `${lpad(ms(bySize(n).p50), 12)} ${lpad(ms(bySize(n).p99), 12)}`).join(' ');
    console.log(`${padWide(name, 32)} ${cells} ${lpad(ratio(bySize(large).p50, bySize(small).p50), 9)} ${lpad(ratio(bySize(large).p99, bySize(small).p99), 9)}`);
  };
  for (const q of QUERIES) line(q.name, (n) => rows.find((r) => r.size === n && r.query === q.name)!);
  const totals = new Map(sizes.map((n) => [n, sortedOf(overall.get(n)!)]));
  line('overall', (n) => ({ p50: percentile(totals.get(n)!, 50), p99: percentile(totals.get(n)!, 99) }));
  console.log('* outside the target mix and the overall line.');
  console.log(`\nms per HTTP request (one at a time, keep-alive, limit=20); ratios are ${int(large)} / ${int(small)} postings.`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1000,100000' },
      requests: { type: 'string', default: '100' },
      warmup: { type: 'string', default: '20' },
      explain: { type: 'string', default: '3' },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map(Number);
  const requests = Number(values.requests);
  const warmup = Number(values.warmup);
  console.log(`Postings search benchmark — ${machine()}`);
  console.log(`GET /api/v1/fairs/:fairId/postings, ${requests} requests per query and size after ${warmup} warm-up; bisang = all-in-one process from dist/\n`);

  const s = scratch('search');
  runBench(async (stopLater) => {
    const env = bisangEnv(s);
    const bisang = await startBisang('bisang', env);
    stopLater(bisang);
    const http = new HttpClient(bisang.url);
    const organizer = await createOrganizer(http, env);
    const { fairId } = await liveFairWithApprovedBooth(http, organizer);
    const db = new Client({ connectionString: s.databaseUrl });
    await db.connect();
    stopLater({ stop: () => db.end() });
    await seedBooths(db, fairId, 199);

    const rows: Row[] = [];
    const overall = new Map<number, number[]>();
    let seeded = 1; // the booth's own posting, published through the API
    const plans: string[] = [];
    for (const size of sizes) {
      process.stderr.write(`  seeding up to ${int(size)} postings …\n`);
      const started = performance.now();
      await seedPostings(db, fairId, seeded, size - seeded);
      seeded = size;
      const visible = await db.query(
        `SELECT count(*)::int AS n FROM postings p JOIN booths b ON b.id = p.booth_id WHERE p.fair_id = $1 AND p.status = 'published' AND b.status = 'approved'`,
        [fairId],
      );
      process.stderr.write(`  ${int(visible.rows[0].n)} visible postings (${((performance.now() - started) / 1000).toFixed(1)} s); timing …\n`);
      const measured = await timeQueries(http, fairId, size, requests, warmup);
      rows.push(...measured.rows);
      overall.set(size, measured.all);
      if (size === sizes[sizes.length - 1]) {
        const slowest = [...measured.rows].sort((a, b) => b.p99 - a.p99).slice(0, Number(values.explain));
        for (const r of slowest) {
          const q = QUERIES.find((x) => x.name === r.query)!;
          plans.push(`  ${q.name} @${int(size)} (p99 ${ms(r.p99)} ms):\n${await explain(db, fairId, q, measured.cursor)}`);
        }
      }
    }
    console.log('');
    printTable(rows, overall, sizes);
    console.log(`\nEXPLAIN ANALYZE of the ${plans.length} slowest at ${int(sizes[sizes.length - 1])} (the repository's SQL):\n`);
    console.log(plans.join('\n\n'));
  }, s);
}

void main();
