import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, connect, Socket } from 'node:net';
import { ConnectionDrain } from './connection-drain';

const TIMINGS = { acceptQueueMs: 500, timeoutMs: 3_000, firstRequestGraceMs: 1_000 };
const REQUEST = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server whose handler answers after `delayMs`, with Connection: close while the drain runs. */
async function serve(
  delayMs: number,
): Promise<{ server: Server; drain: ConnectionDrain; port: number }> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    setTimeout(() => {
      if (drain.closing) response.setHeader('connection', 'close');
      response.end('done');
    }, delayMs);
  });
  const drain = new ConnectionDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, drain, port: (server.address() as AddressInfo).port };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection, or the error that ended it. */
function readToEnd(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.once('close', () => resolve(text));
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
  });
}

function refused(port: number): Promise<boolean> {
  return open(port).then(
    (socket) => {
      socket.destroy();
      return false;
    },
    (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
  );
}

describe('ConnectionDrain', () => {
  it('answers the request in flight with Connection: close, then refuses new connections', async () => {
    const { drain, port } = await serve(300);
    const socket = await open(port);
    const answer = readToEnd(socket);
    socket.write(REQUEST);
    await sleep(50);

    const report = await drain.drain(TIMINGS);

    expect(await answer).toMatch(/^HTTP\/1\.1 200[\s\S]*connection: close[\s\S]*done$/i);
    expect(report.connectionsCut).toBe(0);
    expect(await refused(port)).toBe(true);
  });

  it('answers a connection accepted before the port closed that sends its request afterwards', async () => {
    const { drain, port } = await serve(10);
    const socket = await open(port);
    const answer = readToEnd(socket);
    await sleep(50);

    const drained = drain.drain(TIMINGS);
    await sleep(TIMINGS.acceptQueueMs / 2);
    socket.write(REQUEST);

    expect(await answer).toMatch(/^HTTP\/1\.1 200[\s\S]*done$/);
    expect((await drained).connectionsCut).toBe(0);
  });

  it('closes an idle keep-alive connection at once and one that never sends after its grace', async () => {
    const { drain, port } = await serve(10);
    const keptAlive = await open(port);
    let answered = '';
    keptAlive.on('data', (chunk: Buffer) => (answered += chunk.toString()));
    const keptAliveClosed = new Promise((resolve) => keptAlive.once('close', resolve));
    keptAlive.write(REQUEST);
    await sleep(100);
    expect(answered).toMatch(/done$/);
    const silent = await open(port);
    const silentAnswer = readToEnd(silent);
    await sleep(50);

    const report = await drain.drain(TIMINGS);

    await keptAliveClosed;
    expect(await silentAnswer).toBe('');
    // Closed by its grace, not cut at the deadline.
    expect(report.connectionsCut).toBe(0);
  });

  it('cuts a request still running at the deadline', async () => {
    const { drain, port } = await serve(2_000);
    const socket = await open(port);
    const answer = readToEnd(socket);
    socket.write(REQUEST);
    await sleep(50);

    const report = await drain.drain({ ...TIMINGS, timeoutMs: 300 });

    expect(report.connectionsCut).toBe(1);
    expect(await answer).not.toMatch(/done/);
  });
});
