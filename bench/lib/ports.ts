import { createServer, Server } from 'node:net';

function listenOnFreePort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('Could not read the port of a free socket'));
        return;
      }
      resolve({ server, port: address.port });
    });
  });
}

/** Finds `count` distinct free TCP ports: all sockets stay open until every port is known. */
export async function freePorts(count: number): Promise<number[]> {
  const held: { server: Server; port: number }[] = [];
  try {
    for (let i = 0; i < count; i++) held.push(await listenOnFreePort());
    return held.map((h) => h.port);
  } finally {
    await Promise.all(
      held.map((h) => new Promise<void>((resolve) => h.server.close(() => resolve()))),
    );
  }
}
