import { DomainError } from '../errors/domain-error';

/**
 * Names every object inherits (`toString`, `valueOf`, `hasOwnProperty`, …). class-transformer
 * skips such keys when it builds a DTO, so an unknown field with one of these names would be
 * dropped silently instead of refused like any other unknown field. No DTO uses them.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The path of the first key in a parsed body that only an inherited member could mean. */
export function findInheritedKey(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findInheritedKey(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (INHERITED.has(key)) return keyPath;
      const found = findInheritedKey(child, keyPath);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses such a key with the same 400 as any other unknown field. */
export function refuseInheritedKeys(body: unknown): void {
  const field = findInheritedKey(body);
  if (field) {
    const name = field.split('.').pop() as string;
    throw new DomainError('VALIDATION_FAILED', `${field}: property ${name} should not exist`, {}, [
      { field, message: `property ${name} should not exist` },
    ]);
  }
}
