import { DomainError } from './domain-error';

/**
 * A bearer token was sent and refused (bad signature, expired, wrong claims). It answers 401 like
 * a request without credentials, but only it is challenged with `error="invalid_token"`
 * (RFC 6750 §3.1): a request that sent nothing learns only that a token is needed.
 */
export class TokenRefused extends DomainError {
  constructor(detail: string) {
    super('AUTH_UNAUTHENTICATED', detail);
  }
}
