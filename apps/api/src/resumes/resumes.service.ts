import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { ResumeEntity, ResumesRepository } from '@bisang/database';
import { FileStorage, StagedFile } from '@bisang/storage';
import { IncomingFile } from './file-part';
import { cleanPdfFileName } from './file-name';
import { RESUME_MAX_BYTES, fileTooLarge, malformedUpload, notAPdf, resumeNotFound } from './resumes.errors';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** What streaming an upload to its staged file found out. */
interface Inspected {
  isPdf: boolean;
  sizeBytes: number;
  sha256: string;
}

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
    const staged = await this.storage.stage();
    let inspected: Inspected;
    try {
      inspected = await this.streamToStaged(incoming.stream, staged);
    } catch {
      await this.storage.discard(staged);
      throw malformedUpload();
    }
    if (!inspected.isPdf || inspected.sizeBytes === 0) {
      await this.storage.discard(staged);
      throw notAPdf();
    }
    if (incoming.truncated() || inspected.sizeBytes > RESUME_MAX_BYTES) {
      await this.storage.discard(staged);
      throw fileTooLarge();
    }

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
        sizeBytes: inspected.sizeBytes,
        sha256: inspected.sha256,
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

  /**
   * Streams the upload to the staged file, hashing and counting as it goes. Once the first bytes show it is not
   * a PDF, the rest is read and dropped, never written.
   */
  private async streamToStaged(source: Readable, staged: StagedFile): Promise<Inspected> {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let head = Buffer.alloc(0);
    let isPdf: boolean | undefined;
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        sizeBytes += chunk.length;
        if (isPdf === undefined) {
          head = Buffer.concat([head, chunk.subarray(0, PDF_MAGIC.length - head.length)]);
          if (head.length === PDF_MAGIC.length) isPdf = head.equals(PDF_MAGIC);
        }
        if (isPdf === false) return done();
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(source, inspect, createWriteStream(staged.path));
    return { isPdf: isPdf === true, sizeBytes, sha256: hash.digest('hex') };
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
