import type { HolidayCalendarData } from '../../src/core/calendar';
import type { Catalog } from '../../src/core/catalog/types';
import type { Store } from '../../src/core/ports/Store';
import type { Directory } from '../../src/core/units';
import catalog from '../../data/catalog.json';
import holidays from '../../data/holidays.json';
import units from '../../data/units.json';
import { bootstrapDistrict } from '../bootstrap';

const DAY_MS = 86_400_000;
let ready: Promise<void> | null = null;

/**
 * First call of a fresh deployment: the district is created from the catalog and directory bundled
 * with the function, and the first administrator gets in with the invite code configured as the
 * ADMIN_INVITE_CODE environment variable of the function (valid 30 days, once).
 */
export function ensureDeploymentReady(store: Store, env: NodeJS.ProcessEnv, now: Date): Promise<void> {
  ready ??= (async () => {
    const directory = units as unknown as Directory;
    const created = await bootstrapDistrict(store, {
      catalog: catalog as unknown as Catalog,
      directory,
      calendar: holidays as HolidayCalendarData,
      at: now.toISOString(),
    });
    const code = env.ADMIN_INVITE_CODE?.trim().toUpperCase();
    if (created && code && /^[A-Z0-9]{8,16}$/.test(code) && !(await store.getInvite(code))) {
      await store.saveInvite({
        code,
        districtId: directory.district.id,
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
