import { ChildProcess, spawn } from 'node:child_process';
import { progress } from './log';

export interface ChildSpec {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

const TAIL_LINES = 40;

/** A child process whose output is kept (last lines) and shown on stderr when it fails. */
export class Child {
  private readonly process: ChildProcess;
  private readonly tail: string[] = [];
  private exited = false;
  private readonly exit: Promise<number | null>;

  constructor(private readonly spec: ChildSpec) {
    this.process = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exit = new Promise((resolve) => {
      this.process.once('exit', (code) => {
        this.exited = true;
        resolve(code);
      });
      this.process.once('error', (error) => {
        this.remember(`spawn error: ${error.message}`);
        this.exited = true;
        resolve(null);
      });
    });
    this.process.stdout?.on('data', (chunk: Buffer) => this.remember(chunk.toString()));
    this.process.stderr?.on('data', (chunk: Buffer) => this.remember(chunk.toString()));
  }

  get hasExited(): boolean {
    return this.exited;
  }

  /** Prints the last lines the child wrote, to explain a failure. */
  dumpOutput(): void {
    progress(`last output of ${this.spec.label}:\n${this.tail.join('\n')}`);
  }

  /** Last resort (synchronous, for process 'exit' handlers). */
  /** The process id, e.g. to read its memory from /proc. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  kill(): void {
    if (!this.exited) this.process.kill('SIGKILL');
  }

  /** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exited) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  private remember(text: string): void {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.tail.push(line);
      if (this.tail.length > TAIL_LINES) this.tail.shift();
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers with a status `accept` likes, the child dies, or time runs out. */
export async function waitForHttp(
  url: string,
  child: Child,
  timeoutMs: number,
  accept: (status: number) => boolean = (status) => status === 200,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.hasExited) throw new Error(`the process exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (accept(response.status)) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s (${last})`);
}
