import { randomBytes } from 'crypto';
import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { DomainError } from '../../src/core/errors';
import type { UnitRecord } from '../../src/core/model';
import { unresolvedPhrases } from '../../src/core/units';
import { forgetDistrictContext, loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';
import { id, requiredText, text } from '../validation';

const schema = z
  .object({
    unit: z
      .object({
        id: id.optional(),
        name: requiredText(30, '单位名称'),
        kind: z.enum(['township', 'street', 'department', 'agency']),
        tags: z.array(text(20, 1)).max(10).optional(),
        aliases: z.array(text(60, 1)).max(30).optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
  })
  .strict();

/** Adds or edits a unit of the directory; the task list must still find every unit it names. */
export default memberHandler('admin.units.upsert', schema, async ({ unit: input }, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const existing = input.id ? context.unitsById.get(input.id) : undefined;
  if (input.id && !existing) throw new DomainError('NOT_FOUND', '找不到要修改的单位');
  // A name is the unit's alone. An alias may be shared: a phrase that stands for several units (各乡镇,
  // remembered when a list was published) is an alias of each; it must only not be another's name.
  const aliases = input.aliases ?? [];
  const clash = context.units.find(
    (unit) =>
      unit.id !== existing?.id &&
      (unit.name === input.name || unit.aliases.includes(input.name) || aliases.includes(unit.name)),
  );
  if (clash) throw new DomainError('FAILED_PRECONDITION', `名称与“${clash.name}”重复`);

  const unit: UnitRecord = {
    districtId: actor.districtId,
    id: existing?.id ?? `u-${randomBytes(4).toString('hex')}`,
    name: input.name,
    kind: input.kind,
    tags: [...new Set(input.tags ?? existing?.tags ?? [])],
    aliases: [...new Set(input.aliases ?? existing?.aliases ?? [])],
    disabled: input.disabled ?? existing?.disabled ?? false,
    updatedAt: api.now().toISOString(),
  };
  const units = existing
    ? context.units.map((candidate) => (candidate.id === unit.id ? unit : candidate))
    : [...context.units, unit];
  // Checked on the directory alone: building the whole context would throw at the first phrase lost.
  const directory = { ...context.directory, units };
  const lost = [
    ...new Set(
      [context.district.catalog, ...context.catalogs.map((record) => record.catalog)].flatMap((catalog) =>
        unresolvedPhrases(catalog, directory),
      ),
    ),
  ];
  if (lost.length > 0) {
    throw new DomainError(
      'FAILED_PRECONDITION',
      `这样改后，任务清单里的“${lost.join('、')}”将找不到对应单位：可把原名称加为简称`,
    );
  }
  await api.store.saveUnit(unit);
  forgetDistrictContext(actor.districtId);
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      tags: unit.tags,
      aliases: unit.aliases,
      disabled: unit.disabled ?? false,
    },
  };
});
