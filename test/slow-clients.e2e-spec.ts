import { Socket } from 'node:net';
import { ProbeModule } from './support/probe.module';
import { listenOnLoopback, openSocket, parseAnswer, untilClosed } from './support/raw-http';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM = /^application\/problem\+json/;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes one piece every 100 ms while the socket stays open; true when it wrote them all. */
async function trickle(socket: Socket, pieces: string[]): Promise<boolean> {
  for (const piece of pieces) {
    if (socket.destroyed || !socket.writable) return false;
    socket.write(piece);
    await pause(100);
  }
  return !socket.destroyed;
}

describe('slow and too many clients', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({
      extraModules: [ProbeModule],
      env: {
        HTTP_HEADERS_TIMEOUT_MS: '400',
        HTTP_REQUEST_TIMEOUT_MS: '800',
        HTTP_CONNECTION_TIMEOUT_MS: '2000',
        HTTP_MAX_CONNECTIONS: '3',
      },
    });
    port = await listenOnLoopback(t);
  });
  afterAll(() => t.close());

  it('cuts a client that sends its headers slowly, with 408 problem+json', async () => {
    const socket = await openSocket(port);
    const answer = untilClosed(socket);
    const lines = Array.from({ length: 60 }, (_, i) => `X-Slow-${i}: 1\r\n`);
    const finished = await trickle(socket, ['GET /health/live HTTP/1.1\r\nHost: x\r\n', ...lines]);
    expect(finished).toBe(false);
    const cut = parseAnswer(await answer);
    expect(cut.status).toBe(408);
    expect(cut.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.parse(cut.body)).toMatchObject({ code: 'REQUEST_TIMEOUT' });
  });

  it('cuts a client that sends its body slowly', async () => {
    const socket = await openSocket(port);
    const answer = untilClosed(socket);
    const head =
      'POST /probe/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
      'Content-Length: 100\r\n\r\n{"name":"';
    const finished = await trickle(socket, [head, ...Array.from({ length: 60 }, () => 'a')]);
    expect(finished).toBe(false);
    expect(parseAnswer(await answer).status).toBe(408);
  });

  it('closes connections beyond HTTP_MAX_CONNECTIONS as they arrive, and serves the others', async () => {
    const held = await Promise.all([openSocket(port), openSocket(port), openSocket(port)]);
    const extra = await openSocket(port);
    const extraAnswer = untilClosed(extra);
    extra.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await extraAnswer).toBe('');
    const first = held[0];
    const firstAnswer = untilClosed(first);
    first.write('GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(parseAnswer(await firstAnswer).status).toBe(200);
    for (const socket of held) socket.destroy();
  });
});
