import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffActor } from './actor';
import { StaffDirectoryRepository } from './staff-directory.repository';
import { VerifiedStaff } from './jwt-verifier';

/**
 * How long an instance trusts what it last wrote or read for a `sub`. The directory in PostgreSQL
 * is the truth; this only spares a write per request. Another instance's change shows within it.
 */
const MEMO_MS = 60_000;
const MEMO_MAX = 10_000;

interface Memo {
  readonly name: string | null;
  readonly until: number;
}

/**
 * Names staff: the token's `name` when it carries one (remembered in the staff directory), else
 * the name last seen for that `sub`, else the `sub` itself. Only a name a person carried is ever
 * shown to a customer.
 */
@Injectable()
export class StaffNames {
  private readonly memo = new Map<string, Memo>();

  constructor(private readonly directory: StaffDirectoryRepository) {}

  async actorFor(verified: VerifiedStaff, now = Date.now()): Promise<StaffActor> {
    const { sub, roles } = verified;
    const fresh = this.fresh(sub, now);
    if (verified.name !== undefined) {
      if (fresh?.name !== verified.name) {
        await this.directory.remember(sub, verified.name);
        this.keep(sub, verified.name, now);
      }
      return { kind: 'staff', sub, roles, name: verified.name, nameSource: 'token' };
    }
    const known = fresh ? fresh.name : await this.directory.nameOf(sub);
    if (!fresh) this.keep(sub, known, now);
    return known === null
      ? { kind: 'staff', sub, roles, name: sub, nameSource: 'sub' }
      : { kind: 'staff', sub, roles, name: known, nameSource: 'directory' };
  }

  /** The name a member of staff last carried, read now: null when none was ever seen. */
  knownName(sub: string, manager?: EntityManager): Promise<string | null> {
    return this.directory.nameOf(sub, manager);
  }

  private fresh(sub: string, now: number): Memo | undefined {
    const memo = this.memo.get(sub);
    return memo && memo.until > now ? memo : undefined;
  }

  private keep(sub: string, name: string | null, now: number): void {
    if (this.memo.size >= MEMO_MAX) this.memo.clear();
    this.memo.set(sub, { name, until: now + MEMO_MS });
  }
}
