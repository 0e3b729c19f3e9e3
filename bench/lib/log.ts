/** Progress goes to stderr; stdout carries only the result lines. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
