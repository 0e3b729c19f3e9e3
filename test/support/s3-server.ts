import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface S3rver {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rver;
// s3rver ships no types; this is the part the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rverServer = require('s3rver') as S3rverClass;

export interface S3TestServer {
  readonly env: Record<string, string>;
  readonly directory: string;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on a free port, with one empty bucket, its files in a temp folder. */
export async function startS3Server(bucket = 'evidence'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'ombudsman-s3-'));
  const server = new S3rverServer({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    directory,
    env: {
      DOCUMENT_STORE: 's3',
      DOCUMENT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
      DOCUMENT_S3_BUCKET: bucket,
      DOCUMENT_S3_REGION: 'us-east-1',
      DOCUMENT_S3_ACCESS_KEY_ID: 'S3RVER',
      DOCUMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
