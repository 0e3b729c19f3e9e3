import { connect as connectTcp, Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

export interface SmtpEndpoint {
  readonly host: string;
  readonly port: number;
  /** smtps://: TLS from the first byte (STARTTLS on smtp:// is left to nodemailer). */
  readonly secure: boolean;
  readonly timeoutMs: number;
}

type SocketCallback = (
  error: Error | null,
  options?: { connection: Socket; secured: boolean },
) => void;

/**
 * nodemailer's `getSocket` hook: the pool's connections with Nagle's algorithm off. nodemailer
 * writes a message in several small pieces and waits for each reply; with Nagle on, the last
 * piece waits for the server's delayed acknowledgement (about 40 ms on Linux), which capped one
 * connection at some 20 messages a second. Connection errors reach the attempt as nodemailer's
 * own would (ECONNREFUSED, ETIMEDOUT), so they stay temporary failures.
 */
export function openSmtpSocket(endpoint: SmtpEndpoint) {
  return (_options: unknown, callback: SocketCallback): void => {
    let done = false;
    const socket = endpoint.secure
      ? connectTls({ host: endpoint.host, port: endpoint.port, servername: endpoint.host })
      : connectTcp({ host: endpoint.host, port: endpoint.port });
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        socket.destroy();
        callback(error);
        return;
      }
      socket.setNoDelay(true);
      callback(null, { connection: socket, secured: endpoint.secure });
    };
    const timer = setTimeout(
      () => finish(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' })),
      endpoint.timeoutMs,
    );
    // Kept after the connect: an error before nodemailer attaches its own handler is dropped.
    socket.on('error', finish);
    socket.once(endpoint.secure ? 'secureConnect' : 'connect', () => finish(null));
  };
}
