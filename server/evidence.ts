import type { EvidenceRecord } from '../src/core/model';
import type { ApiContext } from './context';

/**
 * Evidence as the app shows it: short-lived links to open the file (and its thumbnail), and who
 * uploaded it by name — never their openid, which is nobody else's business.
 */
export async function evidenceWithUrls(api: ApiContext, records: EvidenceRecord[]) {
  const fileIds = records.flatMap((record) =>
    record.thumbFileId ? [record.fileId, record.thumbFileId] : [record.fileId],
  );
  const uploaders = [...new Set(records.map((record) => record.uploadedBy))];
  const [urls, people] = await Promise.all([
    fileIds.length > 0 ? api.files.temporaryUrls(fileIds) : Promise.resolve({} as Record<string, string>),
    Promise.all(uploaders.map((openid) => api.store.getUser(openid))),
  ]);
  const nameOf = new Map(uploaders.map((openid, index) => [openid, people[index]?.name ?? '已离开的人员']));
  return records.map((record) => ({
    id: record.id,
    fileId: record.fileId,
    name: record.name,
    size: record.size,
    mime: record.mime,
    kind: record.mime.startsWith('image/') ? ('image' as const) : ('document' as const),
    url: urls[record.fileId] ?? null,
    thumbUrl: record.thumbFileId ? (urls[record.thumbFileId] ?? null) : null,
    unitId: record.unitId,
    uploaderName: nameOf.get(record.uploadedBy) ?? '',
    createdAt: record.createdAt,
  }));
}
