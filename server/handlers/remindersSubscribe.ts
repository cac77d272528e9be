import { z } from 'zod';
import { memberHandler } from '../handler';

/** The most one-time subscriptions kept per person and template. */
export const MAX_SUBSCRIPTION_CREDITS = 30;

const schema = z.object({ templateIds: z.array(z.string().min(1).max(128)).min(1).max(3) }).strict();

/**
 * After the user accepted one-time subscriptions in WeChat (requestSubscribeMessage), each accepted
 * template allows one more message: the balance is counted here and spent by the sender.
 */
export default memberHandler('reminders.subscribe', schema, async (input, { api, actor }) => {
  const balances: Record<string, number> = {};
  for (const templateId of new Set(input.templateIds)) {
    const credits = await api.store.addSubscriptionCredits(actor.openid, templateId, 1);
    // WeChat counts one message per acceptance; more than a month of daily reminders is no use.
    balances[templateId] =
      credits > MAX_SUBSCRIPTION_CREDITS
        ? await api.store.addSubscriptionCredits(actor.openid, templateId, MAX_SUBSCRIPTION_CREDITS - credits)
        : credits;
  }
  return { balances };
});
