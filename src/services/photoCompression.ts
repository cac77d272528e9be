import Taro from '@tarojs/taro';
import { blobOf, keepBlob, sizeOnDisk } from './filePicker';
import { loadImageCompression } from './imageCompressionLib';
import {
  browserCompressOptions,
  jpegName,
  needsShrinking,
  orientationOfWechat,
  PHOTO,
  THUMB,
  uprightSize,
  wechatCompressOptions,
} from './photoPlan';

/**
 * Photos are made small on the phone before they leave it: long side 1600 px, JPEG 0.7 (a 5 MB camera
 * photo leaves as a few hundred KB), plus a thumbnail of 320 px for grids and lists. In WeChat by
 * `compressImage` with a width; in H5 by browser-image-compression, in a worker of the app's own
 * (the library's would come from a blob: URL, which the Content-Security-Policy refuses), turning the
 * photo upright by its EXIF orientation where the browser does not. What to ask for is in photoPlan.ts.
 */

export interface PreparedPhoto {
  path: string;
  name: string;
  size: number;
  /** Null when no thumbnail could be made: the photo goes without one. */
  thumbPath: string | null;
  thumbSize: number;
}

/** The app's own worker that runs the library (src/static/image-compression-worker.js, copied by config/index.ts). */
export const IMAGE_COMPRESSION_WORKER_URL = '/static/vendor/image-compression-worker.js';

type Target = { longSide: number; quality: number };

let worker: Worker | null | undefined;
let nextJob = 1;

/** Compresses in the worker; rejects when there is no worker or it cannot (no OffscreenCanvas). */
function compressInWorker(file: File, target: Target): Promise<Blob> {
  if (worker === undefined) {
    try {
      worker = typeof Worker === 'function' ? new Worker(IMAGE_COMPRESSION_WORKER_URL) : null;
    } catch {
      worker = null;
    }
  }
  const running = worker;
  if (!running) return Promise.reject(new Error('no worker'));
  return new Promise((resolve, reject) => {
    const id = nextJob++;
    const done = () => {
      running.removeEventListener('message', onMessage);
      running.removeEventListener('error', onError);
    };
    const onMessage = (event: MessageEvent<{ id: number; file?: Blob; error?: string }>) => {
      if (event.data?.id !== id) return;
      done();
      if (event.data.file) resolve(event.data.file);
      else reject(new Error(event.data.error ?? 'worker failed'));
    };
    const onError = (event: ErrorEvent) => {
      done();
      // A worker that cannot start (or load the library) is not tried again.
      worker = null;
      reject(new Error(event.message || 'worker failed'));
    };
    running.addEventListener('message', onMessage);
    running.addEventListener('error', onError);
    running.postMessage({ id, file, options: browserCompressOptions(target) });
  });
}

/** Off the main thread where the phone can; else on it (slower, but the photo still goes small). */
async function compressInBrowser(file: File, target: Target): Promise<Blob> {
  try {
    return await compressInWorker(file, target);
  } catch {
    const imageCompression = await loadImageCompression();
    return imageCompression(file, browserCompressOptions(target));
  }
}

async function prepareInBrowser(photo: { path: string; name: string; size: number }): Promise<PreparedPhoto> {
  const original = blobOf(photo.path);
  if (!original) throw new Error('the picked photo is gone');
  const asFile = (blob: Blob, name: string) =>
    blob instanceof File ? blob : new File([blob], name, { type: blob.type || 'image/jpeg' });
  let small: Blob = original;
  let name = photo.name;
  if (needsShrinking(original.size, null)) {
    const made = await compressInBrowser(asFile(original, photo.name), PHOTO);
    if (made.size < original.size) {
      small = made;
      name = jpegName(photo.name);
    }
  }
  let thumb: Blob | null = null;
  try {
    thumb = await compressInBrowser(asFile(small, name), THUMB);
  } catch {
    thumb = null;
  }
  return {
    path: small === original ? photo.path : keepBlob(small),
    name,
    size: small.size,
    thumbPath: thumb ? keepBlob(thumb) : null,
    thumbSize: thumb?.size ?? 0,
  };
}

async function compressInWechat(
  src: string,
  size: number,
  target: { longSide: number; quality: number },
): Promise<{ path: string; size: number }> {
  const info = await Taro.getImageInfo({ src });
  const orientation = orientationOfWechat(info.orientation);
  const options = wechatCompressOptions({ width: info.width, height: info.height }, orientation, target);
  const result = await Taro.compressImage({ src, ...options } as Taro.compressImage.Option);
  const made = sizeOnDisk(result.tempFilePath, size);
  return made < size ? { path: result.tempFilePath, size: made } : { path: src, size };
}

async function prepareInWechat(photo: { path: string; name: string; size: number }): Promise<PreparedPhoto> {
  const info = await Taro.getImageInfo({ src: photo.path });
  const upright = uprightSize({ width: info.width, height: info.height }, orientationOfWechat(info.orientation));
  const small = needsShrinking(photo.size, upright)
    ? await compressInWechat(photo.path, photo.size, PHOTO)
    : { path: photo.path, size: photo.size };
  let thumb: { path: string; size: number } | null = null;
  try {
    thumb = await compressInWechat(small.path, small.size, THUMB);
    if (thumb.path === small.path) thumb = null;
  } catch {
    thumb = null;
  }
  return {
    path: small.path,
    name: small.path === photo.path ? photo.name : jpegName(photo.name),
    size: small.size,
    thumbPath: thumb?.path ?? null,
    thumbSize: thumb?.size ?? 0,
  };
}

/**
 * The photo made small, with its thumbnail. If the phone cannot (an old decoder, no memory), the
 * photo goes as it was picked, without a thumbnail, rather than not at all.
 */
export async function preparePhoto(photo: { path: string; name: string; size: number }): Promise<PreparedPhoto> {
  try {
    if (process.env.TARO_ENV === 'h5') return await prepareInBrowser(photo);
    if (process.env.TARO_ENV === 'weapp') return await prepareInWechat(photo);
  } catch (error) {
    console.warn('photo not made small', error);
  }
  return { path: photo.path, name: photo.name, size: photo.size, thumbPath: null, thumbSize: 0 };
}
