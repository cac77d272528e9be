import type { ApiContext } from '../context';

/** Saves a generated file and hands back a short-lived link to open it. */
export async function deliver(api: ApiContext, districtId: string, name: string, content: Buffer, mime: string) {
  const fileId = await api.files.save(districtId, name, content, mime);
  const urls = await api.files.temporaryUrls([fileId]);
  return { fileId, url: urls[fileId] ?? null, name };
}
