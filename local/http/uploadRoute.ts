import type { IncomingMessage, ServerResponse } from 'http';
import { DomainError } from '../../src/core/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../../src/core/files/uploadPolicy';
import type { LocalFileStorage } from '../files/LocalFileStorage';
import { requestOpenid } from './identity';
import { readUploadedFile } from './multipart';
import { sendJson } from './sendJson';

/** The file plus room for the multipart framing and a few small fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

export interface UploadRouteOptions {
  files: LocalFileStorage;
  demoMode: boolean;
  identify: (openid: string) => Promise<{ districtId: string; unitId: string } | null>;
}

/** `POST /upload` (multipart, field `file`): checks the file by content and stores it for the caller's unit. */
export async function uploadRoute(
  request: IncomingMessage,
  response: ServerResponse,
  options: UploadRouteOptions,
): Promise<void> {
  if (request.method !== 'POST') throw new DomainError('INVALID_ARGUMENT', '请用 POST 上传文件');
  const openid = requestOpenid(request, options.demoMode);
  const caller = openid === null ? null : await options.identify(openid);
  if (openid === null || !caller) throw new DomainError('UNAUTHENTICATED', '请先绑定单位');
  const upload = await readUploadedFile(request, {
    maxFileBytes: MAX_UPLOAD_BYTES,
    maxBodyBytes: UPLOAD_BODY_LIMIT,
    tooLargeMessage: UPLOAD_MESSAGES.tooLarge,
  });
  const data = await options.files.acceptUpload({
    bytes: upload.bytes,
    name: upload.filename,
    openid,
    districtId: caller.districtId,
    unitId: caller.unitId,
  });
  sendJson(response, 200, { ok: true, data });
}
