import type { Readable } from 'node:stream';

/** A file written by an upload that has not been accepted yet; nothing but `commit` makes it stored. */
export interface StagedFile {
  readonly path: string;
}

/**
 * Where uploaded files live, behind one interface: local disk by default, an S3-compatible bucket by
 * configuration. Keys are made by the caller from random ids, never from a user's file name.
 * An upload is streamed to a staged file first and stored under its key only once it has been checked,
 * so a rejected upload leaves nothing behind.
 */
export abstract class FileStorage {
  /** A fresh place to stream an upload to. */
  abstract stage(): Promise<StagedFile>;
  /** Stores the staged file under `key` (and removes the staged copy). */
  abstract commit(staged: StagedFile, key: string, contentType: string): Promise<void>;
  /** Removes a staged file that was not accepted; never throws. */
  abstract discard(staged: StagedFile): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  abstract read(key: string): Promise<Readable | null>;
  /** Removes what is stored under `key`; removing what is not there is fine. */
  abstract delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Keys are ours (random ids under a folder); anything else is a bug, refused before it can reach a path. */
export function assertStorageKey(key: string): void {
  if (!KEY.test(key) || key.includes('//') || key.split('/').some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`invalid storage key: ${key}`);
  }
}
