import type { IncomingMessage, ServerResponse } from 'http';
import { DomainError } from '../../src/core/errors';
import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../../src/core/files/uploadPolicy';
import type { LocalFileStorage } from '../files/LocalFileStorage';
import { requestOpenid } from './identity';
import { TooManyRequestsError, type ConcurrencyLimiter } from './limits';
import { receiveUploadedFile } from './multipart';
import { sendJson } from './sendJson';

/** The file plus room for the multipart framing and a few small fields. */
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024;

export const UPLOAD_IDLE_MESSAGE = '长时间没有收到数据，上传已中断，请重新上传';

export function tooManyUploadsMessage(limit: number): string {
  return `同时上传的文件太多（每人最多 ${limit} 个），请等前面的传完再试`;
}

export interface UploadRouteOptions {
  files: LocalFileStorage;
  demoMode: boolean;
  identify: (openid: string) => Promise<{ districtId: string; unitId: string } | null>;
  /** Uploads in flight per caller. */
  uploadSlots: ConcurrencyLimiter;
  /** A body that sends nothing for this long is cut. */
  idleTimeoutMs: number;
}

/**
 * `POST /upload` (multipart, field `file`): streams the file to disk, checks it by content and
 * stores it for the caller's unit; a caller has at most a few uploads in flight.
 */
export async function uploadRoute(
  request: IncomingMessage,
  response: ServerResponse,
  options: UploadRouteOptions,
): Promise<void> {
  if (request.method !== 'POST') throw new DomainError('INVALID_ARGUMENT', '请用 POST 上传文件');
  const openid = requestOpenid(request, options.demoMode);
  const caller = openid === null ? null : await options.identify(openid);
  if (openid === null || !caller) throw new DomainError('UNAUTHENTICATED', '请先绑定单位');
  const release = options.uploadSlots.acquire(openid);
  if (!release) throw new TooManyRequestsError(tooManyUploadsMessage(options.uploadSlots.limit));
  try {
    const upload = await receiveUploadedFile(request, {
      maxFileBytes: MAX_UPLOAD_BYTES,
      maxBodyBytes: UPLOAD_BODY_LIMIT,
      tooLargeMessage: UPLOAD_MESSAGES.tooLarge,
      tempDir: options.files.uploadsDir,
      idleTimeoutMs: options.idleTimeoutMs,
      idleMessage: UPLOAD_IDLE_MESSAGE,
    });
    const data = await options.files.acceptSpooledUpload({
      path: upload.path,
      size: upload.size,
      sha256: upload.sha256,
      name: upload.filename,
      openid,
      districtId: caller.districtId,
      unitId: caller.unitId,
    });
    sendJson(response, 200, { ok: true, data });
  } finally {
    release();
  }
}
