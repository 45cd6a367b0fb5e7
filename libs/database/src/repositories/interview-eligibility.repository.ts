import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who may book a booth's interview slots: read from applications and chat slot offers, never written here. */
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

  /** Whether the booth's recruiter offered this very slot to the seeker from a chat (booth chat's "offer an interview slot"). */
  async wasOfferedSlot(seekerId: string, slotId: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM chat_slot_offers WHERE seeker_id = $1 AND slot_id = $2 LIMIT 1`, [seekerId, slotId]);
    return rows.length > 0;
  }
}
