/**
 * How photos are made small on the phone before they go over a weak signal, and how long an upload
 * may take: pure numbers and decisions (no Taro, no DOM), so they are tested in Node. The platform
 * code (photoCompression.ts) only carries them out.
 */

export interface Size {
  width: number;
  height: number;
}

/** A photo leaves the phone at most this long on its long side, as JPEG at this quality. */
export const PHOTO = { longSide: 1600, quality: 0.7 } as const;
/** The small copy that grids and lists show: a few tens of KB. */
export const THUMB = { longSide: 320, quality: 0.7 } as const;
/** A photo already this small on disk, and no longer than PHOTO.longSide, goes as it is. */
export const SEND_AS_IS_BYTES = 400 * 1024;

/** EXIF orientations 5–8 turn the picture a quarter: the stored width is the shown height. */
export function isQuarterTurn(orientation: number): boolean {
  return orientation >= 5 && orientation <= 8;
}

/** The size the photo shows at, upright, from its stored size and EXIF orientation. */
export function uprightSize(stored: Size, orientation = 1): Size {
  return isQuarterTurn(orientation) ? { width: stored.height, height: stored.width } : { ...stored };
}

/** `size` scaled so its long side is at most `longSide` (never enlarged), in whole pixels. */
export function fitLongSide(size: Size, longSide: number): Size {
  const long = Math.max(size.width, size.height);
  if (long <= longSide || long <= 0) return { width: Math.round(size.width), height: Math.round(size.height) };
  const scale = longSide / long;
  return {
    width: Math.max(1, Math.round(size.width * scale)),
    height: Math.max(1, Math.round(size.height * scale)),
  };
}

/** Whether a photo must be re-encoded before it leaves: too long a side, or too many bytes. */
export function needsShrinking(bytes: number, size: Size | null): boolean {
  if (bytes > SEND_AS_IS_BYTES) return true;
  return size ? Math.max(size.width, size.height) > PHOTO.longSide : false;
}

/** WeChat's names for the EXIF orientations (`getImageInfo().orientation`). */
const WECHAT_ORIENTATION: Record<string, number> = {
  up: 1,
  'up-mirrored': 2,
  down: 3,
  'down-mirrored': 4,
  'left-mirrored': 5,
  right: 6,
  'right-mirrored': 7,
  left: 8,
};

export function orientationOfWechat(name: string | undefined): number {
  return (name && WECHAT_ORIENTATION[name]) || 1;
}

export interface WechatCompressOptions {
  quality: number;
  compressedWidth?: number;
  compressedHeight?: number;
  /** Some WeChat versions read these names instead (WeChat's own answer: pass both). */
  compressWidth?: number;
  compressHeight?: number;
}

/**
 * `Taro.compressImage` options for a photo of the given stored size and orientation (from
 * `getImageInfo`, whose width and height ignore the rotation), to fit `target`. Without a quarter
 * turn both sides are given (one side alone leaves white edges on some phones); with one, only the
 * width, so that a phone that reads it before or after turning still keeps the proportions.
 * Null: small enough already, only the quality is lowered.
 */
export function wechatCompressOptions(
  stored: Size,
  orientation: number,
  target: { longSide: number; quality: number },
): WechatCompressOptions {
  const quality = Math.round(target.quality * 100);
  const upright = uprightSize(stored, orientation);
  const fitted = fitLongSide(upright, target.longSide);
  if (fitted.width === upright.width && fitted.height === upright.height) return { quality };
  if (isQuarterTurn(orientation)) return { quality, compressedWidth: fitted.width, compressWidth: fitted.width };
  return {
    quality,
    compressedWidth: fitted.width,
    compressedHeight: fitted.height,
    compressWidth: fitted.width,
    compressHeight: fitted.height,
  };
}

export interface BrowserCompressOptions {
  maxWidthOrHeight: number;
  initialQuality: number;
  fileType: 'image/jpeg';
  /** The app runs the library in a worker of its own (photoCompression.ts), not the library's. */
  useWebWorker: false;
  /** No size goal: one pass at the quality asked. */
  maxSizeMB: number;
  maxIteration: number;
}

/**
 * `browser-image-compression` options for `target`: JPEG, the long side bounded (the library turns
 * the photo upright by its EXIF orientation where the browser does not).
 */
export function browserCompressOptions(target: { longSide: number; quality: number }): BrowserCompressOptions {
  return {
    maxWidthOrHeight: target.longSide,
    initialQuality: target.quality,
    fileType: 'image/jpeg',
    useWebWorker: false,
    maxSizeMB: Number.POSITIVE_INFINITY,
    maxIteration: 1,
  };
}

/** A photo's name once it is JPEG: the extension follows the content. */
export function jpegName(name: string): string {
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  return `${base || '照片'}.jpg`;
}

/** The thumbnail's name beside its photo's (for cloud paths and logs). */
export function thumbName(name: string): string {
  const dot = name.lastIndexOf('.');
  return `${dot > 0 ? name.slice(0, dot) : name}-thumb.jpg`;
}

/**
 * How long one upload may take before it is given up and tried again: the time it needs on the
 * slowest link we serve (20 kbit/s, an edge of 2G), plus slack for the round trips. No fixed
 * timeout: a bigger file gets longer, so a slow upload that is moving is never cut.
 */
export const SLOWEST_LINK_BITS_PER_SECOND = 20_000;
export const UPLOAD_SLACK_MS = 30_000;

export function uploadTimeoutMs(bytes: number): number {
  return UPLOAD_SLACK_MS + Math.ceil((Math.max(0, bytes) * 8 * 1000) / SLOWEST_LINK_BITS_PER_SECOND);
}

/** Percent done from bytes sent, 0–100 (99 until the server has answered). */
export function percentSent(sent: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.max(0, Math.min(99, Math.floor((sent / total) * 100)));
}
