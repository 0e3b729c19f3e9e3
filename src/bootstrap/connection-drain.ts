import { Server } from 'node:http';
import { Server as NetServer, Socket } from 'node:net';

/** What a drain left: the connections it had to cut at its deadline (0 when all finished). */
export interface DrainReport {
  readonly connectionsCut: number;
  readonly durationMs: number;
}

export interface DrainTimings {
  /** At most this long to accept the connections the kernel had queued before the signal. */
  readonly acceptQueueMs: number;
  /** After this, whatever is still open is cut. */
  readonly timeoutMs: number;
  /** How long a connection accepted before the port closed may take to send its first request. */
  readonly firstRequestGraceMs: number;
}

/** Turns of the event loop without a new connection after which the accept queue is empty. */
const QUIET_TURNS = 5;
/** How often the drain looks for connections whose grace has run out. */
const GRACE_CHECK_MS = 100;

interface ConnectionState {
  /** When the service accepted it: its grace to send a first request counts from here. */
  readonly acceptedAt: number;
  /** Requests of this connection being answered now. */
  active: number;
  /** Requests of this connection answered so far. */
  answered: number;
}

/**
 * The HTTP half of a graceful stop (README.md, "Stopping the service"). Two things would reset
 * requests their clients did send:
 * - Node's `server.close()` also closes every connection that carries no request at that instant,
 *   including one just accepted whose request is still on its way;
 * - closing the listening socket resets every connection still waiting in the kernel's accept
 *   queue, and under load that queue is long: Node accepts one connection per turn of its event
 *   loop, so a connection may wait there for a second before the service sees it.
 * A drain instead:
 * 1. shrinks the listening socket's backlog to nothing, so the kernel takes no new connection (a
 *    client's SYN goes unanswered and is retried, to be refused once the port is closed), and
 *    accepts the connections already queued until a few turns of the event loop bring no more;
 * 2. closes the listening socket, so new connections are refused at the port;
 * 3. answers every request that arrives on a connection it accepted, each with
 *    `Connection: close` (see `closing`), and closes each connection once its answer is out;
 * 4. gives a connection that has sent nothing yet `firstRequestGraceMs` from its acceptance to
 *    send its request (bytes already read count as a request on its way), and looks only after
 *    the event loop has read what arrived: after a stall, timers run before pending reads, and
 *    cutting then would reset a request that is already in the kernel's buffer;
 * 5. cuts whatever is still open at `timeoutMs`.
 * Only then do Nest's shutdown hooks stop the background jobs and close the database pool, so
 * every request in flight still has both.
 */
export class ConnectionDrain {
  private readonly connections = new Map<Socket, ConnectionState>();
  private draining = false;
  private marked = false;
  private accepted = 0;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.accepted += 1;
      this.connections.set(socket, { acceptedAt: Date.now(), active: 0, answered: 0 });
      socket.once('close', () => this.connections.delete(socket));
    });
    server.on('request', (request, response) => {
      const socket = request.socket;
      const state = this.connections.get(socket);
      if (!state) return;
      state.active += 1;
      response.once('close', () => {
        state.active -= 1;
        state.answered += 1;
        if (this.draining && state.active === 0) socket.end();
      });
    });
  }

  /** True from the signal on: every answer then carries `Connection: close`. */
  get closing(): boolean {
    return this.marked;
  }

  /** Answers carry `Connection: close` from now on (also when the app closes without a drain). */
  markClosing(): void {
    this.marked = true;
  }

  async drain(timings: DrainTimings): Promise<DrainReport> {
    const startedAt = Date.now();
    this.markClosing();
    this.draining = true;
    for (const [socket, state] of this.connections)
      if (state.active === 0 && state.answered > 0) socket.end();
    await this.acceptQueued(timings.acceptQueueMs);
    // The listening socket alone (net's close): http's close would also drop the connections
    // that have not sent their request yet. Its callback runs once every connection has closed.
    const allClosed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      NetServer.prototype.close.call(this.server, () => resolve());
    });
    const grace = setInterval(
      () => setImmediate(() => this.cutSilent(timings.firstRequestGraceMs)),
      GRACE_CHECK_MS,
    );
    let cut = 0;
    let deadline: NodeJS.Timeout | undefined;
    const cutAtDeadline = new Promise<void>((resolve) => {
      deadline = setTimeout(() => {
        cut = this.connections.size;
        for (const socket of this.connections.keys()) socket.destroy();
        resolve();
      }, timings.timeoutMs);
    });
    await Promise.race([allClosed, cutAtDeadline]);
    clearInterval(grace);
    clearTimeout(deadline);
    return { connectionsCut: cut, durationMs: Date.now() - startedAt };
  }

  /** Step 4: closes the connections that sent nothing within their grace. */
  private cutSilent(graceMs: number): void {
    const now = Date.now();
    for (const [socket, state] of this.connections)
      if (
        state.active === 0 &&
        state.answered === 0 &&
        socket.bytesRead === 0 &&
        now - state.acceptedAt >= graceMs
      )
        socket.destroy();
  }

  /**
   * Step 1 of the drain. Listening again with a backlog of 0 only lowers the kernel's limit (the
   * socket stays open; a platform that cannot change it keeps its backlog, and step 2 then resets
   * what is still queued). Each turn of the event loop accepts one queued connection; a few turns
   * that accept none mean the queue is empty.
   */
  private async acceptQueued(maxMs: number): Promise<void> {
    const handle = (
      this.server as unknown as { _handle?: { listen?: (backlog: number) => number } }
    )._handle;
    try {
      handle?.listen?.(0);
    } catch {
      // the backlog stays as it was
    }
    const until = Date.now() + maxMs;
    let quietTurns = 0;
    let seen = this.accepted;
    while (quietTurns < QUIET_TURNS && Date.now() < until) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.accepted === seen) quietTurns += 1;
      else {
        quietTurns = 0;
        seen = this.accepted;
      }
    }
  }
}
