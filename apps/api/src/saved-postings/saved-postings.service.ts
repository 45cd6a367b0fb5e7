import { Injectable } from '@nestjs/common';
import { Page, clock, decodeCursor, notFound, toPage } from '@bisang/common';
import { SavedPostingsRepository } from '@bisang/database';
import { SavedPostingDto, SavedStateDto } from './dto/saved-posting.dto';

const postingNotFound = () => notFound('Posting', '채용공고');

/** Saved postings (스크랩): the seeker's own list; the deadline reminder follows from `posting.saved`. */
@Injectable()
export class SavedPostingsService {
  constructor(private readonly saved: SavedPostingsRepository) {}

  async save(seekerId: string, postingId: string): Promise<SavedStateDto> {
    const result = await this.saved.save(seekerId, postingId, clock.now());
    if (result.outcome === 'not-found') throw postingNotFound();
    return { postingId, saved: true };
  }

  async unsave(seekerId: string, postingId: string): Promise<void> {
    await this.saved.unsave(seekerId, postingId);
  }

  async state(seekerId: string, postingId: string): Promise<SavedStateDto> {
    return { postingId, saved: await this.saved.isSaved(seekerId, postingId) };
  }

  async list(seekerId: string, limit: number, cursor?: string): Promise<Page<SavedPostingDto>> {
    const after = decodeCursor(cursor, { savedAt: 'instant', postingId: 'uuid' });
    const rows = await this.saved.listForSeeker(seekerId, limit, after);
    return toPage(rows, limit, SavedPostingDto.from, (r) => ({ savedAt: r.savedAt.toISOString(), postingId: r.posting.id }));
  }
}
