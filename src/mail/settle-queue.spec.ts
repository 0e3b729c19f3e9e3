import { chunksByCase, SettleQueue } from './settle-queue';

const on = (caseId: string, n = 0) => ({ message: { caseId }, n });

describe('settling finished attempts', () => {
  it('cuts a batch into chunks by case, never splitting one case over two transactions', () => {
    const outcomes = [on('c'), on('a', 1), on('b'), on('a', 2), on('a', 3), on('d')];
    const chunks = chunksByCase(outcomes, 2);
    expect(chunks.map((chunk) => chunk.map((o) => o.message.caseId))).toEqual([
      ['a', 'a', 'a'],
      ['b', 'c'],
      ['d'],
    ]);
  });

  it('runs at most so many settlements at once, all of them, and reports the first failure', async () => {
    let running = 0;
    let most = 0;
    const settled: string[] = [];
    const queue = new SettleQueue(
      2,
      1,
      async (chunk: readonly { message: { caseId: string } }[]) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (chunk[0].message.caseId === 'b') throw new Error('database away');
        settled.push(chunk[0].message.caseId);
      },
    );
    queue.add([on('a'), on('b'), on('c')]);
    queue.add([on('d')]);
    await expect(queue.drain()).rejects.toThrow('database away');
    expect(most).toBe(2);
    expect(settled.sort()).toEqual(['a', 'c', 'd']);
  });
});
