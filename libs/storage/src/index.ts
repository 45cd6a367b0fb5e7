export { FileStorage, assertStorageKey } from './file-storage';
export type { StagedFile } from './file-storage';
export { LocalFileStorage } from './local-file-storage';
export { S3FileStorage } from './s3-file-storage';
export { StorageModule, createFileStorage } from './storage.module';
