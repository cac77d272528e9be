/**
 * `db.command` (`_`) of the stand-in: query operators, logic operators and update operators, as
 * plain tagged objects that the query engine and the update engine interpret.
 */

export type ComparisonOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists';

/** A condition on one field, e.g. `_.gt(3)`; `.and()`/`.or()` combine conditions on the same field. */
export class QueryCommand {
  constructor(
    readonly operator: ComparisonOperator | 'and' | 'or',
    readonly operand: unknown,
  ) {}

  and(...others: Array<QueryCommand | QueryCommand[]>): QueryCommand {
    return new QueryCommand('and', [this, ...others.flat()]);
  }

  or(...others: Array<QueryCommand | QueryCommand[]>): QueryCommand {
    return new QueryCommand('or', [this, ...others.flat()]);
  }
}

/** `_.and([...])` / `_.or([...])` over whole query objects, usable as the argument of `where`. */
export class LogicCommand {
  constructor(
    readonly operator: 'and' | 'or',
    readonly operands: unknown[],
  ) {}
}

export type UpdateOperator = 'inc' | 'mul' | 'set' | 'remove' | 'push';

/** An update of one field, e.g. `_.inc(1)`. */
export class UpdateCommand {
  constructor(
    readonly operator: UpdateOperator,
    readonly operand: unknown,
  ) {}
}

/** An accumulator of `group()`, e.g. `$.sum(1)` or `$.sum('$amount')`. */
export class AggregateAccumulator {
  constructor(
    readonly operator: 'sum',
    readonly operand: unknown,
  ) {}
}

function requireArray(name: string, values: unknown): unknown[] {
  if (!Array.isArray(values)) throw new TypeError(`db.command.${name} needs an array`);
  return values;
}

function logic(operator: 'and' | 'or', args: unknown[]): LogicCommand | QueryCommand {
  const operands = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  // `_.and(_.gt(1), _.lt(5))` is a field condition; `_.and([{ a: 1 }, { b: 2 }])` a query.
  if (operands.length > 0 && operands.every((operand) => operand instanceof QueryCommand)) {
    return new QueryCommand(operator, operands);
  }
  return new LogicCommand(operator, operands);
}

export function createCommand() {
  return {
    eq: (value: unknown) => new QueryCommand('eq', value),
    neq: (value: unknown) => new QueryCommand('neq', value),
    gt: (value: unknown) => new QueryCommand('gt', value),
    gte: (value: unknown) => new QueryCommand('gte', value),
    lt: (value: unknown) => new QueryCommand('lt', value),
    lte: (value: unknown) => new QueryCommand('lte', value),
    in: (values: unknown[]) => new QueryCommand('in', requireArray('in', values)),
    nin: (values: unknown[]) => new QueryCommand('nin', requireArray('nin', values)),
    exists: (value: boolean) => new QueryCommand('exists', value),
    and: (...args: unknown[]) => logic('and', args),
    or: (...args: unknown[]) => logic('or', args),
    inc: (value: number) => new UpdateCommand('inc', value),
    mul: (value: number) => new UpdateCommand('mul', value),
    set: (value: unknown) => new UpdateCommand('set', value),
    remove: () => new UpdateCommand('remove', undefined),
    push: (values: unknown) => new UpdateCommand('push', values),
    aggregate: {
      sum: (expression: unknown) => new AggregateAccumulator('sum', expression),
    },
  };
}

export type Command = ReturnType<typeof createCommand>;

export function isCommand(value: unknown): boolean {
  return (
    value instanceof QueryCommand ||
    value instanceof LogicCommand ||
    value instanceof UpdateCommand ||
    value instanceof AggregateAccumulator
  );
}
