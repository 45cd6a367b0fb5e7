import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileStorage, StagedFile } from '@bisang/storage';
import type { IncomingFile, UploadErrors } from './file-part';

/** How an upload's type is told: by its first bytes, never by its name or declared type. */
export interface ContentCheck {
  /** How many leading bytes `typeOf` needs. */
  headBytes: number;
  /** The content type those bytes show, or null when they are not of an accepted type. */
  typeOf(head: Buffer): string | null;
}

/** An upload staged and checked: ready to `commit` under a key, or to `discard`. */
export interface CheckedUpload {
  staged: StagedFile;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Streams an upload to a staged file, hashing and counting as it goes, and keeps it only when its content is of
 * an accepted type and at most `maxBytes`; otherwise the staged file is discarded and the matching error thrown.
 * Once the first bytes show a wrong type, the rest is read and dropped, never written.
 */
export async function stageCheckedUpload(
  storage: FileStorage,
  incoming: IncomingFile,
  check: ContentCheck,
  maxBytes: number,
  errors: UploadErrors,
): Promise<CheckedUpload> {
  const staged = await storage.stage();
  let inspected: { contentType: string | null; sizeBytes: number; sha256: string };
  try {
    inspected = await streamToStaged(incoming.stream, staged, check);
  } catch {
    await storage.discard(staged);
    throw errors.malformed();
  }
  if (!inspected.contentType || inspected.sizeBytes === 0) {
    await storage.discard(staged);
    throw errors.wrongType();
  }
  if (incoming.truncated() || inspected.sizeBytes > maxBytes) {
    await storage.discard(staged);
    throw errors.tooLarge();
  }
  return { staged, contentType: inspected.contentType, sizeBytes: inspected.sizeBytes, sha256: inspected.sha256 };
}

async function streamToStaged(source: Readable, staged: StagedFile, check: ContentCheck): Promise<{ contentType: string | null; sizeBytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let head = Buffer.alloc(0);
  // undefined until enough bytes came to tell; null once they showed a wrong type
  let contentType: string | null | undefined;
  const inspect = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (contentType === undefined) {
        head = Buffer.concat([head, chunk.subarray(0, check.headBytes - head.length)]);
        if (head.length === check.headBytes) contentType = check.typeOf(head);
      }
      if (contentType === null) return done();
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(source, inspect, createWriteStream(staged.path));
  // A file shorter than the head is judged on what there is.
  if (contentType === undefined) contentType = head.length > 0 ? check.typeOf(head) : null;
  return { contentType, sizeBytes, sha256: hash.digest('hex') };
}

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** A PDF: it starts with %PDF-. */
export const PDF_CHECK: ContentCheck = {
  headBytes: PDF_MAGIC.length,
  typeOf: (head) => (head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC) ? 'application/pdf' : null),
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A picture a browser shows safely: PNG, JPEG or WebP (never SVG, which can carry script). */
export const IMAGE_CHECK: ContentCheck = {
  headBytes: 12,
  typeOf: (head) => {
    if (head.length >= 8 && head.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
    if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
    if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
    return null;
  },
};
