/**
 * Matching rules: how a posting is scored for a seeker, and the plain-Korean reasons shown with it. Pure, so
 * the web app, the tests and the server read the same rules. The recommendation SQL
 * (libs/database/src/repositories/recommendations.repository.ts) computes the same score from the same
 * `MatchKeys`; an e2e test checks that both agree posting by posting.
 */
import type { EmploymentType } from './vocabulary';

/** Points per rule. The best possible score is 100. */
export const MATCH_POINTS = {
  jobCategory: 40,
  district: 25,
  city: 15,
  area: 10,
  employmentType: 15,
  careerFits: 10,
  careerShort: -20,
  uTurn: 10,
} as const;

/**
 * Daegu and the cities and counties around it that people commute from (one labour market): the centre of the
 * seed serves them together. Stems, so "경산시 하양읍" and "경북 경산" both match "경산".
 */
export const DAEGU_AREA = ['대구', '경산', '구미', '영천', '칠곡', '고령', '성주', '청도', '군위'] as const;

/** Districts that name Daegu on their own ("중구" or "동구" exist in many cities, these do not). */
const DAEGU_ONLY_DISTRICTS = ['수성구', '달서구', '달성군'];

const EMPLOYMENT_LABELS: Record<EmploymentType, string> = { regular: '정규직', contract: '계약직', intern: '인턴', part_time: '시간제' };

/** What of a seeker's profile the scoring reads. */
export interface MatchProfile {
  desiredJobCategories: readonly string[];
  region: string | null;
  uTurn: boolean;
  careerYears: number | null;
  desiredEmploymentTypes: readonly EmploymentType[];
}

/** What of a posting the scoring reads. */
export interface MatchPosting {
  jobCategory: string;
  employmentType: EmploymentType;
  location: string | null;
  minCareerYears: number | null;
}

/** The profile reduced to what is compared (also the recommendation query's parameters). */
export interface MatchKeys {
  categories: string[];
  /** The most specific place the seeker named (e.g. "수성구", "경산시"), or null. */
  district: string | null;
  /** The city (e.g. "대구", "서울"), or null. */
  city: string | null;
  /** Stems of the seeker's commuting area (DAEGU_AREA when they live in it), else empty. */
  area: string[];
  /** DAEGU_AREA for a U-turn returnee (local companies are their goal), else empty. */
  uTurnArea: string[];
  employmentTypes: EmploymentType[];
  careerYears: number | null;
}

const METRO_SUFFIX = /(광역시|특별시|특별자치시|특별자치도|도)$/;
const METRO_CITIES = ['서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종'];

/** Reduces a profile to the keys the rules compare (region text split into district, city and area). */
export function matchKeys(p: MatchProfile): MatchKeys {
  const tokens = (p.region ?? '').split(/\s+/).filter(Boolean);
  const head = tokens[0];
  const first = head ? head.replace(METRO_SUFFIX, '') : null;
  // "대구" alone is a city ("…구" though it ends like a district); "수성구" or "경산시" alone is a district.
  const soleCity = tokens.length === 1 && !!head && (METRO_CITIES.includes(first ?? '') || !/[구군시]$/.test(head));
  const last = tokens.at(-1) ?? null;
  const district = last && !soleCity && /[구군시]$/.test(last) ? last : null;
  const city = tokens.length > 1 || soleCity ? first : null;
  const inArea = tokens.some((t) => DAEGU_AREA.some((stem) => t.startsWith(stem)) || DAEGU_ONLY_DISTRICTS.includes(t));
  return {
    categories: [...new Set(p.desiredJobCategories)].sort(),
    district,
    city,
    area: inArea ? [...DAEGU_AREA] : [],
    uTurnArea: p.uTurn ? [...DAEGU_AREA] : [],
    employmentTypes: [...new Set(p.desiredEmploymentTypes)].sort(),
    careerYears: p.careerYears,
  };
}

export interface MatchResult {
  score: number;
  /** Plain Korean, most important first, e.g. ["희망 직무 일치", "수성구"]. */
  reasons: string[];
}

/** Scores one posting for one seeker. Deterministic: the same keys and posting always give the same result. */
export function scorePosting(k: MatchKeys, posting: MatchPosting): MatchResult {
  let score = 0;
  const reasons: string[] = [];
  const at = posting.location;
  if (k.categories.includes(posting.jobCategory)) {
    score += MATCH_POINTS.jobCategory;
    reasons.push('희망 직무 일치');
  }
  if (at) {
    if (k.district && at.includes(k.district)) {
      score += MATCH_POINTS.district;
      reasons.push(k.district);
    } else if (k.city && at.includes(k.city)) {
      score += MATCH_POINTS.city;
      reasons.push(`${k.city} 지역`);
    } else if (k.area.some((s) => at.includes(s))) {
      score += MATCH_POINTS.area;
      reasons.push('대구권 통근 가능');
    }
  }
  if (k.employmentTypes.includes(posting.employmentType)) {
    score += MATCH_POINTS.employmentType;
    reasons.push(`희망 고용형태(${EMPLOYMENT_LABELS[posting.employmentType]})`);
  }
  if (posting.minCareerYears !== null && k.careerYears !== null) {
    if (k.careerYears >= posting.minCareerYears) {
      score += MATCH_POINTS.careerFits;
      reasons.push(posting.minCareerYears === 0 ? '신입 지원 가능' : `경력 ${posting.minCareerYears}년 이상 충족`);
    } else {
      score += MATCH_POINTS.careerShort;
    }
  }
  if (at && k.uTurnArea.some((s) => at.includes(s))) {
    score += MATCH_POINTS.uTurn;
    reasons.push('U-턴 지역 기업');
  }
  return { score, reasons };
}
