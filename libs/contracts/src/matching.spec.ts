import { DAEGU_AREA, MatchKeys, MatchPosting, matchKeys, scorePosting } from './matching';

const profile = (over: Partial<Parameters<typeof matchKeys>[0]> = {}) =>
  matchKeys({ desiredJobCategories: [], region: null, uTurn: false, careerYears: null, desiredEmploymentTypes: [], ...over });
const posting = (over: Partial<MatchPosting> = {}): MatchPosting => ({ jobCategory: '1', employmentType: 'regular', location: null, minCareerYears: null, ...over });

describe('matchKeys: the region a seeker names, reduced to district, city and commuting area', () => {
  it.each<[string | null, Partial<MatchKeys>]>([
    ['대구 수성구', { district: '수성구', city: '대구', area: [...DAEGU_AREA] }],
    ['대구광역시 달서구', { district: '달서구', city: '대구', area: [...DAEGU_AREA] }],
    ['수성구', { district: '수성구', city: null, area: [...DAEGU_AREA] }],
    ['대구', { district: null, city: '대구', area: [...DAEGU_AREA] }],
    ['대구광역시', { district: null, city: '대구', area: [...DAEGU_AREA] }],
    ['경북 경산시', { district: '경산시', city: '경북', area: [...DAEGU_AREA] }],
    ['서울 강남구', { district: '강남구', city: '서울', area: [] }],
    ['서울 중구', { district: '중구', city: '서울', area: [] }],
    [null, { district: null, city: null, area: [] }],
  ])('%s', (region, expected) => {
    expect(profile({ region })).toMatchObject(expected);
  });

  it('sorts and dedupes categories and employment types, and gives a U-turn returnee the Daegu area', () => {
    const k = profile({ desiredJobCategories: ['3', '1', '3'], desiredEmploymentTypes: ['intern', 'regular'], uTurn: true, careerYears: 25 });
    expect(k).toMatchObject({ categories: ['1', '3'], employmentTypes: ['intern', 'regular'], uTurnArea: [...DAEGU_AREA], careerYears: 25 });
  });
});

describe('scorePosting: hand-worked cases', () => {
  it('gives nothing to an empty profile', () => {
    expect(scorePosting(profile(), posting({ location: '대구 수성구' }))).toEqual({ score: 0, reasons: [] });
  });

  it('desired job in the same district: 40 + 25', () => {
    const k = profile({ desiredJobCategories: ['1'], region: '대구 수성구' });
    expect(scorePosting(k, posting({ location: '대구 수성구 범어동' }))).toEqual({ score: 65, reasons: ['희망 직무 일치', '수성구'] });
  });

  it('same city, other district: 15 ("대구 지역"); a commuting town: 10 ("대구권 통근 가능"); elsewhere: 0', () => {
    const k = profile({ region: '대구 수성구' });
    expect(scorePosting(k, posting({ location: '대구 달서구' }))).toEqual({ score: 15, reasons: ['대구 지역'] });
    expect(scorePosting(k, posting({ location: '경북 경산시 하양읍' }))).toEqual({ score: 10, reasons: ['대구권 통근 가능'] });
    expect(scorePosting(k, posting({ location: '서울 강남구' }))).toEqual({ score: 0, reasons: [] });
    expect(scorePosting(k, posting({ location: null }))).toEqual({ score: 0, reasons: [] });
  });

  it('wanted employment type: 15 with its Korean label', () => {
    const k = profile({ desiredEmploymentTypes: ['regular', 'contract'] });
    expect(scorePosting(k, posting({ employmentType: 'contract' }))).toEqual({ score: 15, reasons: ['희망 고용형태(계약직)'] });
    expect(scorePosting(k, posting({ employmentType: 'intern' }))).toEqual({ score: 0, reasons: [] });
  });

  it('career: +10 when the years asked for are met (newcomers: "신입 지원 가능"), −20 when short, 0 when either side is silent', () => {
    expect(scorePosting(profile({ careerYears: 5 }), posting({ minCareerYears: 3 }))).toEqual({ score: 10, reasons: ['경력 3년 이상 충족'] });
    expect(scorePosting(profile({ careerYears: 3 }), posting({ minCareerYears: 3 }))).toEqual({ score: 10, reasons: ['경력 3년 이상 충족'] });
    expect(scorePosting(profile({ careerYears: 0 }), posting({ minCareerYears: 0 }))).toEqual({ score: 10, reasons: ['신입 지원 가능'] });
    expect(scorePosting(profile({ careerYears: 1 }), posting({ minCareerYears: 5 }))).toEqual({ score: -20, reasons: [] });
    expect(scorePosting(profile({ careerYears: null }), posting({ minCareerYears: 5 }))).toEqual({ score: 0, reasons: [] });
    expect(scorePosting(profile({ careerYears: 7 }), posting({ minCareerYears: null }))).toEqual({ score: 0, reasons: [] });
  });

  it('the 55-year-old U-turn finance veteran and a Daegu SME\'s CFO role: 40 + 15 + 15 + 10 + 10 = 90', () => {
    const k = profile({ desiredJobCategories: ['0', '2'], region: '대구', uTurn: true, careerYears: 25, desiredEmploymentTypes: ['regular'] });
    const cfo = posting({ jobCategory: '0', employmentType: 'regular', location: '대구 달서구 성서산단', minCareerYears: 15 });
    expect(scorePosting(k, cfo)).toEqual({
      score: 90,
      reasons: ['희망 직무 일치', '대구 지역', '희망 고용형태(정규직)', '경력 15년 이상 충족', 'U-턴 지역 기업'],
    });
    // The same role in Seoul is not a U-turn: only the job, the type and the career count.
    expect(scorePosting(k, { ...cfo, location: '서울 중구' }).score).toBe(65);
  });

  it('every rule at once: 100 is the best score', () => {
    const k = profile({ desiredJobCategories: ['1'], region: '대구 수성구', uTurn: true, careerYears: 2, desiredEmploymentTypes: ['regular'] });
    expect(scorePosting(k, posting({ location: '대구 수성구', minCareerYears: 1 })).score).toBe(100);
  });

  it('is deterministic', () => {
    const k = profile({ desiredJobCategories: ['1'], region: '대구 수성구' });
    const p = posting({ location: '대구 수성구' });
    expect(scorePosting(k, p)).toEqual(scorePosting(k, p));
  });
});
