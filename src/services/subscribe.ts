import Taro from '@tarojs/taro';
import { IS_WEAPP } from './platform';

declare const SUBSCRIBE_TEMPLATE_IDS: string[];

/**
 * The reminder templates of this build (TARO_APP_SUBSCRIBE_TEMPLATES, comma-separated; WeChat asks
 * about three at most). None means the 我的 page shows no reminder button.
 */
export const REMINDER_TEMPLATES: string[] = (
  typeof SUBSCRIBE_TEMPLATE_IDS === 'undefined' ? [] : SUBSCRIBE_TEMPLATE_IDS
).slice(0, 3);

/** Whether this build can ask for WeChat reminders: WeChat only, and only with templates configured. */
export const CAN_ASK_FOR_REMINDERS = IS_WEAPP && REMINDER_TEMPLATES.length > 0;

const KEY = 'reminder-credits';

/** How many reminders WeChat will still deliver, as last counted (each acceptance allows one). */
export function reminderCredits(): number {
  try {
    const value = Number(Taro.getStorageSync(KEY));
    return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
  } catch {
    return 0;
  }
}

export function rememberReminderCredits(credits: number): void {
  Taro.setStorageSync(KEY, Math.max(0, Math.floor(credits)));
}

/**
 * Asks WeChat to let the app send reminders and answers the templates the user accepted. Must be
 * called at the very start of a tap handler: WeChat shows its dialog only in answer to a tap.
 */
export function askForReminders(): Promise<string[]> {
  const asking = Taro.requestSubscribeMessage({ tmplIds: REMINDER_TEMPLATES } as Taro.requestSubscribeMessage.Option);
  return asking.then((result) => {
    const answers = result as unknown as Record<string, string>;
    return REMINDER_TEMPLATES.filter((id) => answers[id] === 'accept');
  });
}

/**
 * At a natural moment (报送), offers reminders without holding up the tap's own work: the answer
 * is reported to the server, which counts what it may send. Call first thing in the tap handler.
 */
export function offerReminders(report: (templateIds: string[]) => Promise<unknown>): void {
  if (!CAN_ASK_FOR_REMINDERS) return;
  askForReminders()
    .then((accepted) => (accepted.length > 0 ? report(accepted) : undefined))
    .then(() => undefined)
    .catch(() => undefined);
}
