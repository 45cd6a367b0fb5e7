import { ApiProperty } from '@nestjs/swagger';
import type { SavedPosting, SavedState } from '@bisang/contracts';
import type { SavedPostingRow } from '@bisang/database';
import { PostingDto } from '../../postings/dto/posting.dto';

export class SavedStateDto implements SavedState {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty() saved: boolean;
}

export class SavedPostingDto implements SavedPosting {
  @ApiProperty({ format: 'uuid' }) postingId: string;
  @ApiProperty({ format: 'date-time' }) savedAt: string;
  @ApiProperty({ type: PostingDto, description: 'the posting as it is now (it may have closed since)' }) posting: PostingDto;

  static from(row: SavedPostingRow): SavedPostingDto {
    return { postingId: row.posting.id, savedAt: row.savedAt.toISOString(), posting: PostingDto.from(row.posting) };
  }
}
