import { createPublicKey, KeyObject } from 'node:crypto';
import { ConfigError } from './config-error';

const SETTING = 'JWT_PUBLIC_KEY';
/** jsonwebtoken refuses shorter RSA keys for RS256; say so at start, not on the first request. */
const MIN_MODULUS_BITS = 2048;

/**
 * The RS256 verification key: a PEM RSA public key (SPKI or PKCS#1) or an X.509 certificate
 * holding one, answered as SPKI PEM. Anything else stops the start with a line naming the setting.
 */
export function readJwtPublicKey(pem: string): string {
  if (/PRIVATE KEY-----/.test(pem)) {
    throw new ConfigError(SETTING, 'holds a private key; give the public key only');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError(SETTING, 'must be an RSA public key in PEM form (it could not be read)');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new ConfigError(
      SETTING,
      `must be an RSA public key in PEM form (this is a ${key.asymmetricKeyType ?? 'unknown'} key)`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_MODULUS_BITS) {
    throw new ConfigError(SETTING, `must be an RSA key of at least ${MIN_MODULUS_BITS} bits`);
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
