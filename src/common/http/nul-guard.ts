import { DomainError } from '../errors/domain-error';

/** The path of the first string in a parsed body that holds NUL, which PostgreSQL text refuses. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(body)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return keyPath;
      const found = findNul(child, keyPath);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses any body with NUL anywhere, before a route sees it: any other Unicode is welcome. */
export function refuseNul(body: unknown): void {
  const field = findNul(body);
  if (field) {
    throw new DomainError('VALIDATION_FAILED', `${field} must not contain the NUL character`, {}, [
      { field, message: 'text must not contain the NUL character (U+0000)' },
    ]);
  }
}
