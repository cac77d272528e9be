import type { FileStorage } from '../src/core/ports/FileStorage';
import type { Store } from '../src/core/ports/Store';
import type { ReminderSender } from '../src/core/ports/ReminderSender';

/** One call of the `api` function: the action, its payload, and who calls (from WeChat, never the payload). */
export interface ApiCall {
  action: unknown;
  payload: unknown;
  /** OPENID from cloud.getWXContext(), or the X-Openid header of the local cloud in demo mode. */
  openid: string | null;
}

export type { Envelope } from '../src/contract/envelope';

/** What the handlers run against: the same in the cloud function and in the local cloud. */
export interface ApiContext {
  store: Store;
  files: FileStorage;
  now: () => Date;
  newId: () => string;
  /** Demo mode: `dev.users` answers, and the local cloud trusts X-Openid. Off unless asked for. */
  demoMode: boolean;
  log?: (message: string, detail?: unknown) => void;
  /** The mini-program code (PNG) that opens `page` with `scene`: WeChat only (wxacode.getUnlimited). */
  miniProgramCode?: (scene: string, page: string) => Promise<Buffer>;
  /** Delivers reminders outside the app (WeChat subscribe messages); without one they stay in the app. */
  sender?: ReminderSender;
}
