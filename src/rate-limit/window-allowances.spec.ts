import fc from 'fast-check';
import { WindowCount } from './fixed-window-counter.repository';
import { WindowAllowances } from './window-allowances';

/** The shared count of PostgreSQL, in memory: one fixed window per key, as FixedWindowCounterRepository. */
class SharedCount {
  readonly calls: number[] = [];
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();

  constructor(private readonly clock: { now: number }) {}

  hit = async (key: string, windowSeconds: number, count: number): Promise<WindowCount> => {
    await Promise.resolve();
    this.calls.push(count);
    const open = this.windows.get(key);
    const window =
      open && open.endsAt > this.clock.now
        ? { hits: open.hits + count, endsAt: open.endsAt }
        : { hits: count, endsAt: this.clock.now + windowSeconds * 1000 };
    this.windows.set(key, window);
    const msLeft = window.endsAt - this.clock.now;
    return { hits: window.hits, msLeft, secondsLeft: Math.max(1, Math.ceil(msLeft / 1000)) };
  };
}

function instances(count: number, shared: SharedCount, clock: { now: number }) {
  return Array.from({ length: count }, () => new WindowAllowances(shared.hit, () => clock.now));
}

describe('the window allowances of the public rate limit', () => {
  it('counts every request in the shared count when the limit is under 40', async () => {
    const clock = { now: 0 };
    const shared = new SharedCount(clock);
    const [a] = instances(1, shared, clock);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await a.admit('k', 60, 3)).allowed);
    expect(answers).toEqual([true, true, true, false, false]);
    expect(shared.calls).toEqual([1, 1, 1, 1, 1]);
  });

  it('reserves one hit, then twice as many each time, up to a twentieth of the limit', async () => {
    const clock = { now: 0 };
    const shared = new SharedCount(clock);
    const [a] = instances(1, shared, clock);
    for (let i = 0; i < 40; i++) await a.admit('k', 60, 200);
    expect(shared.calls).toEqual([1, 2, 4, 8, 10, 10, 10]);
  });

  it('lets concurrent requests of one instance wait for one reservation', async () => {
    const clock = { now: 0 };
    const shared = new SharedCount(clock);
    const [a] = instances(1, shared, clock);
    await a.admit('k', 60, 10_000);
    const answers = await Promise.all(Array.from({ length: 2 }, () => a.admit('k', 60, 10_000)));
    expect(answers.every((answer) => answer.allowed)).toBe(true);
    expect(shared.calls).toEqual([1, 2]);
  });

  it('does not use a reservation after its window has closed', async () => {
    const clock = { now: 0 };
    const shared = new SharedCount(clock);
    const [a] = instances(1, shared, clock);
    await a.admit('k', 60, 10_000);
    await a.admit('k', 60, 10_000);
    clock.now = 60_000;
    await a.admit('k', 60, 10_000);
    expect(shared.calls).toEqual([1, 2, 1]);
  });

  it('never admits more than the limit in a window, however the instances share the requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.tuple(fc.nat(2), fc.nat(3)), { minLength: 1, maxLength: 600 }),
        async (limit, requests) => {
          const clock = { now: 0 };
          const shared = new SharedCount(clock);
          const all = instances(3, shared, clock);
          // Each step sends a few requests to one instance at once.
          const admitted = await Promise.all(
            requests.map(([instance, burst]) =>
              Promise.all(
                Array.from({ length: burst + 1 }, () => all[instance].admit('k', 60, limit)),
              ),
            ),
          );
          const count = admitted.flat().filter((answer) => answer.allowed).length;
          expect(count).toBeLessThanOrEqual(limit);
          // Refused early at most by the hits the three instances reserved and did not use.
          const cap = Math.max(1, Math.min(64, Math.floor(limit / 20)));
          expect(count).toBeGreaterThanOrEqual(
            Math.min(limit, admitted.flat().length) - 3 * (cap - 1),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
