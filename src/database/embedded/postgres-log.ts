/** The last lines a server process wrote, kept to explain a failed start. */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly keep = 12) {}

  push(chunk: string): void {
    for (const line of chunk.split('\n')) {
      const trimmed = line.trimEnd();
      if (!trimmed) continue;
      this.lines.push(trimmed);
      if (this.lines.length > this.keep) this.lines.shift();
    }
  }

  all(): readonly string[] {
    return [...this.lines];
  }

  some(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }
}

/** Turns what PostgreSQL said on a failed start into the cause and what to do about it. */
export function explainServerFailure(
  lines: RecentLines,
  context: { port: number; clusterDir: string; exitCode: number | null },
): string {
  const { port, clusterDir, exitCode } = context;
  if (lines.some(/Address already in use|could not create any TCP\/IP sockets/))
    return `the embedded PostgreSQL could not listen on port ${port}, which another program uses: set EMBEDDED_PG_PORT to a free port`;
  const lock = lines.all().find((line) => /lock file ".*" already exists/.test(line));
  if (lock)
    return `another PostgreSQL already runs on the cluster in ${clusterDir} (an earlier start that did not stop?): stop that process, then start again`;
  if (lines.some(/database files are incompatible with server/))
    return `the cluster in ${clusterDir} was made by another PostgreSQL version: move it away (keep a dump) or point DATA_DIR elsewhere`;
  return `the embedded PostgreSQL in ${clusterDir} did not start (exit code ${exitCode ?? 'none'}); its last log lines are above`;
}
