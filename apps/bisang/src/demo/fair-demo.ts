import type { AuthenticatedUser } from '@bisang/auth';
import { withParticle } from '@bisang/contracts';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { FairsRepository, UsersRepository } from '@bisang/database';
import { BoothsService } from '../../../api/src/booths/booths.service';
import { CompaniesService } from '../../../api/src/companies/companies.service';
import { CompanyPagesService } from '../../../api/src/companies/company-pages.service';
import { ProgrammeService } from '../../../api/src/programme/programme.service';
import { FairsService } from '../../../api/src/fairs/fairs.service';
import { CreatePostingDto } from '../../../api/src/postings/dto/posting.dto';
import { PostingsService } from '../../../api/src/postings/postings.service';

export const DEMO_FAIR_SLUG = 'daegu-youth-bisang';

type Posting = Pick<CreatePostingDto, 'title' | 'jobCategory' | 'employmentType' | 'openings'> & {
  description?: string;
  salaryMin?: number;
  salaryMax?: number;
  minCareerYears?: number;
};

/** Daegu-area SMEs modelled on the 2016 fair's exhibitors (names are made up). */
const COMPANIES: { name: string; industry: string; region: string; size: string; headline: string; postings: Posting[] }[] = [
  { name: '대구정밀(주)', industry: '자동차 부품 제조', region: '대구 달서구', size: '100-299', headline: '성서산단 자동차 부품 설계·생산 인재 모집', postings: [
    { title: '자동차 부품 설계 엔지니어 (CATIA)', jobCategory: '1', employmentType: 'regular', openings: 3, salaryMin: 32_000_000, salaryMax: 42_000_000 },
    { title: '생산관리 담당 (신입)', jobCategory: '8', employmentType: 'regular', openings: 2, minCareerYears: 0 },
    { title: '품질관리 계약직', jobCategory: '8', employmentType: 'contract', openings: 1 } ] },
  { name: '달구벌소프트', industry: '소프트웨어 개발', region: '대구 동구 (혁신도시)', size: '30-49', headline: '대구에서 함께 성장할 개발자를 찾습니다', postings: [
    { title: '백엔드 개발자 (Node.js / TypeScript)', jobCategory: '1', employmentType: 'regular', openings: 2, salaryMin: 36_000_000, salaryMax: 50_000_000, minCareerYears: 1 },
    { title: '프론트엔드 인턴 (React)', jobCategory: '1', employmentType: 'intern', openings: 2 },
    { title: 'QA 엔지니어', jobCategory: '1', employmentType: 'regular', openings: 1 } ] },
  { name: '수성메디컬', industry: '의료기기', region: '대구 수성구', size: '50-99', headline: '첨단의료복합단지 의료기기 전문 기업', postings: [
    { title: '의료기기 인허가(RA) 담당', jobCategory: '3', employmentType: 'regular', openings: 1 },
    { title: '임상 코디네이터', jobCategory: '3', employmentType: 'contract', openings: 2 },
    { title: '영업 담당 (병원 영업)', jobCategory: '6', employmentType: 'regular', openings: 2 } ] },
  { name: '팔공섬유', industry: '섬유·패션', region: '대구 북구', size: '50-99', headline: '기능성 섬유의 내일을 만드는 사람들', postings: [
    { title: '섬유 소재 연구원', jobCategory: '1', employmentType: 'regular', openings: 1 },
    { title: '패션 디자이너', jobCategory: '4', employmentType: 'regular', openings: 1 },
    { title: '생산직 (주간 2교대)', jobCategory: '8', employmentType: 'regular', openings: 4 } ] },
  { name: '동성회계법인 대구지점', industry: '회계·세무', region: '대구 중구', size: '10-29', headline: '회계·세무 전문가로 가는 첫걸음', postings: [
    { title: '회계 사무원 (신입)', jobCategory: '0', employmentType: 'regular', openings: 2, minCareerYears: 0 },
    { title: '세무 보조 (시간제)', jobCategory: '0', employmentType: 'part_time', openings: 1 },
    { title: '재무 담당 경력직 (CFO 후보, 유턴 인재 환영)', jobCategory: '0', employmentType: 'regular', openings: 1, minCareerYears: 15 } ] },
  { name: '금호물류', industry: '물류·운송', region: '대구 북구 (금호)', size: '100-299', headline: '영남권 물류 허브에서 일할 인재', postings: [
    { title: '물류센터 운영 관리자', jobCategory: '0', employmentType: 'regular', openings: 2 },
    { title: '화물차 운전원 (1종 대형)', jobCategory: '6', employmentType: 'regular', openings: 3 },
    { title: '물류 사무 인턴', jobCategory: '0', employmentType: 'intern', openings: 2 } ] },
  { name: '앞산건설', industry: '건설', region: '대구 남구', size: '50-99', headline: '지역을 짓는 건설 현장의 리더', postings: [
    { title: '건축 현장 기사', jobCategory: '7', employmentType: 'regular', openings: 2 },
    { title: '토목 설계 (CAD)', jobCategory: '1', employmentType: 'contract', openings: 1 },
    { title: '안전관리자', jobCategory: '7', employmentType: 'regular', openings: 1 } ] },
  { name: '신천푸드', industry: '식품 제조', region: '대구 서구', size: '30-49', headline: '대구 대표 식품을 만드는 회사', postings: [
    { title: '식품 연구개발(R&D)', jobCategory: '1', employmentType: 'regular', openings: 1 },
    { title: '매장 매니저', jobCategory: '5', employmentType: 'regular', openings: 2 },
    { title: '조리 보조 (시간제)', jobCategory: '5', employmentType: 'part_time', openings: 3 } ] },
  { name: '비슬에너지', industry: '신재생 에너지', region: '대구 달성군', size: '30-49', headline: '태양광·수소 에너지 설비 전문', postings: [
    { title: '전기 설비 정비원', jobCategory: '8', employmentType: 'regular', openings: 2 },
    { title: '에너지 사업 기획', jobCategory: '0', employmentType: 'regular', openings: 1 },
    { title: '설비 설치 기사 (경력)', jobCategory: '8', employmentType: 'contract', openings: 2 } ] },
  { name: '대구사회적협동조합', industry: '사회서비스', region: '대구 중구', size: '10-29', headline: '사람을 돕는 일, 함께해요', postings: [
    { title: '사회복지사', jobCategory: '2', employmentType: 'regular', openings: 2 },
    { title: '방과후 교사', jobCategory: '2', employmentType: 'part_time', openings: 2 },
    { title: '농장 운영 보조 (도시농업)', jobCategory: '9', employmentType: 'contract', openings: 1 } ] },
];

/** New postings that trickle in while the demo runs, so a newcomer sees the feed move. */
const TRICKLE: Posting[] = [
  { title: '긴급 채용: 데이터 분석가', jobCategory: '1', employmentType: 'regular', openings: 1 },
  { title: '고객상담 (주 4일)', jobCategory: '0', employmentType: 'part_time', openings: 2 },
  { title: '설비 보전 엔지니어', jobCategory: '8', employmentType: 'regular', openings: 1 },
  { title: '마케팅 인턴', jobCategory: '0', employmentType: 'intern', openings: 1 },
  { title: '간호조무사', jobCategory: '3', employmentType: 'contract', openings: 1 },
  { title: 'UX 디자이너', jobCategory: '4', employmentType: 'regular', openings: 1 },
];

const describe = (p: Posting, company: string) =>
  p.description ?? `${company}에서 ${withParticle(p.title, '을/를')} 모집합니다. 대구 지역 근무, 박람회 참가자 우대. (Bisang demo posting)`;

/**
 * The demo fair: "대구 청년 비상 온라인 채용박람회", 50 days around today, target 150 hires, ten SMEs with
 * approved booths and 30 postings. Idempotent: an existing demo fair is kept as it is.
 * Returns the fair id and a function that publishes the next trickle posting.
 */
export async function seedFairDemo(app: INestApplicationContext): Promise<{ fairId: string; trickle: () => Promise<void> }> {
  const logger = new Logger('Demo');
  const users = app.get(UsersRepository, { strict: false });
  const fairs = app.get(FairsService, { strict: false });
  const postings = app.get(PostingsService, { strict: false });
  const organizer = (await users.findByEmail('organizer@demo.bisang.kr'))!;
  const recruiter = (await users.findByEmail('recruiter@demo.bisang.kr'))!;
  const recruiterCaller = { id: recruiter.id, role: recruiter.role };

  let fair = await app.get(FairsRepository, { strict: false }).findByIdOrSlug(DEMO_FAIR_SLUG);
  let boothIds: string[] = [];
  if (!fair) {
    const day = 86_400_000;
    const created = await fairs.create(
      {
        slug: DEMO_FAIR_SLUG,
        title: '대구 청년 비상(飛上) 온라인 채용박람회',
        timezone: 'Asia/Seoul',
        startsAt: new Date(Date.now() - 10 * day).toISOString(),
        endsAt: new Date(Date.now() + 40 * day).toISOString(),
        hiringTarget: 150,
        description:
          '대구·경북 청년과 지역 기업을 잇는 온라인 채용박람회입니다. 부스에서 채용공고를 보고 바로 지원하고, 1:1 면접 코칭으로 면접을 준비하세요. 박람회 기간에 취업 150명이 목표입니다.',
      },
      { id: organizer.id, role: 'organizer' },
    );
    await fairs.publish(created.id);
    const companies = app.get(CompaniesService, { strict: false });
    const booths = app.get(BoothsService, { strict: false });
    for (const c of COMPANIES) {
      const company = await companies.create({ name: c.name, industry: c.industry, region: c.region, size: c.size }, recruiterCaller);
      const booth = await booths.apply(created.id, { companyId: company.id, headline: c.headline }, recruiterCaller);
      for (const p of c.postings) {
        const made = await postings.create(booth.id, { ...p, description: describe(p, c.name), location: c.region } as CreatePostingDto);
        await postings.publish(made.id);
      }
      await booths.approve(booth.id);
      boothIds.push(booth.id);
    }
    await seedBasicsDemo(app, created.id, boothIds, recruiterCaller, { id: organizer.id, role: 'organizer' });
    fair = (await app.get(FairsRepository, { strict: false }).findById(created.id))!;
    logger.log(`demo fair "${fair.slug}" seeded: ${COMPANIES.length} booths, ${COMPANIES.length * 3} postings`);
  } else {
    const page = await app.get(BoothsService, { strict: false }).list(fair.id, undefined, undefined, 100);
    boothIds = page.items.map((b) => b.id);
  }
  let next = 0;
  const fairId = fair.id;
  return {
    fairId,
    trickle: async () => {
      if (!boothIds.length) return;
      const p = TRICKLE[next % TRICKLE.length];
      const boothId = boothIds[next % boothIds.length];
      next++;
      const made = await postings.create(boothId, { ...p, description: describe(p, '참가 기업') } as CreatePostingDto);
      await postings.publish(made.id);
    },
  };
}

/**
 * The first company's page (introduction, benefits, location, a business number the centre confirmed) and a
 * programme of company briefings and a talk on the next days, at 14:00 Seoul time.
 */
async function seedBasicsDemo(
  app: INestApplicationContext,
  fairId: string,
  boothIds: string[],
  recruiter: AuthenticatedUser,
  organizer: AuthenticatedUser,
): Promise<void> {
  const pages = app.get(CompanyPagesService, { strict: false });
  const programme = app.get(ProgrammeService, { strict: false });
  const booths = app.get(BoothsService, { strict: false });
  const first = await booths.get(boothIds[0]!);
  await pages.update(
    first.companyId,
    {
      introduction: '1987년 성서산단에서 시작해 변속기·조향 부품을 완성차 업체에 공급하는 대구의 강소기업입니다. 신입 사원은 6개월 멘토링으로 설계와 생산을 함께 배웁니다.',
      benefits: ['4대 보험', '통근 버스', '기숙사 제공', '자격증 취득 지원', '명절 상여금'],
      location: '대구 달서구 성서공단로 123',
      businessNumber: '124-81-00998',
    },
    recruiter,
  );
  await pages.verifyBusinessNumber(first.companyId, organizer);
  // Tomorrow and the day after, 14:00–15:00 in Seoul (UTC+9).
  const seoulDay = (days: number) => new Date(Date.now() + days * 86_400_000 + 9 * 3600_000).toISOString().slice(0, 10);
  const at = (days: number, hour: number) => new Date(`${seoulDay(days)}T${String(hour).padStart(2, '0')}:00:00+09:00`).toISOString();
  await programme.create(fairId, { kind: 'briefing', title: '대구정밀(주) 기업설명회', boothId: boothIds[0]!, startsAt: at(1, 14), endsAt: at(1, 15), description: '회사 소개, 직무 설명, 질의응답' }, organizer);
  await programme.create(fairId, { kind: 'talk', title: '청년 취업 특강: 지역 강소기업 바로 알기', startsAt: at(1, 16), endsAt: at(1, 17) }, organizer);
  if (boothIds[1]) {
    await programme.create(fairId, { kind: 'briefing', title: '달구벌소프트 기업설명회', boothId: boothIds[1], startsAt: at(2, 14), endsAt: at(2, 15) }, organizer);
  }
}
