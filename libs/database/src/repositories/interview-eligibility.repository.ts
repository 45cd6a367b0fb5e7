import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who may book a booth's interview slots: read from applications, never written here. */
@Injectable()
export class InterviewEligibilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the seeker has an application to one of the booth's postings in the interview stage. */
  async hasApplicationInInterviewStage(seekerId: string, boothId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM applications WHERE seeker_id = $1 AND booth_id = $2 AND status = 'interview' LIMIT 1`,
      [seekerId, boothId],
    );
    return rows.length > 0;
  }
}
