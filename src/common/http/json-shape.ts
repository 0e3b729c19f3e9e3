import { BodyFinding, BodyShapeLimits } from './body-guard';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The shape of a JSON text, told without parsing it: nesting deeper than the limit, or more keys
 * and array elements in all than the limit (a non-empty container holds one more than its
 * commas). It stops as soon as a limit is passed, so no parser recurses into a hostile nesting and
 * no object of 95,000 keys is ever built. Malformed text is left to the parser to refuse.
 */
export function jsonShapeFinding(text: string, limits: BodyShapeLimits): BodyFinding | undefined {
  let depth = 0;
  let nodes = 0;
  let inString = false;
  let justOpened = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (isSpace(c)) continue;
    if (justOpened && c !== CLOSE_BRACE && c !== CLOSE_BRACKET) nodes += 1;
    justOpened = false;
    if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > limits.maxDepth) return { kind: 'too-deep' };
      justOpened = true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth -= 1;
    } else if (c === COMMA) {
      nodes += 1;
    }
    if (nodes > limits.maxNodes) return { kind: 'too-many-nodes' };
  }
  return undefined;
}
