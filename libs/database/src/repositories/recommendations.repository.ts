import { clock } from '@bisang/common';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MATCH_POINTS, MatchKeys } from '@bisang/contracts';
import { POSTING_VIEW_SELECT, PostingView, toPostingView } from './posting-view';

export interface ScoredPosting {
  posting: PostingView;
  /** The score as the SQL computed it (the same rules as scorePosting in libs/contracts/src/matching.ts). */
  score: number;
}

const P = MATCH_POINTS;

/** Whether `p.location` holds any stem of the text[] parameter `$n`. */
const locationHasAny = (n: number) => `EXISTS (SELECT 1 FROM unnest($${n}::text[]) AS stem WHERE strpos(p.location, stem) > 0)`;

/**
 * scorePosting() in SQL, over parameters $3..$9 (the seeker's MatchKeys). Keep the two in step: the e2e test
 * "recommendations" compares them posting by posting.
 */
const SCORE = `(
    CASE WHEN p.job_category = ANY ($3::text[]) THEN ${P.jobCategory} ELSE 0 END
  + CASE WHEN p.location IS NULL THEN 0
         WHEN $4::text IS NOT NULL AND strpos(p.location, $4::text) > 0 THEN ${P.district}
         WHEN $5::text IS NOT NULL AND strpos(p.location, $5::text) > 0 THEN ${P.city}
         WHEN ${locationHasAny(6)} THEN ${P.area}
         ELSE 0 END
  + CASE WHEN p.employment_type = ANY ($7::text[]) THEN ${P.employmentType} ELSE 0 END
  + CASE WHEN p.min_career_years IS NULL OR $8::int IS NULL THEN 0
         WHEN $8::int >= p.min_career_years THEN ${P.careerFits}
         ELSE ${P.careerShort} END
  + CASE WHEN p.location IS NOT NULL AND ${locationHasAny(9)} THEN ${P.uTurn} ELSE 0 END
  )`;

/**
 * How many of the newest published postings are ranked: of the fair, and of each wanted job group (split between
 * the groups). The ranking among them is exact; the window keeps the work bounded at any fair size (README,
 * "Matching"). Older postings are the likeliest to be filled, and a search finds them.
 */
export const RECOMMENDATION_WINDOW = 1000;

/** Postings recommended to a seeker: one query over the fair's newest open postings, scored and ranked in SQL. */
@Injectable()
export class RecommendationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The fair's postings open for applications (published, booth approved, openings left, not past closesAt)
   * that the seeker has not applied to, best score first, then newest; deterministic for equal scores. Ranked
   * among the RECOMMENDATION_WINDOW newest of the fair and as many of the wanted job groups.
   */
  async recommend(fairId: string, seekerId: string, keys: MatchKeys, limit: number): Promise<ScoredPosting[]> {
    const perGroup = Math.ceil(RECOMMENDATION_WINDOW / Math.max(1, keys.categories.length));
    const rows = (await this.dataSource.query(
      `WITH candidates AS (
         (SELECT p.id FROM postings p WHERE p.fair_id = $1 AND p.status = 'published'
           ORDER BY p.published_at DESC, p.id DESC LIMIT $11)
         UNION
         (SELECT g.id FROM unnest($3::text[]) AS wanted(code)
            CROSS JOIN LATERAL (
              SELECT p.id FROM postings p WHERE p.fair_id = $1 AND p.status = 'published' AND p.job_category = wanted.code
               ORDER BY p.published_at DESC, p.id DESC LIMIT $12) g))
       SELECT ${POSTING_VIEW_SELECT}, ${SCORE} AS score
         FROM candidates JOIN postings p ON p.id = candidates.id JOIN booths b ON b.id = p.booth_id JOIN companies c ON c.id = p.company_id
        WHERE p.status = 'published' AND b.status = 'approved' AND p.openings > 0
          AND (p.closes_at IS NULL OR p.closes_at > $13::timestamptz)
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.posting_id = p.id AND a.seeker_id = $2)
        ORDER BY score DESC, p.published_at DESC, p.id DESC
        LIMIT $10`,
      [
        fairId,
        seekerId,
        keys.categories,
        keys.district,
        keys.city,
        keys.area,
        keys.employmentTypes,
        keys.careerYears,
        keys.uTurnArea,
        limit,
        RECOMMENDATION_WINDOW,
        perGroup,
        clock.now(),
      ],
    )) as Record<string, unknown>[];
    return rows.map((r) => ({ posting: toPostingView(r), score: Number(r.score) }));
  }
}
