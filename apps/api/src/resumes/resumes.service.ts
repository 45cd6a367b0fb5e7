import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { ResumeEntity, ResumesRepository } from '@bisang/database';
import { FileStorage } from '@bisang/storage';
import { PDF_CHECK, stageCheckedUpload } from '../uploads/checked-upload';
import { IncomingFile } from '../uploads/file-part';
import { cleanPdfFileName } from './file-name';
import { RESUME_MAX_BYTES, RESUME_UPLOAD_ERRORS, resumeNotFound } from './resumes.errors';

@Injectable()
export class ResumesService {
  private readonly logger = new Logger(ResumesService.name);

  constructor(
    private readonly resumes: ResumesRepository,
    private readonly storage: FileStorage,
  ) {}

  /**
   * Makes the upload the seeker's resume, replacing (and deleting) the previous one. The bytes are streamed to a
   * staged file and stored only when they are a PDF (by content: they start with %PDF-) of at most 5 MB;
   * otherwise nothing is kept: no row, no file.
   */
  async upload(seekerId: string, incoming: IncomingFile): Promise<ResumeEntity> {
    const { staged, sizeBytes, sha256 } = await stageCheckedUpload(this.storage, incoming, PDF_CHECK, RESUME_MAX_BYTES, RESUME_UPLOAD_ERRORS);
    const storageKey = `resumes/${randomUUID()}`;
    try {
      await this.storage.commit(staged, storageKey, 'application/pdf');
    } catch (err) {
      await this.storage.discard(staged);
      throw err;
    }
    let result: Awaited<ReturnType<ResumesRepository['replaceForSeeker']>>;
    try {
      result = await this.resumes.replaceForSeeker({
        seekerId,
        storageKey,
        fileName: cleanPdfFileName(incoming.clientFileName),
        sizeBytes,
        sha256,
      });
    } catch (err) {
      await this.deleteQuietly(storageKey);
      throw err;
    }
    if (result.replacedKey) await this.deleteQuietly(result.replacedKey);
    return result.resume;
  }

  async getOwn(seekerId: string): Promise<ResumeEntity> {
    const resume = await this.resumes.findBySeeker(seekerId);
    if (!resume) throw resumeNotFound();
    return resume;
  }

  async deleteOwn(seekerId: string): Promise<void> {
    const key = await this.resumes.deleteForSeeker(seekerId);
    if (!key) throw resumeNotFound();
    await this.deleteQuietly(key);
  }

  /** The resume and its bytes; the caller has passed ResumeAccessPolicy. */
  async open(resumeId: string): Promise<{ resume: ResumeEntity; stream: Readable }> {
    const resume = await this.resumes.findById(resumeId);
    if (!resume) throw resumeNotFound();
    const stream = await this.storage.read(resume.storageKey);
    if (!stream) {
      this.logger.error({ msg: 'resume file missing from storage', resumeId });
      throw resumeNotFound();
    }
    return { resume, stream };
  }

  /** A file left behind costs disk space, not correctness: log it (by key, no personal data) and go on. */
  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (err) {
      this.logger.warn({ msg: 'could not delete a stored file', key, err: (err as Error).message });
    }
  }
}
