import type { ErrorCode } from '../core/errors';

export type { ErrorCode };

/** Every reply: the data, or a refusal whose `message` is Chinese and fit to show a user. */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
