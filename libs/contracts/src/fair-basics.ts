/**
 * What job sites and virtual fairs all have (issue 15): saved postings (스크랩) with a deadline reminder, a fair's
 * programme (기업설명회 and other items), and company pages with a verified business-registration number.
 */
import type { Posting } from './http';

// ---------------------------------------------------------------- saved postings (스크랩)

/** How long before a saved posting's deadline its seeker is reminded. */
export const SAVED_POSTING_REMINDER_HOURS = 24;

/** `GET /me/saved-postings`: a posting the seeker saved, newest save first. */
export interface SavedPosting {
  postingId: string;
  savedAt: string;
  /** The posting as it is now (it may have closed since). */
  posting: Posting;
}

/** `PUT /postings/:postingId/saved` and `GET /postings/:postingId/saved`. */
export interface SavedState {
  postingId: string;
  saved: boolean;
}

// ---------------------------------------------------------------- the fair's programme

export const PROGRAMME_KINDS = ['briefing', 'talk', 'workshop', 'other'] as const;
/** briefing: 기업설명회; talk: 특강; workshop: 교육·실습; other: 기타. */
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export interface ProgrammeItem {
  id: string;
  fairId: string;
  kind: ProgrammeKind;
  title: string;
  description: string | null;
  /** The booth (and its company) a company briefing belongs to; null for the fair's own items. */
  boothId: string | null;
  companyId: string | null;
  companyName: string | null;
  startsAt: string;
  endsAt: string;
}

export interface ProgrammeItemInput {
  kind: ProgrammeKind;
  title: string;
  description?: string | null;
  boothId?: string | null;
  startsAt: string;
  endsAt: string;
}

// ---------------------------------------------------------------- company pages

/** Image uploads of a company page: checked by content (PNG, JPEG or WebP), at most this size. */
export const COMPANY_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Photos a company page may show. */
export const COMPANY_PHOTOS_MAX = 8;

export interface CompanyImage {
  id: string;
  /** Where the image is served (public, cacheable: an image never changes under its id). */
  url: string;
}

/** `GET /companies/:companyId` (anyone): the public company page. */
export interface CompanyPage {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  size: string | null;
  introduction: string | null;
  benefits: string[];
  /** The address or area where people work. */
  location: string | null;
  /** 사업자등록번호 as `123-45-67890`; null when not given. */
  businessNumber: string | null;
  /** An organizer checked the number (and it has not changed since). */
  businessNumberVerified: boolean;
  businessNumberVerifiedAt: string | null;
  logo: CompanyImage | null;
  photos: CompanyImage[];
}

/** `PATCH /companies/:companyId` (its staff): null clears an optional field. */
export interface CompanyPageInput {
  name?: string;
  industry?: string | null;
  region?: string | null;
  size?: string | null;
  introduction?: string | null;
  benefits?: string[];
  location?: string | null;
  /** 10 digits, with or without dashes; changing it clears the verification. */
  businessNumber?: string | null;
}

/**
 * Whether a 사업자등록번호 is well formed: 10 digits whose last is the check digit of the National Tax Service's
 * scheme (weights 1,3,7,1,3,7,1,3,5, plus the tens of the ninth digit times 5). Dashes and spaces are ignored.
 */
export function isBusinessNumber(value: string): boolean {
  const digits = value.replace(/[-\s]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((s, w, i) => s + w * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** The number as it is written: `123-45-67890`. */
export function formatBusinessNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
