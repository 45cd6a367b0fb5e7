import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';

/** One uploaded file as it arrives: its bytes, the name the client gave, and whether it was cut at the size limit. */
export interface IncomingFile {
  stream: Readable;
  clientFileName: string;
  /** Known once `stream` has ended. */
  truncated(): boolean;
}

/** The errors an upload route answers, worded for what it takes (a PDF, an image). */
export interface UploadErrors {
  notMultipart(): Error;
  fileRequired(): Error;
  malformed(): Error;
  /** The content is not of an accepted type. */
  wrongType(): Error;
  tooLarge(): Error;
}

/**
 * The file in multipart field `field`, streamed (never buffered whole); bytes past `maxBytes` are read and
 * dropped so that the caller can answer 413 after the request has been consumed.
 */
export async function readFilePart(req: FastifyRequest, field: string, maxBytes: number, errors: UploadErrors): Promise<IncomingFile> {
  if (!req.isMultipart()) throw errors.notMultipart();
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false });
  } catch {
    throw errors.malformed();
  }
  if (!part) throw errors.fileRequired();
  if (part.fieldname !== field) {
    part.file.resume();
    throw errors.fileRequired();
  }
  const file = part.file;
  return { stream: file, clientFileName: part.filename ?? '', truncated: () => file.truncated };
}
