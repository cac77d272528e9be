import { evidenceFolder } from '../contract/limits';
import { extensionOf, typeOfExtension } from '../core/files/uploadPolicy';
import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { demoOpenid } from './identity';
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

export { extensionOf };

export function guessMime(name: string): string {
  return typeOfExtension(extensionOf(name))?.mime ?? 'application/octet-stream';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function uploadOnce(file: PickedFile, place: { districtId: string; unitId: string }): Promise<UploadedFile> {
  if (IS_WEAPP) {
    const stamp = new Date().toISOString().slice(0, 7).replace('-', '');
    const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const ext = extensionOf(file.name) || 'jpg';
    const cloudPath = `${evidenceFolder(place.districtId, place.unitId)}${stamp}/${random}.${ext}`;
    const result = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
    return { fileId: result.fileID, name: file.name, size: file.size, mime: guessMime(file.name) };
  }
  const openid = demoOpenid();
  const result = await Taro.uploadFile({
    url: '/upload',
    filePath: file.path,
    name: 'file',
    fileName: file.name,
    header: openid ? { 'X-Openid': openid } : {},
  } as Parameters<typeof Taro.uploadFile>[0]);
  let envelope: { ok: boolean; data?: UploadedFile; error?: { code: string; message: string } };
  try {
    envelope = JSON.parse(result.data as string);
  } catch {
    throw new Error('no envelope');
  }
  if (envelope.ok && envelope.data) return envelope.data;
  throw new ApiError((envelope.error?.code as ApiError['code']) ?? 'INTERNAL', envelope.error?.message ?? '上传失败');
}

/**
 * Uploads one evidence file: to cloud storage in WeChat, to the local cloud's /upload in H5. A
 * dropped connection is retried with growing pauses; a refusal (wrong type, too large) is not.
 */
export async function uploadEvidenceFile(
  file: PickedFile,
  place: { districtId: string; unitId: string },
  attempts = 3,
): Promise<UploadedFile> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await uploadOnce(file, place);
    } catch (error) {
      if (error instanceof ApiError && !error.retryable) throw error;
      if (attempt >= attempts) throw new ApiError('NETWORK', '网络不稳定，文件没有传上去，请稍后点“重试”');
      await pause(800 * attempt);
    }
  }
}
