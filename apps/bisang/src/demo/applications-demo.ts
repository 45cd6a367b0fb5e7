import { HttpException, INestApplicationContext, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '@bisang/auth';
import { hashPassword } from '@bisang/auth';
import { clock } from '@bisang/common';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import { ApplicationsRepository, FairsRepository, PostingsRepository, UsersRepository } from '@bisang/database';
import { ApplicationsService } from '../../../api/src/applications/applications.service';
import { BoothsService } from '../../../api/src/booths/booths.service';
import { IntroductionsService } from '../../../api/src/introductions/introductions.service';

/** Demo job seekers: youth (15–34) and older, including a 55-year-old U-turn returnee. Birth dates make the youth share. */
const SEEKERS = [
  { key: 's01', name: '이지은', birthDate: '2001-03-14' },
  { key: 's02', name: '박민준', birthDate: '1997-07-22' },
  { key: 's03', name: '최서연', birthDate: '2003-11-05' },
  { key: 's04', name: '정도윤', birthDate: '1995-01-30' },
  { key: 's05', name: '강하은', birthDate: '1999-09-09' },
  { key: 's06', name: '조현우', birthDate: '1993-04-18' },
  { key: 's07', name: '윤서준', birthDate: '2000-12-01' },
  { key: 's08', name: '장예린', birthDate: '2002-06-25' },
  { key: 's09', name: '임재현', birthDate: '1990-02-11' },
  { key: 's10', name: '한소희', birthDate: '1996-08-08' },
  { key: 's11', name: '오태양', birthDate: '1988-05-05' },
  { key: 's12', name: '서지호', birthDate: '2004-10-10' },
  { key: 's13', name: '신유나', birthDate: '1994-03-03' },
  { key: 's14', name: '권민성', birthDate: '1985-12-12' },
  { key: 's15', name: '황보라', birthDate: '1998-02-28' },
  { key: 's16', name: '안준혁', birthDate: '1992-07-07' },
  { key: 's17', name: '송다인', birthDate: '2005-01-20' },
  { key: 's18', name: '유성민', birthDate: '1971-06-15' },
  { key: 's19', name: '홍길순', birthDate: '1979-09-30' },
] as const;

type Stage = 'applied' | 'screening' | 'interview' | 'offered' | 'hired' | 'rejected' | 'withdrawn';

interface Scenario {
  /** A key of SEEKERS, or 'demo' for seeker@demo.bisang.kr. */
  seeker: string;
  /** Company name and posting title, as seeded by fair-demo.ts. */
  company: string;
  posting: string;
  stage: Stage;
  /** Hire start, in days from today (fair time); terms other than the posting's when the contract differs. */
  hire?: { startInDays: number; employmentType?: 'regular' | 'contract' | 'intern' | 'part_time' };
  review?: { note: string; rating: number };
  /** Made from the centre's introduction (소개), which the seeker accepted, rather than applied to directly. */
  introduced?: string;
}

const SCENARIOS: Scenario[] = [
  // Hires: youth and older, regular and not, professional (KECO 0–3) and not.
  { seeker: 's01', company: '달구벌소프트', posting: '백엔드 개발자 (Node.js / TypeScript)', stage: 'hired', hire: { startInDays: -3 }, review: { note: 'TypeScript 실무 경험, 코딩 테스트 우수', rating: 5 } },
  { seeker: 's02', company: '대구정밀(주)', posting: '자동차 부품 설계 엔지니어 (CATIA)', stage: 'hired', hire: { startInDays: 7 } },
  { seeker: 's03', company: '달구벌소프트', posting: '프론트엔드 인턴 (React)', stage: 'hired', hire: { startInDays: 0 } },
  { seeker: 's04', company: '팔공섬유', posting: '생산직 (주간 2교대)', stage: 'hired', hire: { startInDays: -7 } },
  { seeker: 's05', company: '동성회계법인 대구지점', posting: '회계 사무원 (신입)', stage: 'hired', hire: { startInDays: 14 } },
  { seeker: 's06', company: '금호물류', posting: '화물차 운전원 (1종 대형)', stage: 'hired', hire: { startInDays: -1 } },
  { seeker: 's09', company: '앞산건설', posting: '건축 현장 기사', stage: 'hired', hire: { startInDays: 10 } },
  { seeker: 's10', company: '수성메디컬', posting: '임상 코디네이터', stage: 'hired', hire: { startInDays: 5 } },
  { seeker: 's11', company: '비슬에너지', posting: '전기 설비 정비원', stage: 'hired', hire: { startInDays: -5 } },
  { seeker: 's14', company: '금호물류', posting: '물류센터 운영 관리자', stage: 'hired', hire: { startInDays: 3 } },
  // The U-turn returnee: a retired finance manager matched to the CFO role (its only opening: the posting closes itself).
  // The centre introduced him (소개) after counselling; he agreed, and the introduction was tracked to the hire.
  {
    seeker: 's18',
    company: '동성회계법인 대구지점',
    posting: '재무 담당 경력직 (CFO 후보, 유턴 인재 환영)',
    stage: 'hired',
    hire: { startInDays: 20 },
    review: { note: '금융권 재무관리 30년, 유턴 인재', rating: 5 },
    introduced: '서울 금융권 재무관리 30년 경력, 대구 귀향(U-턴) 희망. 성장 중인 지역 중소기업의 재무 책임자로 소개합니다.',
  },
  { seeker: 's19', company: '신천푸드', posting: '매장 매니저', stage: 'hired', hire: { startInDays: 2 } },
  { seeker: 's12', company: '신천푸드', posting: '조리 보조 (시간제)', stage: 'hired', hire: { startInDays: -2 } },
  // The contract turned out to be a contract position, not the posting's regular one.
  { seeker: 's13', company: '대구사회적협동조합', posting: '사회복지사', stage: 'hired', hire: { startInDays: 9, employmentType: 'contract' } },
  // Everyone else, across the pipeline.
  { seeker: 'demo', company: '달구벌소프트', posting: '백엔드 개발자 (Node.js / TypeScript)', stage: 'interview', review: { note: '1차 면접 일정 조율 중', rating: 4 } },
  { seeker: 'demo', company: '대구정밀(주)', posting: '자동차 부품 설계 엔지니어 (CATIA)', stage: 'applied' },
  { seeker: 'demo', company: '수성메디컬', posting: '의료기기 인허가(RA) 담당', stage: 'screening' },
  { seeker: 's07', company: '달구벌소프트', posting: '백엔드 개발자 (Node.js / TypeScript)', stage: 'offered', review: { note: '처우 협의 중', rating: 4 } },
  { seeker: 's07', company: '대구정밀(주)', posting: '생산관리 담당 (신입)', stage: 'rejected' },
  { seeker: 's08', company: '팔공섬유', posting: '패션 디자이너', stage: 'interview' },
  { seeker: 's08', company: '달구벌소프트', posting: 'QA 엔지니어', stage: 'screening' },
  { seeker: 's15', company: '동성회계법인 대구지점', posting: '회계 사무원 (신입)', stage: 'offered' },
  { seeker: 's15', company: '금호물류', posting: '물류 사무 인턴', stage: 'applied' },
  { seeker: 's16', company: '앞산건설', posting: '안전관리자', stage: 'withdrawn' },
  { seeker: 's16', company: '비슬에너지', posting: '에너지 사업 기획', stage: 'screening' },
  { seeker: 's17', company: '대구사회적협동조합', posting: '방과후 교사', stage: 'applied' },
  { seeker: 's17', company: '신천푸드', posting: '식품 연구개발(R&D)', stage: 'interview' },
  { seeker: 's01', company: '수성메디컬', posting: '영업 담당 (병원 영업)', stage: 'rejected' },
  { seeker: 's02', company: '앞산건설', posting: '토목 설계 (CAD)', stage: 'withdrawn' },
  { seeker: 's05', company: '금호물류', posting: '물류 사무 인턴', stage: 'screening' },
];

const FORWARD: Stage[] = ['screening', 'interview', 'offered', 'hired'];

/**
 * Demo seekers' applications in the demo fair across every stage, and fourteen hires, so that the pipeline,
 * the booth consoles and the KPIs show real numbers. Idempotent: skipped once the demo seekers have applied.
 */
export async function seedApplicationsDemo(app: INestApplicationContext, fairId: string, password: string): Promise<void> {
  const logger = new Logger('Demo');
  const users = app.get(UsersRepository, { strict: false });
  const applications = app.get(ApplicationsService, { strict: false });
  const introductions = app.get(IntroductionsService, { strict: false });
  const organizer = await users.findByEmail('organizer@demo.bisang.kr');
  const recruiter = await users.findByEmail('recruiter@demo.bisang.kr');
  const demoSeeker = await users.findByEmail('seeker@demo.bisang.kr');
  const fair = await app.get(FairsRepository, { strict: false }).findById(fairId);
  if (!recruiter || !demoSeeker || !fair || !organizer) return;

  const seekers = new Map<string, AuthenticatedUser>([['demo', { id: demoSeeker.id, role: 'seeker' }]]);
  const hash = await hashPassword(password);
  for (const s of SEEKERS) {
    const email = `${s.key}@demo.bisang.kr`;
    const user =
      (await users.findByEmail(email)) ??
      (await users.createUnlessEmailTaken({
        email,
        passwordHash: hash,
        name: s.name,
        role: 'seeker',
        birthDate: s.birthDate,
        privacyConsent: { version: PRIVACY_CONSENT_VERSION, at: clock.now() },
      }))!;
    seekers.set(s.key, { id: user.id, role: 'seeker' });
  }
  const repo = app.get(ApplicationsRepository, { strict: false });
  if ((await repo.listForSeeker(seekers.get('s01')!.id, { limit: 1 })).length) return;

  const postingIds = await postingsByCompanyAndTitle(app, fairId);
  const staff: AuthenticatedUser = { id: recruiter.id, role: 'recruiter' };
  const today = DateTime.now().setZone(fair.timezone).startOf('day');
  let made = 0;
  let hires = 0;
  for (const sc of SCENARIOS) {
    const postingId = postingIds.get(`${sc.company}/${sc.posting}`);
    const seeker = seekers.get(sc.seeker);
    if (!postingId || !seeker) continue;
    try {
      const applied = sc.introduced
        ? await introduce(introductions, { id: organizer.id, role: 'organizer' }, seeker, fairId, postingId, sc.introduced)
        : await applications.apply(seeker, postingId, '대구에서 오래 일하고 싶습니다. 잘 부탁드립니다.');
      made++;
      if (sc.stage === 'withdrawn' || sc.stage === 'rejected') {
        await applications.changeStatus(sc.stage === 'withdrawn' ? seeker : staff, applied.id, { status: sc.stage });
      } else if (sc.stage !== 'applied') {
        for (const status of FORWARD.slice(0, FORWARD.indexOf(sc.stage) + 1)) {
          const hire =
            status === 'hired' && sc.hire
              ? { startDate: today.plus({ days: sc.hire.startInDays }).toISODate()!, employmentType: sc.hire.employmentType }
              : undefined;
          await applications.changeStatus(staff, applied.id, { status: status as Exclude<Stage, 'applied'>, hire });
        }
        if (sc.stage === 'hired') hires++;
      }
      if (sc.review) await applications.review(staff, applied.id, sc.review);
    } catch (err) {
      // e.g. the demo fair has closed since it was seeded, or a posting was closed by hand
      if (!(err instanceof HttpException)) throw err;
      logger.warn(`demo application skipped (${sc.seeker} → ${sc.posting}): ${err.message}`);
    }
  }
  await spreadOverFairDays(app, fairId, fair.startsAt);
  logger.log(`demo applications: ${made} applications across the pipeline, ${hires} hires`);
}

/**
 * The seed makes every application and hire within a second; a fair that has run for days would have them
 * spread over its days, so the KPI dashboard's daily series shows a curve, not one step. Demo data only:
 * each application is moved to its own moment between the fair's start and two days ago, and its recorded
 * moves (and its hire) follow it at twelve-hour steps, in their original order.
 */
async function spreadOverFairDays(app: INestApplicationContext, fairId: string, fairStart: Date): Promise<void> {
  await app.get(DataSource, { strict: false }).transaction(async (tx) => {
    await tx.query(
      `WITH ranked AS (
         SELECT id, row_number() OVER (ORDER BY md5(id::text)) AS n, count(*) OVER () AS total
         FROM applications WHERE fair_id = $1
       )
       UPDATE applications a
       SET applied_at = $2::timestamptz + r.n * (now() - interval '2 days' - $2::timestamptz) / (r.total + 1)
       FROM ranked r WHERE a.id = r.id`,
      [fairId, fairStart],
    );
    await tx.query(
      `WITH steps AS (
         SELECT t.id, a.applied_at + (row_number() OVER (PARTITION BY t.application_id ORDER BY t.id) - 1) * interval '12 hours' AS at
         FROM application_transitions t JOIN applications a ON a.id = t.application_id
         WHERE a.fair_id = $1
       )
       UPDATE application_transitions t SET at = s.at FROM steps s WHERE t.id = s.id`,
      [fairId],
    );
    await tx.query(
      `UPDATE applications a
       SET updated_at = moves.last_at,
           reached_interview_at = CASE WHEN a.reached_interview_at IS NULL THEN NULL ELSE moves.interview_at END,
           reached_offer_at = CASE WHEN a.reached_offer_at IS NULL THEN NULL ELSE moves.offer_at END
       FROM (
         SELECT application_id, max(at) AS last_at,
                min(at) FILTER (WHERE to_status = 'interview') AS interview_at,
                min(at) FILTER (WHERE to_status = 'offered') AS offer_at
         FROM application_transitions GROUP BY application_id
       ) moves
       WHERE moves.application_id = a.id AND a.fair_id = $1`,
      [fairId],
    );
    await tx.query(
      `UPDATE hires h SET hired_at = t.at
       FROM application_transitions t
       WHERE t.application_id = h.application_id AND t.to_status = 'hired' AND h.fair_id = $1`,
      [fairId],
    );
  });
}

/** The centre's counselling note and introduction, which the seeker accepts: the application it makes. */
async function introduce(
  introductions: IntroductionsService,
  organizer: AuthenticatedUser,
  seeker: AuthenticatedUser,
  fairId: string,
  postingId: string,
  note: string,
): Promise<{ id: string }> {
  await introductions.addNote(organizer, seeker.id, note);
  const made = await introductions.introduce(organizer, fairId, { seekerId: seeker.id, postingId, message: '고용센터 상담 후 소개드리는 공고입니다.' });
  const accepted = await introductions.accept(seeker, made.id);
  return { id: accepted.applicationId! };
}

/** The demo fair's postings by "company/title". */
async function postingsByCompanyAndTitle(app: INestApplicationContext, fairId: string): Promise<Map<string, string>> {
  const booths = await app.get(BoothsService, { strict: false }).list(fairId, undefined, undefined, 100);
  const postings = app.get(PostingsRepository, { strict: false });
  const byKey = new Map<string, string>();
  for (const booth of booths.items) {
    for (const p of await postings.listForBooth(booth.id)) {
      if (!byKey.has(`${p.companyName}/${p.title}`)) byKey.set(`${p.companyName}/${p.title}`, p.id);
    }
  }
  return byKey;
}
