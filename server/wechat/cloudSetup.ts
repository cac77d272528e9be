import type { HolidayCalendarData } from '../../src/core/calendar';
import type { Catalog } from '../../src/core/catalog/types';
import type { Store } from '../../src/core/ports/Store';
import type { Directory } from '../../src/core/units';
import catalog from '../../data/catalog.json';
import holidays from '../../data/holidays.json';
import units from '../../data/units.json';
import { bootstrapDistrict } from '../bootstrap';
import type { CloudDatabase } from './store/cloudDatabaseTypes';
import { isMissingCollection } from './store/cloudErrors';
import { createCollections } from './store/setup';

const DAY_MS = 86_400_000;
let ready: Promise<void> | null = null;

/**
 * First call of a fresh deployment (once per function instance): the collections are created, the
 * district is created from the catalog and directory bundled with the function, and the first
 * administrator gets in with the invite code configured as the ADMIN_INVITE_CODE environment
 * variable of the function (valid 30 days, once) for as long as the district has no admin.
 */
export function ensureDeploymentReady(
  db: CloudDatabase,
  store: Store,
  env: NodeJS.ProcessEnv,
  now: Date,
): Promise<void> {
  ready ??= (async () => {
    const directory = units as unknown as Directory;
    // The collections are made before the district, so a district found means they are there.
    const existing = await store.getDistrict(directory.district.id).catch((error: unknown) => {
      if (isMissingCollection(error)) return null;
      throw error;
    });
    if (!existing) {
      await createCollections(db);
      await bootstrapDistrict(store, {
        catalog: catalog as unknown as Catalog,
        directory,
        calendar: holidays as HolidayCalendarData,
        at: now.toISOString(),
      });
    }
    const code = env.ADMIN_INVITE_CODE?.trim().toUpperCase();
    const districtId = directory.district.id;
    if (
      code &&
      /^[A-Z0-9]{8,16}$/.test(code) &&
      !(await store.getInvite(code)) &&
      (await store.listUsers(districtId, { role: 'admin' })).length === 0
    ) {
      await store.saveInvite({
        code,
        districtId,
        unitId:
          env.ADMIN_UNIT_ID ?? directory.units.find((unit) => unit.name === '区司法局')?.id ?? directory.units[0].id,
        role: 'admin',
        expiresAt: new Date(now.getTime() + 30 * DAY_MS).toISOString(),
        maxUses: 1,
        uses: 0,
        createdBy: 'deployment',
        createdAt: now.toISOString(),
      });
    }
  })().catch((error) => {
    ready = null;
    throw error;
  });
  return ready;
}
