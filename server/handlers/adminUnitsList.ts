import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';

/** The district's unit directory, disabled units included, for the admin's pickers and the 单位 list. */
export default memberHandler('admin.units.list', z.object({}).strict(), async (_input, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  return {
    units: context.units.map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      tags: unit.tags,
      aliases: unit.aliases,
      disabled: unit.disabled ?? false,
    })),
  };
});
