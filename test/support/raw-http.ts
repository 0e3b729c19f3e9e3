import { AddressInfo, connect, Socket } from 'node:net';
import { TestApp } from './test-app';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Listens on a free loopback port (once) and answers it. */
export async function listenOnLoopback(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer();
  if (!server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  return (server.address() as AddressInfo).port;
}

/** An open socket to the app; `end()` it or let the server close it. */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server sends on a socket until it closes it, as a string. */
export function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** Sends bytes no HTTP client library would, and reads the first answer (the server closes). */
export async function rawRequest(port: number, bytes: string | Buffer): Promise<RawAnswer> {
  const socket = await openSocket(port);
  const closed = untilClosed(socket);
  socket.write(bytes);
  return parseAnswer(await closed);
}

export function parseAnswer(text: string): RawAnswer {
  const [head, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}
