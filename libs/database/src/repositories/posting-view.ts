import type { BoothStatus, EmploymentType, PostingStatus, PostingView } from '@bisang/contracts';

export type { PostingView };

/** Columns for PostingView; expects aliases p (postings), b (booths), c (companies). */
export const POSTING_VIEW_SELECT = `p.id, p.fair_id, p.booth_id, p.company_id, c.name AS company_name, p.title, p.description,
  p.job_category, p.employment_type, p.openings, p.location, p.salary_min, p.salary_max, p.closes_at, p.min_career_years, p.status,
  b.status AS booth_status, p.published_at, p.closed_at, p.created_at, p.updated_at`;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export function toPostingView(r: Record<string, unknown>): PostingView {
  return {
    id: r.id as string,
    fairId: r.fair_id as string,
    boothId: r.booth_id as string,
    companyId: r.company_id as string,
    companyName: r.company_name as string,
    title: r.title as string,
    description: r.description as string,
    jobCategory: r.job_category as string,
    employmentType: r.employment_type as EmploymentType,
    openings: Number(r.openings),
    location: (r.location as string) ?? null,
    salaryMin: r.salary_min == null ? null : Number(r.salary_min),
    salaryMax: r.salary_max == null ? null : Number(r.salary_max),
    closesAt: iso(r.closes_at),
    minCareerYears: r.min_career_years == null ? null : Number(r.min_career_years),
    status: r.status as PostingStatus,
    boothStatus: r.booth_status as BoothStatus,
    publishedAt: iso(r.published_at),
    closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
