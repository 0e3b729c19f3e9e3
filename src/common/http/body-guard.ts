import { DomainError } from '../errors/domain-error';

/**
 * Names every object inherits (`toString`, `valueOf`, `hasOwnProperty`, …). class-transformer
 * skips such keys when it builds a DTO, so an unknown field with one of these names would be
 * dropped silently instead of refused like any other unknown field. No DTO uses them.
 */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

export interface BodyShapeLimits {
  /** Keys and array elements in all, at every depth. */
  readonly maxNodes: number;
  /** Nesting of objects and arrays; a flat object is depth 1. */
  readonly maxDepth: number;
}

export interface UnsafeField {
  readonly field: string;
  readonly message: string;
}

export type BodyFinding =
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'too-many-nodes' }
  | ({ readonly kind: 'unsafe-field' } & UnsafeField);

interface Pending {
  readonly value: unknown;
  readonly path: string;
  /** The key this value sits under in an object (array indices need no check). */
  readonly key?: string;
  readonly depth: number;
}

const nul = (field: string): BodyFinding => ({
  kind: 'unsafe-field',
  field,
  message: 'text must not contain the NUL character (U+0000)',
});

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The first thing in a parsed body that no route may see, in one walk in document order: more
 * nesting or more keys and elements than the limits allow, NUL in a string or key (PostgreSQL text
 * refuses it; any other Unicode is welcome), or a key only an inherited member could mean.
 *
 * The walk keeps its own stack, so no nesting can overflow the call stack, and it stops as soon as
 * the node count passes the limit, so a huge body costs no more than a small one.
 */
export function inspectBody(body: unknown, limits: BodyShapeLimits): BodyFinding | undefined {
  const pending: Pending[] = [{ value: body, path: '', depth: 0 }];
  let nodes = 0;
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, key, depth } = next;
    if (key !== undefined) {
      if (key.includes('\u0000')) return nul(path);
      if (INHERITED.has(key))
        return { kind: 'unsafe-field', field: path, message: `property ${key} should not exist` };
    }
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return nul(path || '(body)');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth + 1 > limits.maxDepth) return { kind: 'too-deep' };
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    nodes += size;
    if (nodes > limits.maxNodes) return { kind: 'too-many-nodes' };
    // Pushed last to first so that they come off the stack in document order.
    for (let i = size - 1; i >= 0; i -= 1) {
      if (keys) {
        const child = (value as Record<string, unknown>)[keys[i]];
        pending.push({ value: child, path: join(path, keys[i]), key: keys[i], depth: depth + 1 });
      } else {
        pending.push({
          value: (value as unknown[])[i],
          path: join(path, String(i)),
          depth: depth + 1,
        });
      }
    }
  }
  return undefined;
}

/** The problem a finding is answered with: 400, or 413 for a body of too many parts. */
export function bodyRefusal(finding: BodyFinding, limits: BodyShapeLimits): DomainError {
  switch (finding.kind) {
    case 'too-deep':
      return new DomainError(
        'BODY_TOO_DEEP',
        `Objects and arrays may be nested at most ${limits.maxDepth} levels deep`,
      );
    case 'too-many-nodes':
      return new DomainError(
        'BODY_TOO_MANY_FIELDS',
        `A body may hold at most ${limits.maxNodes} fields and array elements in all`,
      );
    case 'unsafe-field':
      return new DomainError('VALIDATION_FAILED', `${finding.field}: ${finding.message}`, {}, [
        { field: finding.field, message: finding.message },
      ]);
  }
}
