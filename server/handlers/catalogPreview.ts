import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { blockingProblems } from '../../src/core/catalog/preview';
import { scheduleWords } from '../../src/core/catalog/scheduleWords';
import { readCatalogFile } from '../catalog/readCatalogFile';
import { catalogToPublish, checkYears, impactOf, previewFor } from '../catalog/publish';
import {
  asDomainError,
  catalogInputOf,
  catalogSourceFields,
  ONE_SOURCE_MESSAGE,
  oneSource,
  years,
} from '../catalog/source';
import { loadDistrictContext } from '../districtContext';
import { memberHandler } from '../handler';

const schema = z
  .object({ ...catalogSourceFields, years: years.optional() })
  .strict()
  .refine(oneSource, ONE_SOURCE_MESSAGE);

/**
 * Reads a task list (an uploaded .docx or a pasted text export) with the admin's choices so far,
 * and says what it could not resolve; with years, what publishing it would do to their tasks.
 * Nothing is stored.
 */
export default memberHandler('catalog.preview', schema, async (input, { api, actor }) => {
  authorize(actor, { kind: 'admin' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const source = await catalogInputOf(api, actor, input, readCatalogFile);
  const preview = (() => {
    try {
      return previewFor(context, source, input);
    } catch (error) {
      return asDomainError(error);
    }
  })();
  const defaultDueDate = context.district.defaultDueDate;
  const draft = {
    ...preview.draft,
    items: preview.draft.items.map((item) => ({ ...item, scheduleWords: scheduleWords(item, defaultDueDate) })),
  };
  const blocking = blockingProblems(preview).length;
  const reply = { draft, problems: preview.problems, blocking };
  if (!input.years || blocking > 0) return reply;
  const catalog = catalogToPublish(context, preview, input);
  return { ...reply, impact: await impactOf(api, context, catalog, checkYears(api, context, input.years)) };
});
