import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ResumeEntity } from '../entities/resume.entity';
import { rowsOf } from './sql-rows';

const COLUMNS = `id, seeker_id AS "seekerId", storage_key AS "storageKey", file_name AS "fileName",
  size_bytes AS "sizeBytes", sha256, uploaded_at AS "uploadedAt"`;

export interface NewResume {
  seekerId: string;
  storageKey: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

@Injectable()
export class ResumesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findBySeeker(seekerId: string): Promise<ResumeEntity | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM resumes WHERE seeker_id = $1`, [seekerId])) as ResumeEntity[];
    return rows[0] ?? null;
  }

  async findById(resumeId: string): Promise<ResumeEntity | null> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM resumes WHERE id = $1`, [resumeId])) as ResumeEntity[];
    return rows[0] ?? null;
  }

  /**
   * Makes this the seeker's resume: the previous row (if any) is replaced by a new one with a new id.
   * Uploads of one seeker are serialised, so each learns exactly which file it replaced.
   */
  async replaceForSeeker(resume: NewResume): Promise<{ resume: ResumeEntity; replacedKey: string | null }> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('resume-seeker:' || $1::text, 0))`, [resume.seekerId]);
      const old = rowsOf<{ storageKey: string }>(
        await m.query(`DELETE FROM resumes WHERE seeker_id = $1 RETURNING storage_key AS "storageKey"`, [resume.seekerId]),
      );
      const [created] = (await m.query(
        `INSERT INTO resumes (seeker_id, storage_key, file_name, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [resume.seekerId, resume.storageKey, resume.fileName, resume.sizeBytes, resume.sha256],
      )) as ResumeEntity[];
      return { resume: created, replacedKey: old[0]?.storageKey ?? null };
    });
  }

  /** Removes the seeker's resume; the storage key of what was removed, or null when there was none. */
  async deleteForSeeker(seekerId: string): Promise<string | null> {
    const rows = rowsOf<{ storageKey: string }>(
      await this.dataSource.query(`DELETE FROM resumes WHERE seeker_id = $1 RETURNING storage_key AS "storageKey"`, [seekerId]),
    );
    return rows[0]?.storageKey ?? null;
  }
}
