import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStorage, StagedFile, assertStorageKey } from './file-storage';

/**
 * Files on local disk under one directory. Uploads are staged in `<dir>/.staging` (same file system,
 * so accepting one is an atomic rename) and stored at `<dir>/<key>`.
 */
export class LocalFileStorage extends FileStorage {
  private readonly root: string;
  private readonly staging: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
    this.staging = join(this.root, '.staging');
  }

  async stage(): Promise<StagedFile> {
    await mkdir(this.staging, { recursive: true, mode: 0o700 });
    const path = join(this.staging, randomUUID());
    // Create it now, exclusively, so that two uploads can never share one.
    await (await open(path, 'wx', 0o600)).close();
    return { path };
  }

  async commit(staged: StagedFile, key: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await rename(staged.path, target);
  }

  async discard(staged: StagedFile): Promise<void> {
    await rm(staged.path, { force: true }).catch(() => undefined);
  }

  async read(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      if (!(await stat(path)).isFile()) return null;
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid storage key: ${key}`);
    return path;
  }
}
