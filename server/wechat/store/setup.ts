import { REMINDER_COLLECTIONS } from './CloudDbReminders';
import type { CloudDatabase } from './cloudDatabaseTypes';
import { isCollectionAlreadyThere } from './cloudErrors';
import { COLLECTIONS } from './collections';

/** Every collection the store uses. */
export const ALL_COLLECTIONS: readonly string[] = [
  ...Object.values(COLLECTIONS),
  ...Object.values(REMINDER_COLLECTIONS),
];

/**
 * A fresh environment has no collections, and the service refuses every read and write of a
 * missing one: create them all. Safe to run again and from several instances at once (one that
 * is there already is fine). Indexes cannot be made from a function: docs/deploy-wechat.md lists
 * them for the console.
 */
export async function createCollections(db: CloudDatabase): Promise<void> {
  await Promise.all(
    ALL_COLLECTIONS.map(async (name) => {
      try {
        await db.createCollection(name);
      } catch (error) {
        if (!isCollectionAlreadyThere(error)) throw error;
      }
    }),
  );
}
