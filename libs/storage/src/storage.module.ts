import { Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@bisang/config';
import { FileStorage } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The driver STORAGE_DRIVER names. */
export function createFileStorage(config: AppConfig): FileStorage {
  const storage = config.storage;
  return storage.driver === 's3' ? new S3FileStorage(storage.s3) : new LocalFileStorage(storage.dir);
}

class StorageLifecycle implements OnApplicationShutdown {
  constructor(private readonly storage: FileStorage) {}
  onApplicationShutdown() {
    if (this.storage instanceof S3FileStorage) this.storage.destroy();
  }
}

/** One FileStorage per process, chosen by configuration. */
@Module({
  providers: [
    { provide: FileStorage, inject: [AppConfig], useFactory: createFileStorage },
    { provide: StorageLifecycle, inject: [FileStorage], useFactory: (s: FileStorage) => new StorageLifecycle(s) },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
