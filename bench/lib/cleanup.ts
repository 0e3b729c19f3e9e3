import { progress } from './log';

type Step = () => Promise<void> | void;

/** Undo steps run last-in first-out, once, even when one of them fails. */
export class Cleanup {
  private readonly steps: { label: string; step: Step }[] = [];
  private running: Promise<void> | undefined;

  add(label: string, step: Step): void {
    this.steps.push({ label, step });
  }

  run(): Promise<void> {
    this.running ??= this.runAll();
    return this.running;
  }

  private async runAll(): Promise<void> {
    for (const { label, step } of this.steps.reverse()) {
      try {
        await step();
      } catch (error) {
        progress(`cleanup "${label}" failed: ${(error as Error).message}`);
      }
    }
  }
}
