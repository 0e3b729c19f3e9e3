import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEBHOOK_EVENT_TYPES } from './event-catalogue';

const SRC = join(__dirname, '..', '..');
const EVENT_LITERAL = /'([a-z_]+\.[a-z_]+)'/g;
/** The outbox itself writes whatever type it is given; its callers are checked instead. */
const OUTBOX_WRITER = join('notifications', 'outbox', 'outbox-events.repository.ts');
/** So does the case recorder: the `event:` of each `recorder.record(...)` call is read instead. */
const CASE_RECORDER = join('cases', 'case-recorder.ts');

function sourceFiles(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.spec.ts'))
    .map((path) => ({ path, text: readFileSync(join(SRC, path), 'utf8') }));
}

/** The text between the parenthesis at `open` and the one that closes it. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced call at ${open}`);
}

function literals(expression: string): string[] {
  return [...expression.matchAll(EVENT_LITERAL)].map((m) => m[1]);
}

/**
 * Every event type the code writes to the outbox: the `type` of each `outbox.record(...)` call
 * and of the `event:` of each `recorder.record(...)` call (a literal, a conditional of literals,
 * or a local `const type = ...`), and the `type:` literals
 * of the files that insert into `outbox_event` themselves. An emitter this cannot read fails the
 * test instead of passing it unseen.
 */
function emittedEventTypes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (type: string, where: string) => found.set(type, [...(found.get(type) ?? []), where]);
  for (const { path, text } of sourceFiles()) {
    const where = path;
    for (const call of text.matchAll(/\b(outbox|recorder)\.record\(/g)) {
      if (path === CASE_RECORDER) continue;
      const whole = argumentsAt(text, call.index + call[0].length - 1);
      if (call[1] === 'recorder' && !whole.includes('event:')) continue;
      const args = call[1] === 'recorder' ? whole.slice(whole.indexOf('event:')) : whole;
      const property = /\btype:\s*([^\n]+?),?\n/.exec(args)?.[1];
      const declared = /\bconst type\s*=\s*([^;]+);/.exec(text)?.[1];
      const types = property
        ? literals(property)
        : /\btype,/.test(args)
          ? literals(declared ?? '')
          : [];
      if (types.length === 0) throw new Error(`cannot read the event type of a call in ${where}`);
      types.forEach((type) => add(type, where));
    }
    if (/INSERT INTO outbox_event/.test(text) && path !== OUTBOX_WRITER) {
      const types = [...text.matchAll(/\btype:\s*'([a-z_]+\.[a-z_]+)'/g)].map((m) => m[1]);
      if (types.length === 0) throw new Error(`cannot read the event types written in ${where}`);
      types.forEach((type) => add(type, where));
    }
  }
  return found;
}

describe('the webhook event catalogue', () => {
  const emitted = emittedEventTypes();

  it('finds the emitters it is meant to check', () => {
    expect(emitted.size).toBeGreaterThanOrEqual(25);
    expect([...emitted.keys()]).toEqual(
      expect.arrayContaining([
        'case.submitted',
        'remedy.confirmed',
        'remedy.disputed',
        'sla.breached',
      ]),
    );
  });

  it('lets a subscriber ask for every event type the service writes to the outbox', () => {
    const missing = [...emitted].filter(([type]) => !WEBHOOK_EVENT_TYPES.includes(type));
    expect(missing).toEqual([]);
  });

  it('advertises no event type that nothing ever emits', () => {
    expect(WEBHOOK_EVENT_TYPES.filter((type) => !emitted.has(type))).toEqual([]);
  });
});
