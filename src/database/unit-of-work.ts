import { EntityManager } from 'typeorm';

declare const UNIT_OF_WORK: unique symbol;

/**
 * A transaction in progress, as a published interface between modules passes it: the caller's
 * writes and the callee's commit or roll back together, and neither side's contract names TypeORM.
 * Only the module that implements the interface opens it (`managerOf`).
 */
export interface UnitOfWork {
  readonly [UNIT_OF_WORK]: true;
}

const MANAGERS = new WeakMap<UnitOfWork, EntityManager>();

export function unitOfWork(manager: EntityManager): UnitOfWork {
  const work = Object.freeze({}) as UnitOfWork;
  MANAGERS.set(work, manager);
  return work;
}

export function managerOf(work: UnitOfWork): EntityManager {
  const manager = MANAGERS.get(work);
  if (manager === undefined) throw new Error('Not a unit of work opened by this service');
  return manager;
}
