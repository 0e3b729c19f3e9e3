import { AuthConfig } from './app-config';
import { ConfigError } from './config-error';
import { readDocumentsConfig } from './documents-config';

const hs256 = { algorithm: 'HS256', verificationKey: 'j'.repeat(40) } as AuthConfig;
const rs256 = { algorithm: 'RS256', verificationKey: '-----BEGIN PUBLIC KEY-----' } as AuthConfig;

describe('document settings', () => {
  it('default to PostgreSQL, 25 MB, 100 per case, and the HS256 secret as master key', () => {
    expect(readDocumentsConfig({}, hs256)).toEqual({
      store: 'postgres',
      maxBytes: 25 * 1024 * 1024,
      maxPerCase: 100,
      partyAccessDaysAfterClosure: 365,
      masterKey: 'j'.repeat(40),
      s3: undefined,
    });
    expect(readDocumentsConfig({}, rs256).masterKey).toBeUndefined();
  });

  it('refuse a short master key and an S3 store without its bucket', () => {
    expect(() => readDocumentsConfig({ DOCUMENT_MASTER_KEY: 'short' }, hs256)).toThrow(ConfigError);
    expect(() => readDocumentsConfig({ DOCUMENT_STORE: 's3' }, hs256)).toThrow(
      /DOCUMENT_S3_BUCKET/,
    );
    expect(() =>
      readDocumentsConfig(
        { DOCUMENT_STORE: 's3', DOCUMENT_S3_BUCKET: 'b', DOCUMENT_S3_ACCESS_KEY_ID: 'a' },
        hs256,
      ),
    ).toThrow(/DOCUMENT_S3_SECRET_ACCESS_KEY/);
  });

  it('read an S3-compatible endpoint with path-style addressing', () => {
    const config = readDocumentsConfig(
      {
        DOCUMENT_STORE: 's3',
        DOCUMENT_S3_BUCKET: 'evidence',
        DOCUMENT_S3_ENDPOINT: 'http://127.0.0.1:9000',
        DOCUMENT_S3_ACCESS_KEY_ID: 'id',
        DOCUMENT_S3_SECRET_ACCESS_KEY: 'secret',
      },
      hs256,
    );
    expect(config.s3).toEqual({
      bucket: 'evidence',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      forcePathStyle: true,
    });
  });
});
