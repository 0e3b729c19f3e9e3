import { ChildProcess, fork } from 'node:child_process';
import { SMTPServer } from 'smtp-server';

/** An SMTP sink in a process of its own, counting what it accepted. */
export interface SmtpSink {
  received(): number;
  close(): Promise<void>;
}

/**
 * Starts the sink in a child process: in the bench's own process it would share one event loop
 * with autocannon, and a load run would slow the sink's replies and so the service's dispatcher
 * (which then costs the service less, flattering the filing ratio). The child reports its count
 * over IPC every 50 ms.
 */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const child: ChildProcess = fork(__filename, ['--sink', String(port)], {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let received = 0;
  await new Promise<void>((ready, failed) => {
    child.once('error', failed);
    child.once('exit', (code) => failed(new Error(`the SMTP sink exited (${code})`)));
    child.on('message', (message: { listening?: boolean; received?: number }) => {
      if (message.received !== undefined) received = message.received;
      if (message.listening) ready();
    });
  });
  return {
    received: () => received,
    async close() {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.send({ close: true });
      // The sink waits for its clients to hang up; a pooled connection left open must not hold the run.
      const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killed);
    },
  };
}

/** The child's side: accept and discard every message, counting them. */
function runSink(port: number): void {
  let received = 0;
  let reported = 0;
  const send = (message: object) => process.send?.(message);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  const timer = setInterval(() => {
    if (received !== reported) send({ received: (reported = received) });
  }, 50);
  process.on('message', (message: { close?: boolean }) => {
    if (!message.close) return;
    clearInterval(timer);
    send({ received });
    server.close(() => process.exit(0));
  });
  server.listen(port, '127.0.0.1', () => send({ listening: true }));
}

if (process.argv[2] === '--sink') runSink(Number(process.argv[3]));
