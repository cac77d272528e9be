import type { z } from 'zod';
import type { Actor } from '../src/core/authorization';
import type { UserRecord } from '../src/core/model';
import type { ApiContext } from './context';

/** A bound, active user calling. */
export interface MemberCall {
  api: ApiContext;
  actor: Actor;
  user: UserRecord;
}

/** Anyone calling, bound or not (session.get, session.bind, dev.users). */
export interface OpenCall {
  api: ApiContext;
  openid: string | null;
  user: UserRecord | null;
}

export type Handler =
  | { access: 'member'; schema: z.ZodTypeAny; run: (input: never, call: MemberCall) => Promise<unknown> }
  | { access: 'open'; schema: z.ZodTypeAny; run: (input: never, call: OpenCall) => Promise<unknown> };

export function memberHandler<S extends z.ZodTypeAny>(
  schema: S,
  run: (input: z.infer<S>, call: MemberCall) => Promise<unknown>,
): Handler {
  return { access: 'member', schema, run };
}

export function openHandler<S extends z.ZodTypeAny>(
  schema: S,
  run: (input: z.infer<S>, call: OpenCall) => Promise<unknown>,
): Handler {
  return { access: 'open', schema, run };
}
