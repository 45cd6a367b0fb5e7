import { INestApplicationContext, Logger } from '@nestjs/common';
import { hashPassword } from '@bisang/auth';
import { clock } from '@bisang/common';
import { PRIVACY_CONSENT_VERSION } from '@bisang/contracts';
import type { EmploymentType } from '@bisang/contracts';
import { BoothsRepository, KpisRepository, SeekerProfilesRepository, TalentPoolRepository, UsersRepository } from '@bisang/database';

/** Profiles (what recommendations and the pool read), and who opened theirs to the fair's companies. */
const PROFILES: {
  email: string;
  /** Made here when the account does not exist yet. */
  create?: { name: string; birthDate: string };
  profile: { desiredJobCategories: string[]; region: string; uTurn: boolean; careerYears: number; desiredEmploymentTypes: EmploymentType[]; education: 'high_school' | 'bachelor' | 'master' };
  careerSummary: string;
  pool?: { showName: boolean };
}[] = [
  // The demo seeker: recommendations on the fair home ("추천 공고") read this.
  {
    email: 'seeker@demo.bisang.kr',
    profile: { desiredJobCategories: ['1'], region: '대구 수성구', uTurn: false, careerYears: 1, desiredEmploymentTypes: ['regular', 'intern'], education: 'bachelor' },
    careerSummary: '컴퓨터공학 전공, 웹 개발 인턴 1년.',
  },
  // A 55-year-old finance veteran who left Daegu for Seoul and wants to come back: in the pool under his name.
  {
    email: 'p01@demo.bisang.kr',
    create: { name: '배정호', birthDate: '1971-03-01' },
    profile: { desiredJobCategories: ['0'], region: '대구', uTurn: true, careerYears: 28, desiredEmploymentTypes: ['regular'], education: 'master' },
    careerSummary: '서울 소재 은행 재무관리 28년, 자금·결산 총괄. 대구로 귀향 예정.',
    pool: { showName: true },
  },
  {
    email: 's18@demo.bisang.kr',
    profile: { desiredJobCategories: ['0'], region: '대구 중구', uTurn: true, careerYears: 30, desiredEmploymentTypes: ['regular'], education: 'bachelor' },
    careerSummary: '금융권 재무관리 30년.',
  },
  {
    email: 's07@demo.bisang.kr',
    profile: { desiredJobCategories: ['1'], region: '대구 달서구', uTurn: false, careerYears: 2, desiredEmploymentTypes: ['regular'], education: 'bachelor' },
    careerSummary: '백엔드 개발 2년.',
    pool: { showName: false },
  },
  {
    email: 's08@demo.bisang.kr',
    profile: { desiredJobCategories: ['4', '1'], region: '대구 북구', uTurn: false, careerYears: 0, desiredEmploymentTypes: ['regular', 'intern'], education: 'bachelor' },
    careerSummary: '섬유디자인 전공 졸업 예정.',
    pool: { showName: true },
  },
  {
    email: 's16@demo.bisang.kr',
    profile: { desiredJobCategories: ['7', '0'], region: '경북 경산시', uTurn: true, careerYears: 6, desiredEmploymentTypes: ['regular', 'contract'], education: 'high_school' },
    careerSummary: '건설 현장 안전관리 6년, 수도권에서 귀향.',
    pool: { showName: false },
  },
  {
    email: 's19@demo.bisang.kr',
    profile: { desiredJobCategories: ['5', '0'], region: '대구 서구', uTurn: false, careerYears: 12, desiredEmploymentTypes: ['regular', 'part_time'], education: 'high_school' },
    careerSummary: '외식 매장 관리 12년, 육아로 5년 경력 단절 후 재취업.',
    pool: { showName: false },
  },
];

/**
 * The matching demo: seekers' profiles (the demo seeker's recommendations), pooled seekers among them the
 * 55-year-old U-turn finance veteran, and the centre's target shares (the seed's reference figures).
 * Idempotent: profiles are replaced with the same values, pool choices set again.
 */
export async function seedMatchingDemo(app: INestApplicationContext, fairId: string, password: string): Promise<void> {
  const users = app.get(UsersRepository, { strict: false });
  const profiles = app.get(SeekerProfilesRepository, { strict: false });
  const pool = app.get(TalentPoolRepository, { strict: false });
  let pooled = 0;
  for (const p of PROFILES) {
    let user = await users.findByEmail(p.email);
    if (!user && p.create) {
      user = await users.createUnlessEmailTaken({
        email: p.email,
        passwordHash: await hashPassword(password),
        role: 'seeker',
        ...p.create,
        privacyConsent: { version: PRIVACY_CONSENT_VERSION, at: clock.now() },
      });
    }
    if (!user) continue;
    const existing = await profiles.findView(user.id);
    if (!existing?.updatedAt) {
      await profiles.replace(user.id, {
        ...p.profile,
        careerSummary: p.careerSummary,
        // Self-declared career break: the 외식 매장 manager (counted in the centre's KPIs only).
        careerBreak: p.email.startsWith('s19@'),
      });
    }
    if (p.pool && !(await pool.findEntry(fairId, user.id))) {
      await pool.setVisibility(fairId, user.id, true, p.pool.showName);
      pooled++;
    }
  }
  // The first seeding only: an organizer may have changed the targets since.
  if (pooled) await app.get(KpisRepository, { strict: false }).setTargets(fairId, { youthShare: 0.475, regularShare: 0.758, professionalShare: 0.501, midCareerShare: 0.2, uturnShare: 0.1 });
  const invited = pooled ? await inviteVeteranToChat(app, fairId) : false;
  new Logger('Demo').log(
    `demo matching: profiles for recommendations, ${pooled} seekers newly in the talent pool, target shares set${invited ? ', an invitation to chat for p01' : ''}`,
  );
}

/**
 * The demo recruiter's company invites 배정호 (p01) to chat at its booth: signed in as him, the offer waits under
 * "받은 제안" on the profile page, and accepting it opens a booth chat with recruiter@demo.bisang.kr.
 */
async function inviteVeteranToChat(app: INestApplicationContext, fairId: string): Promise<boolean> {
  const users = app.get(UsersRepository, { strict: false });
  const [recruiter, veteran] = await Promise.all([users.findByEmail('recruiter@demo.bisang.kr'), users.findByEmail('p01@demo.bisang.kr')]);
  if (!recruiter || !veteran) return false;
  const booth = (await app.get(BoothsRepository, { strict: false }).listForStaff(recruiter.id, fairId)).find((b) => b.status === 'approved');
  if (!booth) return false;
  const result = await app.get(TalentPoolRepository, { strict: false }).inviteToChat({
    fairId,
    seekerId: veteran.id,
    boothId: booth.id,
    staffUserId: recruiter.id,
    message: '재무 경력이 인상적입니다. 부스에서 편하게 이야기 나눠 보실까요?',
  });
  return result.outcome === 'invited';
}
