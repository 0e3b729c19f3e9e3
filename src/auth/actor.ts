import { JwtRole, Role } from './roles';

/** Who is calling: a member of staff or a system (from a JWT), or a customer (from a case token). */
export interface StaffActor {
  readonly kind: 'staff';
  readonly sub: string;
  /** The token's `name`, else the name last seen for this `sub`, else the `sub` itself. */
  readonly name: string;
  /** Where `name` came from: only a `token` or `directory` name belongs to a person. */
  readonly nameSource: 'token' | 'directory' | 'sub';
  readonly roles: readonly JwtRole[];
}

/** The actor's name if a person carried it, never their id: what a customer may be shown. */
export function personalName(actor: StaffActor): string | undefined {
  return actor.nameSource === 'sub' ? undefined : actor.name;
}

export interface CustomerActor {
  readonly kind: 'customer';
  readonly caseId: string;
  readonly reference: string;
}

export type Actor = StaffActor | CustomerActor;

/** How an actor is recorded in the audit log and on the timeline. */
export interface ActorRef {
  readonly sub: string;
  readonly role: Role | 'system';
}

/** An actor as the timeline names them: the record's reference and, for staff, their name. */
export type RecordedActor = ActorRef & { readonly name?: string };

export const SYSTEM_ACTOR: ActorRef = { sub: 'system', role: 'system' };

/** The most senior of the actor's roles names them in the record. */
const SENIORITY: readonly JwtRole[] = [
  'ombudsman',
  'ombudsman_officer',
  'auditor',
  'integration',
  'frontline_agent',
];

export function actorRef(actor: Actor): ActorRef {
  if (actor.kind === 'customer') return { sub: `customer:${actor.reference}`, role: 'customer' };
  const role = SENIORITY.find((r) => actor.roles.includes(r)) ?? actor.roles[0];
  return { sub: actor.sub, role };
}

/** A member of staff as a change to a case records them: reference and name. */
export function namedRef(actor: StaffActor): RecordedActor {
  return { ...actorRef(actor), name: actor.name };
}
