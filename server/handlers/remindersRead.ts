import { z } from 'zod';
import { memberHandler } from '../handler';

const schema = z.object({ ids: z.array(z.string().min(1).max(800)).max(200).optional() }).strict();

/** Marks the caller's reminders read: the given ones, or all. */
export default memberHandler('reminders.read', schema, async (input, { api, actor }) => {
  const marked = await api.store.markRemindersRead(
    actor.districtId,
    actor.openid,
    input.ids ?? 'all',
    api.now().toISOString(),
  );
  return { marked };
});
