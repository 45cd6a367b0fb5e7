import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '@bisang/config';
import { FileStorage, StagedFile, assertStorageKey } from './file-storage';

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2...). Uploads are staged on local disk
 * (the OS temp directory) and sent to the bucket only once accepted.
 */
export class S3FileStorage extends FileStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly staging = join(tmpdir(), 'bisang-staging');

  constructor(config: StorageConfig['s3'], client?: S3Client) {
    super();
    this.bucket = config.bucket;
    this.client =
      client ??
      new S3Client({
        region: config.region,
        endpoint: config.endpoint,
        forcePathStyle: config.forcePathStyle,
        credentials:
          config.accessKeyId && config.secretAccessKey
            ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
            : undefined,
        // Checksums only where the API requires them: many S3-compatible servers reject the SDK's default
        // streaming (aws-chunked) checksums.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
  }

  async stage(): Promise<StagedFile> {
    await mkdir(this.staging, { recursive: true, mode: 0o700 });
    const path = join(this.staging, randomUUID());
    await (await open(path, 'wx', 0o600)).close();
    return { path };
  }

  async commit(staged: StagedFile, key: string, contentType: string): Promise<void> {
    assertStorageKey(key);
    const { size } = await stat(staged.path);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(staged.path),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
    await this.discard(staged);
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.path, { force: true }).catch(() => undefined);
  }

  async read(key: string): Promise<Readable | null> {
    assertStorageKey(key);
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return res.Body instanceof Readable ? res.Body : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** Lets the process close its sockets on shutdown. */
  destroy(): void {
    this.client.destroy();
  }
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
