import type { TaskRecord } from '../src/core/model';
import type { ReminderKind } from '../src/core/reminders';
import type { ApiContext } from './context';
import { itemOf, leadsOf, unitName, type DistrictContext } from './districtContext';
import { composeReminder } from './reminders/compose';
import { raiseReminders, requestDeciders, unitRecipients } from './reminders/raise';
import { todayOf } from './tasks';

/**
 * Who hears of a request and of its decision: a unit's 延期 or 不涉及 request reaches the people who
 * decide it (the lead units' reviewers, or the leaders); the decision reaches the unit's people.
 */

async function remind(
  api: ApiContext,
  context: DistrictContext,
  task: TaskRecord,
  kind: ReminderKind,
  recipients: Array<{ openid: string }>,
  at: string,
  extra: string | null,
): Promise<void> {
  const item = itemOf(context, task.year, task.itemNo);
  const date = todayOf(api);
  await raiseReminders(
    api,
    recipients.map((person) =>
      composeReminder({ kind, task, item, recipientOpenid: person.openid, date, at, occasion: at, extra }),
    ),
  );
}

/** A request made: its deciders are reminded (the message names the unit asking). */
export async function remindDeciders(
  api: ApiContext,
  context: DistrictContext,
  task: TaskRecord,
  kind: 'extension-requested' | 'exemption-requested',
  at: string,
): Promise<void> {
  const deciders = await requestDeciders(api, task, leadsOf(context, task.year, task.itemNo));
  await remind(api, context, task, kind, deciders, at, unitName(context, task.unitId));
}

/** A request decided (or an exemption revoked): the unit's people are reminded, with the comment. */
export async function remindUnit(
  api: ApiContext,
  context: DistrictContext,
  task: TaskRecord,
  kind: ReminderKind,
  at: string,
  extra: string | null,
): Promise<void> {
  await remind(api, context, task, kind, await unitRecipients(api, task), at, extra);
}
