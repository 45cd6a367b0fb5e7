import { ApiProperty } from '@nestjs/swagger';
import { API_PREFIX } from '@bisang/common';
import type { ResumeEntity } from '@bisang/database';
import type { Resume } from '@bisang/contracts';

/** A resume's metadata; the bytes are at `downloadPath`. */
export class ResumeDto implements Resume {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) seekerId: string;
  @ApiProperty({ example: '홍길동_이력서.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'hex SHA-256 of the file' }) sha256: string;
  @ApiProperty() uploadedAt: string;
  @ApiProperty({ example: '/api/v1/resumes/<id>/file' }) downloadPath: string;

  static from(r: ResumeEntity): ResumeDto {
    return {
      id: r.id,
      seekerId: r.seekerId,
      fileName: r.fileName,
      contentType: 'application/pdf',
      sizeBytes: r.sizeBytes,
      sha256: r.sha256,
      uploadedAt: r.uploadedAt.toISOString(),
      downloadPath: `/${API_PREFIX}/resumes/${r.id}/file`,
    };
  }
}
