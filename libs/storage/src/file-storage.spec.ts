import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { FileStorage, assertStorageKey } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** What every driver must do: stage, commit, read back, delete; discard leaves nothing; missing keys read as null. */
function behavesAsFileStorage(make: () => FileStorage) {
  const bytes = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\nhello\n%%EOF\n', 'latin1');

  it('stores a staged file under its key and gives back the same bytes', async () => {
    const storage = make();
    const staged = await storage.stage();
    writeFileSync(staged.path, bytes);
    await storage.commit(staged, 'resumes/0f8fad5b-d9cb-469f-a165-70867728950e', 'application/pdf');
    const stream = await storage.read('resumes/0f8fad5b-d9cb-469f-a165-70867728950e');
    expect((await readAll(stream!)).equals(bytes)).toBe(true);
    expect(() => readdirSync(staged.path)).toThrow(); // the staged copy is gone
  });

  it('reads a missing key as null and deletes idempotently', async () => {
    const storage = make();
    expect(await storage.read('resumes/missing')).toBeNull();
    const staged = await storage.stage();
    writeFileSync(staged.path, bytes);
    await storage.commit(staged, 'resumes/to-delete', 'application/pdf');
    await storage.delete('resumes/to-delete');
    expect(await storage.read('resumes/to-delete')).toBeNull();
    await expect(storage.delete('resumes/to-delete')).resolves.toBeUndefined();
  });

  it('refuses keys that could leave its place', async () => {
    const storage = make();
    for (const key of ['../etc/passwd', 'resumes/../../x', '/abs', 'a//b', 'Resume.pdf', 'résumé', '']) {
      await expect(storage.read(key)).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
    }
  });
}

describe('assertStorageKey', () => {
  it('accepts our keys only', () => {
    expect(() => assertStorageKey('resumes/0f8fad5b-d9cb-469f-a165-70867728950e')).not.toThrow();
    for (const key of ['..', 'a/../b', './a', 'a/', 'A', 'a b', 'a\\b']) expect(() => assertStorageKey(key)).toThrow();
  });
});

describe('LocalFileStorage', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bisang-local-storage-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  behavesAsFileStorage(() => new LocalFileStorage(dir));

  it('stages inside its own directory (so accepting is a rename) and discards without a trace', async () => {
    const storage = new LocalFileStorage(join(dir, 'other'));
    const staged = await storage.stage();
    expect(staged.path.startsWith(join(dir, 'other', '.staging'))).toBe(true);
    writeFileSync(staged.path, 'not kept');
    await storage.discard(staged);
    expect(readdirSync(join(dir, 'other', '.staging'))).toEqual([]);
  });
});

/**
 * The S3 driver against a small S3-compatible stand-in on 127.0.0.1 (path-style PUT/GET/DELETE, NoSuchKey):
 * this checks the SDK wiring, the bucket and key layout, content type and signed requests, not a real S3.
 */
describe('S3FileStorage (against a local S3 stand-in)', () => {
  let server: Server;
  let endpoint: string;
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const requests: { method: string; url: string; authorization?: string }[] = [];

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]);
      requests.push({ method: req.method!, url: path, authorization: req.headers.authorization });
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.method === 'PUT') {
        objects.set(path, { body: Buffer.concat(chunks), contentType: String(req.headers['content-type']) });
        res.writeHead(200, { etag: '"stand-in"' }).end();
      } else if (req.method === 'GET') {
        const obj = objects.get(path);
        if (!obj) {
          res.writeHead(404, { 'content-type': 'application/xml' });
          res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>missing</Message></Error>');
          return;
        }
        res.writeHead(200, { 'content-type': obj.contentType, 'content-length': obj.body.length }).end(obj.body);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        res.writeHead(405).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const make = () =>
    new S3FileStorage({ endpoint, bucket: 'bisang-test', region: 'ap-northeast-2', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', forcePathStyle: true });

  behavesAsFileStorage(make);

  it('puts objects in the bucket under the key, with the content type, signed', async () => {
    const storage = make();
    const staged = await storage.stage();
    writeFileSync(staged.path, '%PDF-1.7 body');
    await storage.commit(staged, 'resumes/abc', 'application/pdf');
    expect(objects.get('/bisang-test/resumes/abc')).toEqual({ body: Buffer.from('%PDF-1.7 body'), contentType: 'application/pdf' });
    const put = requests.filter((r) => r.method === 'PUT').pop()!;
    expect(put.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/ap-northeast-2\/s3\/aws4_request/);
    storage.destroy();
  });
});
