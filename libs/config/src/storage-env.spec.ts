import { AppConfig } from './app-config';
import { ConfigValidationError, validateEnv } from './env.schema';

const problems = (raw: Record<string, string>) => {
  try {
    validateEnv(raw);
    return [];
  } catch (err) {
    return (err as ConfigValidationError).problems;
  }
};

describe('file storage configuration', () => {
  it('defaults to local disk under ./var/uploads', () => {
    const config = new AppConfig(validateEnv({}));
    expect(config.storage).toMatchObject({ driver: 'local', dir: './var/uploads' });
  });

  it('reads the S3 settings', () => {
    const env = validateEnv({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'bisang-resumes',
      S3_REGION: 'ap-northeast-2',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'false',
    });
    expect(new AppConfig(env).storage).toEqual({
      driver: 's3',
      dir: './var/uploads',
      s3: { endpoint: 'http://127.0.0.1:9000', bucket: 'bisang-resumes', region: 'ap-northeast-2', accessKeyId: 'id', secretAccessKey: 'secret', forcePathStyle: false },
    });
  });

  it('names what is wrong: an unknown driver, S3 without a bucket, half a key pair, a bad endpoint', () => {
    expect(problems({ STORAGE_DRIVER: 'ftp' })).toEqual(['STORAGE_DRIVER must be local or s3']);
    expect(problems({ STORAGE_DRIVER: 's3' })).toContain('S3_BUCKET must be set when STORAGE_DRIVER is s3');
    expect(problems({ S3_ACCESS_KEY_ID: 'id' })).toContain('S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID');
    expect(problems({ S3_SECRET_ACCESS_KEY: 'secret' })).toContain('S3_ACCESS_KEY_ID must be set together with S3_SECRET_ACCESS_KEY');
    expect(problems({ S3_ENDPOINT: 'minio:9000' })).toEqual(['S3_ENDPOINT must be an http(s):// URL']);
    expect(problems({ S3_BUCKET: 'x' })).toEqual([]); // a bucket is only checked for the s3 driver
  });
});
