import { fitField } from '../../src/core/reminders';
import type { ReminderRecord } from '../../src/core/model';
import type { Store } from '../../src/core/ports/Store';
import type { Delivery, ReminderSender } from '../../src/core/ports/ReminderSender';

export interface SubscribeMessageApi {
  send(message: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
    miniprogramState?: string;
  }): Promise<{ errCode?: number; errMsg?: string }>;
}

export interface TemplateConfig {
  templateId: string;
  /** Template field → what fills it: title, message, dueDate or kind. */
  fields: Record<string, 'title' | 'message' | 'dueDate' | 'kind'>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
}

/** Reads the template from configuration: REMINDER_TEMPLATE_ID and REMINDER_TEMPLATE_FIELDS. */
export function templateFromEnv(env: NodeJS.ProcessEnv): TemplateConfig | null {
  const templateId = env.REMINDER_TEMPLATE_ID?.trim();
  if (!templateId) return null;
  const spec = env.REMINDER_TEMPLATE_FIELDS ?? 'thing1=title,date2=dueDate,thing3=message';
  const fields = Object.fromEntries(
    spec
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter(([key, source]) => key && ['title', 'message', 'dueDate', 'kind'].includes(source)),
  ) as TemplateConfig['fields'];
  const state = env.MINIPROGRAM_STATE as TemplateConfig['miniprogramState'];
  return { templateId, fields, miniprogramState: state ?? 'formal' };
}

/** The kind in a word or two (a `phrase` field holds 5 characters). */
function kindWord(kind: ReminderRecord['kind']): string {
  if (kind === 'urge') return '催办';
  if (kind === 'returned') return '退回';
  if (kind === 'approved') return '审核通过';
  if (kind === 'instruction') return '领导批示';
  if (kind === 'extension-requested' || kind === 'exemption-requested') return '待审批';
  if (kind.startsWith('extension-') || kind.startsWith('exemption-')) return '审批结果';
  return '提醒';
}

function dateValue(date: string | null): string {
  return date ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : '—';
}

/** The data of a subscribe message, every field cut to what WeChat accepts for its type. */
export function messageData(reminder: ReminderRecord, template: TemplateConfig): Record<string, { value: string }> {
  const source = {
    title: reminder.title,
    message: reminder.message,
    dueDate: dateValue(reminder.dueDate),
    kind: kindWord(reminder.kind),
  };
  return Object.fromEntries(
    Object.entries(template.fields).map(([key, from]) => [key, { value: fitField(key, source[from]) }]),
  );
}

/**
 * WeChat subscribe messages. Each acceptance of a one-time subscription allows one message, so a
 * credit is spent per send; without one the reminder stays in the app's list only.
 */
export class SubscribeMessageSender implements ReminderSender {
  constructor(
    private readonly api: SubscribeMessageApi,
    private readonly store: Store,
    private readonly template: TemplateConfig,
  ) {}

  async deliver(reminder: ReminderRecord): Promise<Delivery> {
    const { templateId } = this.template;
    const data = messageData(reminder, this.template);
    const base = { channel: 'subscribe' as const, templateId, payload: data };
    if (!(await this.store.takeSubscriptionCredit(reminder.recipientOpenid, templateId))) {
      return { ...base, status: 'skipped', detail: '未订阅或可接收次数已用完：仅在应用内提醒' };
    }
    try {
      const result = await this.api.send({
        touser: reminder.recipientOpenid,
        templateId,
        page: reminder.taskId ? `pages/task/index?id=${encodeURIComponent(reminder.taskId)}` : 'pages/tasks/index',
        data,
        miniprogramState: this.template.miniprogramState,
      });
      if (result.errCode && result.errCode !== 0)
        return { ...base, status: 'failed', detail: `${result.errCode} ${result.errMsg ?? ''}`.trim() };
      return { ...base, status: 'sent', detail: 'ok' };
    } catch (error) {
      const { errCode, errMsg, message } = error as { errCode?: number; errMsg?: string; message?: string };
      // 43101: the user refused, or the subscription is used up: the credit we counted is gone too.
      if (errCode === 43101) await this.store.addSubscriptionCredits(reminder.recipientOpenid, templateId, -1000);
      return { ...base, status: 'failed', detail: `${errCode ?? ''} ${errMsg ?? message ?? ''}`.trim().slice(0, 200) };
    }
  }
}
