import { ProbeModule } from './support/probe.module';
import { startTestApp } from './support/test-app';

describe('graceful shutdown', () => {
  it('finishes a request already in flight, then stops accepting', async () => {
    const t = await startTestApp({ extraModules: [ProbeModule] });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = await t.app.getUrl();
    const inFlight = fetch(`${base}/probe/slow`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const closing = t.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });
});
