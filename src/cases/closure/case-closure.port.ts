import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedActor } from '../../auth/actor';
import { CaseCommand, CaseOutcome } from '../case-lifecycle';

/** A case that has just closed, in the transaction that closed it. */
export interface ClosedCase {
  readonly id: string;
  readonly reference: string;
  readonly command: CaseCommand;
  readonly outcome: CaseOutcome | null;
  readonly actor: RecordedActor;
}

/**
 * What a higher layer does when a case closes (compensation supersedes the remedies still on
 * offer: src/compensation/remedy-closure.ts). The case core may not import those layers, so they
 * implement this port and register with `CaseClosureEffects` at start-up.
 */
export interface CaseClosureEffect {
  onCaseClosed(manager: EntityManager, closed: ClosedCase): Promise<void>;
}

/**
 * The effects of closure, run by `CaseTransitionsService.apply` in the closing transaction, whichever
 * command closed the case (withdrawal, litigation, lapse, rejection, close, completion).
 */
@Injectable()
export class CaseClosureEffects {
  private readonly effects: CaseClosureEffect[] = [];

  register(effect: CaseClosureEffect): void {
    this.effects.push(effect);
  }

  async apply(manager: EntityManager, closed: ClosedCase): Promise<void> {
    for (const effect of this.effects) await effect.onCaseClosed(manager, closed);
  }
}
