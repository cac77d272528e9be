import { evidenceFolder } from '../contract/limits';
import { extensionOf, typeOfExtension } from '../core/files/uploadPolicy';
import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { NETWORK_LOST_MESSAGE } from './draftModel';
import { demoOpenid } from './identity';
import { isOnline } from './network';
import { percentSent, uploadTimeoutMs } from './photoPlan';
import { IS_WEAPP } from './platform';

export interface PickedFile {
  /** A local path: wxfile:// in WeChat, a blob: URL in H5. */
  path: string;
  name: string;
  size: number;
}

export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
  mime: string;
}

export interface UploadPlace {
  districtId: string;
  unitId: string;
}

/** Called with the percent of the bytes sent (0–99; the answer makes it done). */
export type OnProgress = (percent: number) => void;

export { extensionOf };

export function guessMime(name: string): string {
  return typeOfExtension(extensionOf(name))?.mime ?? 'application/octet-stream';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cloudPathFor(file: PickedFile, place: UploadPlace, suffix: string): string {
  const stamp = new Date().toISOString().slice(0, 7).replace('-', '');
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const ext = extensionOf(file.name) || 'jpg';
  return `${evidenceFolder(place.districtId, place.unitId)}${stamp}/${random}${suffix}.${ext}`;
}

/** WeChat: cloud storage, through the callback form, whose task reports progress. */
function uploadToCloud(file: PickedFile, place: UploadPlace, suffix: string, onProgress?: OnProgress) {
  return new Promise<UploadedFile>((resolve, reject) => {
    const task = Taro.cloud.uploadFile({
      cloudPath: cloudPathFor(file, place, suffix),
      filePath: file.path,
      success: (result) =>
        resolve({ fileId: result.fileID, name: file.name, size: file.size, mime: guessMime(file.name) }),
      fail: (error) => reject(error),
    });
    task?.onProgressUpdate?.((update) =>
      onProgress?.(percentSent(update.totalBytesSent, update.totalBytesExpectedToSend)),
    );
  });
}

/** H5: the local cloud's /upload, with a timeout that grows with the file (photoPlan.ts). */
async function uploadToLocalCloud(file: PickedFile, onProgress?: OnProgress): Promise<UploadedFile> {
  const openid = demoOpenid();
  const task = Taro.uploadFile({
    url: '/upload',
    filePath: file.path,
    name: 'file',
    fileName: file.name,
    timeout: uploadTimeoutMs(file.size),
    header: openid ? { 'X-Openid': openid } : {},
  } as Parameters<typeof Taro.uploadFile>[0]);
  task.onProgressUpdate?.((update) =>
    onProgress?.(percentSent(update.totalBytesSent, update.totalBytesExpectedToSend)),
  );
  const result = await task;
  // Busy or cut by the server (too many at once, a stall, a restart): the file is not at fault.
  const transient = result.statusCode === 408 || result.statusCode === 429 || result.statusCode >= 500;
  let envelope: { ok: boolean; data?: UploadedFile; error?: { code: string; message: string } };
  try {
    envelope = JSON.parse(result.data as string);
  } catch {
    throw new Error('no envelope');
  }
  if (envelope.ok && envelope.data) return envelope.data;
  if (transient) throw new ApiError('NETWORK', envelope.error?.message ?? '上传失败');
  throw new ApiError((envelope.error?.code as ApiError['code']) ?? 'INTERNAL', envelope.error?.message ?? '上传失败');
}

/**
 * Uploads one evidence file (or a photo's thumbnail, `suffix: '-thumb'`): to cloud storage in
 * WeChat, to the local cloud's /upload in H5. A dropped connection is tried once more after a
 * pause (not while the phone is offline); then the queue takes over and goes again when the
 * connection returns. A refusal (wrong type, too large) is not tried again.
 */
export async function uploadEvidenceFile(
  file: PickedFile,
  place: UploadPlace,
  options: { onProgress?: OnProgress; attempts?: number; suffix?: string } = {},
): Promise<UploadedFile> {
  const attempts = options.attempts ?? 2;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (IS_WEAPP) return await uploadToCloud(file, place, options.suffix ?? '', options.onProgress);
      return await uploadToLocalCloud(file, options.onProgress);
    } catch (error) {
      if (error instanceof ApiError && !error.retryable) throw error;
      if (attempt >= attempts || !isOnline()) throw new ApiError('NETWORK', NETWORK_LOST_MESSAGE);
      await pause(1500 * attempt);
    }
  }
}
