import type { EvidenceRecord } from '../src/core/model';
import type { ApiContext } from './context';

/** Evidence as the app shows it, with a short-lived link to open the file. */
export async function evidenceWithUrls(api: ApiContext, records: EvidenceRecord[]) {
  const fileIds = records.flatMap((record) =>
    record.thumbFileId ? [record.fileId, record.thumbFileId] : [record.fileId],
  );
  const urls = fileIds.length > 0 ? await api.files.temporaryUrls(fileIds) : {};
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
    uploadedBy: record.uploadedBy,
    createdAt: record.createdAt,
  }));
}
