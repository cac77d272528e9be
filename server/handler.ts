import type { z } from 'zod';
import type { ActionName, Payload, Reply } from '../src/contract/actions';
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

/** One action's handler: its payload schema and what it does, for members only or for anyone. */
export type Handler<A extends ActionName = ActionName> =
  | { action: A; access: 'member'; schema: z.ZodTypeAny; run: (input: never, call: MemberCall) => Promise<Reply<A>> }
  | { action: A; access: 'open'; schema: z.ZodTypeAny; run: (input: never, call: OpenCall) => Promise<Reply<A>> };

/** A handler table: each key served by the handler of that action. */
export type HandlerTable<A extends ActionName> = { [K in A]: Handler<K> };

type IsObject<T> = T extends object ? (T extends readonly unknown[] ? false : true) : false;
type Mutual<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;

/**
 * Whether what a schema accepts is what the contract says the client sends: the same fields at
 * every level (optional or not) and the same types. Plain assignability would miss a field that
 * one side has and the other lacks, when it is optional.
 */
export type Agrees<X, Y> =
  IsObject<X> extends true
    ? IsObject<Y> extends true
      ? Mutual<keyof X, keyof Y> extends true
        ? false extends { [K in keyof X & keyof Y]-?: Agrees<X[K], Y[K]> }[keyof X & keyof Y]
          ? false
          : true
        : false
      : false
    : Mutual<X, Y>;

/** An extra argument is required (and cannot be given) when the schema and the contract disagree. */
type AgreementCheck<S extends z.ZodTypeAny, A extends ActionName> =
  Agrees<z.input<S>, Payload<A>> extends true ? [] : [schemaDisagreesWithContract: never];

export function memberHandler<A extends ActionName, S extends z.ZodTypeAny>(
  action: A,
  schema: S,
  run: (input: z.output<S>, call: MemberCall) => Promise<Reply<A>>,
  ..._agreement: AgreementCheck<S, A>
): Handler<A> {
  return { action, access: 'member', schema, run };
}

export function openHandler<A extends ActionName, S extends z.ZodTypeAny>(
  action: A,
  schema: S,
  run: (input: z.output<S>, call: OpenCall) => Promise<Reply<A>>,
  ..._agreement: AgreementCheck<S, A>
): Handler<A> {
  return { action, access: 'open', schema, run };
}
