/**
 * "My fair" (`npm run drill -- --fair <id or slug> --seekers N`): a capacity rehearsal of a real fair. Its
 * configuration, booths (not rejected) and postings are read, read-only, from a Bisang database (`--from URL`, else
 * `DATABASE_URL`); the drill then recreates them through the API in its own database and runs them, without faults,
 * with a population of the size the organizer gives.
 */
import { Client } from 'pg';
import { DAY_MS, FairSource } from './plan';

export interface LoadedFair {
  id: string;
  slug: string;
  title: string;
  timezone: string;
  /** Whole fair-days from its start to its end. */
  days: number;
  hiringTarget: number;
  youthAgeMin: number;
  youthAgeMax: number;
  midCareerAgeMin: number;
  maxUpcomingCoachingPerSeeker: number;
  professionalJobCategories: string[];
  source: FairSource;
}

export async function loadFair(databaseUrl: string, idOrSlug: string, population: { seekers: number; coaches?: number }): Promise<LoadedFair> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const fairs = await db.query(
      `SELECT id, slug, title, timezone, starts_at, ends_at, hiring_target, youth_age_min, youth_age_max, mid_career_age_min,
              max_upcoming_coaching_per_seeker, professional_job_categories
         FROM fairs WHERE id::text = $1 OR slug = $1 LIMIT 1`,
      [idOrSlug],
    );
    const f = fairs.rows[0];
    if (!f) throw new Error(`--fair ${idOrSlug}: no fair with that id or slug in ${new URL(databaseUrl).pathname.slice(1)}`);
    const startsAt = new Date(f.starts_at).getTime();
    const days = Math.max(2, Math.ceil((new Date(f.ends_at).getTime() - startsAt) / DAY_MS));
    const booths = await db.query(
      `SELECT b.id, c.name, c.region FROM booths b JOIN companies c ON c.id = b.company_id
        WHERE b.fair_id = $1 AND b.status <> 'rejected' ORDER BY b.created_at, b.id`,
      [f.id],
    );
    const postings = await db.query(
      `SELECT booth_id, title, description, job_category, employment_type, openings, location, closes_at
         FROM postings WHERE fair_id = $1 ORDER BY created_at, id`,
      [f.id],
    );
    const coaches = await db.query(`SELECT count(*)::int AS n FROM fair_coaches WHERE fair_id = $1 AND status = 'approved'`, [f.id]).catch(() => ({ rows: [{ n: 0 }] }));
    const companies: FairSource['companies'] = booths.rows.map((b) => ({
      name: b.name,
      region: b.region,
      postings: postings.rows
        .filter((p) => p.booth_id === b.id)
        .map((p) => {
          // a closing time inside the fair keeps its fair-day; one outside it, none
          const day = p.closes_at ? Math.floor((new Date(p.closes_at).getTime() - startsAt) / DAY_MS) : null;
          return {
            title: p.title,
            description: p.description,
            jobCategory: p.job_category,
            employmentType: p.employment_type,
            openings: p.openings,
            location: p.location,
            closesDay: day !== null && day >= 1 && day < days ? day : null,
          };
        }),
    }));
    if (!companies.length) throw new Error(`--fair ${idOrSlug}: the fair has no booths to rehearse with`);
    return {
      id: f.id,
      slug: f.slug,
      title: f.title,
      timezone: f.timezone,
      days,
      hiringTarget: f.hiring_target,
      youthAgeMin: f.youth_age_min,
      youthAgeMax: f.youth_age_max,
      midCareerAgeMin: f.mid_career_age_min,
      maxUpcomingCoachingPerSeeker: f.max_upcoming_coaching_per_seeker,
      professionalJobCategories: f.professional_job_categories,
      source: {
        companies,
        professionalJobCategories: f.professional_job_categories,
        seekers: population.seekers,
        coaches: Math.max(1, population.coaches ?? (coaches.rows[0].n || Math.ceil(population.seekers / 300))),
      },
    };
  } finally {
    await db.end();
  }
}
