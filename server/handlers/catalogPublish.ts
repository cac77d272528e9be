import { z } from 'zod';
import { authorize } from '../../src/core/authorization';
import { readCatalogFile } from '../catalog/readCatalogFile';
import { publishCatalog } from '../catalog/publish';
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
  .object({ ...catalogSourceFields, years, confirmDrop: z.boolean().optional() })
  .strict()
  .refine(oneSource, ONE_SOURCE_MESSAGE);

/**
 * Publishes a task list for years: read again from its source with the admin's choices (never
 * from a draft the client sends), refused while anything blocking is left or when it would drop
 * tasks that have work unless `confirmDrop`. Other years' tasks, evidence and history are untouched.
 */
export default memberHandler('catalog.publish', schema, async (input, { api, actor, user }) => {
  authorize(actor, { kind: 'admin' });
  const context = await loadDistrictContext(api.store, actor.districtId);
  const source = await catalogInputOf(api, actor, input, readCatalogFile);
  try {
    return await publishCatalog(api, context, source, input, actor, user.name);
  } catch (error) {
    return asDomainError(error);
  }
});
