import { WindowCount } from './fixed-window-counter.repository';

/** Counts `count` hits of `key` in the shared window (FixedWindowCounterRepository.hit). */
export type ReserveHits = (
  key: string,
  windowSeconds: number,
  count: number,
) => Promise<WindowCount>;

export interface Admission {
  readonly allowed: boolean;
  /** Hits of the window as far as this instance knows (its unused reservation not counted). */
  readonly hits: number;
  /** Until the window closes, at least 1. */
  readonly secondsLeft: number;
}

/** Hits this instance reserved in the shared window and has not used yet. */
interface Reservation {
  left: number;
  /** Local clock; never later than the shared window's end. */
  readonly endsAt: number;
  readonly hits: number;
  /** Size of the next reservation in this window. */
  readonly nextBatch: number;
}

/** A reservation never holds more than this many hits, nor more than a twentieth of the limit. */
const MAX_BATCH = 64;
const LIMIT_SHARE = 20;
/** Keys remembered at most; past it, closed windows go first, then the oldest. */
const MAX_KEYS = 10_000;

/**
 * The public limit without a database write per request. An instance reserves hits in the
 * shared PostgreSQL count before it admits anyone, and admits only the hits it reserved, so all
 * instances together never admit more than the limit in a window. The first request of a window
 * reserves one hit (a client who sends a few requests is counted exactly, as before); each further
 * reservation in the window doubles, up to a twentieth of the limit (at most 64). The price: hits
 * reserved and unused by one instance count against the client on the others, so a client spread
 * over N instances may be refused up to N × (batch − 1) requests early; with a limit under 40 the
 * batch is 1 and the count is exact.
 */
export class WindowAllowances {
  private readonly reservations = new Map<string, Reservation>();
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly reserve: ReserveHits,
    private readonly now: () => number = Date.now,
  ) {}

  async admit(key: string, windowSeconds: number, limit: number): Promise<Admission> {
    for (;;) {
      const own = this.reservations.get(key);
      const now = this.now();
      if (own && own.endsAt > now && own.left > 0) {
        own.left -= 1;
        return { allowed: true, hits: own.hits - own.left, secondsLeft: secondsUntil(own, now) };
      }
      const pending = this.inFlight.get(key);
      if (pending) {
        await pending;
        continue;
      }
      let refused: Admission | undefined;
      const reservation = this.renew(key, windowSeconds, limit, own, now).then((outcome) => {
        refused = outcome;
      });
      this.inFlight.set(key, reservation);
      try {
        await reservation;
      } finally {
        this.inFlight.delete(key);
      }
      if (refused) return refused;
    }
  }

  /** Reserves the next batch; answers the refusal when the window has nothing left to give. */
  private async renew(
    key: string,
    windowSeconds: number,
    limit: number,
    own: Reservation | undefined,
    now: number,
  ): Promise<Admission | undefined> {
    const sameWindow = own !== undefined && own.endsAt > now;
    const cap = Math.max(1, Math.min(MAX_BATCH, Math.floor(limit / LIMIT_SHARE)));
    const batch = sameWindow ? Math.min(own.nextBatch, cap) : 1;
    // Measured from before the query, so the local end is never past the shared one.
    const count = await this.reserve(key, windowSeconds, batch);
    const granted = Math.max(0, Math.min(batch, limit - (count.hits - batch)));
    if (granted === 0) {
      this.reservations.delete(key);
      return { allowed: false, hits: count.hits, secondsLeft: count.secondsLeft };
    }
    this.remember(key, {
      left: granted,
      endsAt: now + count.msLeft,
      hits: count.hits - batch + granted,
      nextBatch: batch * 2,
    });
    return undefined;
  }

  private remember(key: string, reservation: Reservation): void {
    this.reservations.delete(key);
    if (this.reservations.size >= MAX_KEYS) this.forgetClosed();
    this.reservations.set(key, reservation);
  }

  private forgetClosed(): void {
    const now = this.now();
    for (const [key, reservation] of this.reservations) {
      if (reservation.endsAt <= now) this.reservations.delete(key);
    }
    const oldest = this.reservations.keys().next();
    if (this.reservations.size >= MAX_KEYS && !oldest.done) this.reservations.delete(oldest.value);
  }
}

function secondsUntil(reservation: Reservation, now: number): number {
  return Math.max(1, Math.ceil((reservation.endsAt - now) / 1000));
}
