import { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../errors/domain-error';

/** C0 controls, DEL and C1 controls: nothing a reference, a search or a number ever holds. */
const isUrlControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
/**
 * C0 controls except tab, and DEL. Header bytes above 0x7F reach us one character per byte
 * (latin1), so C1 there is just part of UTF-8 text and stays allowed.
 */
const isHeaderControl = (c: number) => (c <= 0x1f && c !== 0x09) || c === 0x7f;

function holds(text: string, isBad: (c: number) => boolean): boolean {
  for (let i = 0; i < text.length; i += 1) if (isBad(text.charCodeAt(i))) return true;
  return false;
}

/** Decodes percent-escapes; undefined when they are not valid UTF-8 (or a lone surrogate). */
function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function badUrlPart(part: string): boolean {
  const text = decoded(part);
  return text === undefined || holds(text, isUrlControl);
}

/**
 * Which part of a request holds bytes no route may see: a control character or invalid UTF-8 in
 * the path (and so in a path parameter) or the query string, or a control character in a header.
 * PostgreSQL refuses NUL in text, so without this they surfaced as 500s deep inside a route.
 */
export function findBadBytes(url: string, headers: IncomingHttpHeaders): string | undefined {
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  if (badUrlPart(path)) return 'the path';
  if (mark >= 0 && badUrlPart(url.slice(mark + 1).replace(/\+/g, ' '))) return 'the query string';
  for (const [name, value] of Object.entries(headers)) {
    const values = Array.isArray(value) ? value : [value ?? ''];
    if (values.some((v) => holds(v, isHeaderControl))) return `the ${name} header`;
  }
  return undefined;
}

/** Refuses such a request with a 400 naming the part, never echoing it. */
export function refuseBadBytes(url: string, headers: IncomingHttpHeaders): void {
  const part = findBadBytes(url, headers);
  if (part) {
    throw new DomainError(
      'INVALID_CHARACTERS',
      `${part[0].toUpperCase()}${part.slice(1)} holds a control character or invalid UTF-8`,
    );
  }
}
