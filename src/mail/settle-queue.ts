/** What the queue needs of an outcome: the case it is recorded on. */
interface OnCase {
  readonly message: { readonly caseId: string };
}

/**
 * Settles finished attempts in several transactions at once, at most `concurrency` of them:
 * recording a message sent costs a few statements on its case (timeline, audit chain), and one
 * transaction after another would leave the SMTP connections waiting. The outcomes of a batch
 * are grouped by case (all of one case in one transaction) and each transaction takes its cases
 * in one order, so two of them never wait on each other's audit chains in a cycle.
 */
export class SettleQueue<T extends OnCase> {
  private readonly waiting: T[][] = [];
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly concurrency: number,
    private readonly chunkSize: number,
    private readonly settle: (outcomes: readonly T[]) => Promise<void>,
  ) {}

  add(outcomes: readonly T[]): void {
    this.waiting.push(...chunksByCase(outcomes, this.chunkSize));
    this.pump();
  }

  /** Waits for every settlement; throws the first failure (the others still ran). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
    if (this.failure) throw this.failure.error;
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.waiting.length > 0) {
      const chunk = this.waiting.shift() as T[];
      const run: Promise<void> = this.settle(chunk)
        .catch((error: unknown) => {
          this.failure ??= { error };
        })
        .finally(() => {
          this.running.delete(run);
          this.pump();
        });
      this.running.add(run);
    }
  }
}

/** Sorted by case, cut into chunks of about `size` without splitting a case. */
export function chunksByCase<T extends OnCase>(outcomes: readonly T[], size: number): T[][] {
  const sorted = [...outcomes].sort((a, b) =>
    a.message.caseId < b.message.caseId ? -1 : a.message.caseId > b.message.caseId ? 1 : 0,
  );
  const chunks: T[][] = [];
  let chunk: T[] = [];
  for (const outcome of sorted) {
    const sameCase =
      chunk.length > 0 && chunk[chunk.length - 1].message.caseId === outcome.message.caseId;
    if (chunk.length >= size && !sameCase) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(outcome);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
