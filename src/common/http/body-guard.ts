import { DomainError } from '../errors/domain-error';

/**
 * Names every object inherits (`toString`, `valueOf`, `hasOwnProperty`, …). class-transformer
 * skips such keys when it builds a DTO, so an unknown field with one of these names would be
 * dropped silently instead of refused like any other unknown field. No DTO uses them.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface UnsafeField {
  readonly field: string;
  readonly message: string;
}

const nul = (field: string): UnsafeField => ({
  field,
  message: 'text must not contain the NUL character (U+0000)',
});

/**
 * The first place in a parsed body that no route may see, in one walk: NUL in a string or key
 * (PostgreSQL text refuses it; any other Unicode is welcome), or a key only an inherited member
 * could mean.
 */
export function findUnsafeField(value: unknown, path = ''): UnsafeField | undefined {
  if (typeof value === 'string')
    return value.includes('\u0000') ? nul(path || '(body)') : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnsafeField(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return nul(keyPath);
      if (INHERITED.has(key))
        return { field: keyPath, message: `property ${key} should not exist` };
      const found = findUnsafeField(child, keyPath);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses such a body with a 400 naming the field, before a route sees it. */
export function refuseUnsafeBody(body: unknown): void {
  const found = findUnsafeField(body);
  if (found) {
    throw new DomainError('VALIDATION_FAILED', `${found.field}: ${found.message}`, {}, [found]);
  }
}
