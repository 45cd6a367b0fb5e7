import type { BoothStatus, EmploymentType, PostingStatus } from './vocabulary';

/** The public shape of a posting, as served over HTTP and written into feed events. */
export interface PostingView {
  id: string;
  fairId: string;
  boothId: string;
  companyId: string;
  companyName: string;
  title: string;
  description: string;
  /** KECO major group code, "0".."9". */
  jobCategory: string;
  employmentType: EmploymentType;
  openings: number;
  location: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  closesAt: string | null;
  /** Years of experience asked for (0: newcomers welcome), or null when not said. */
  minCareerYears: number | null;
  status: PostingStatus;
  boothStatus: BoothStatus;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
