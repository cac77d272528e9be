import {
  browserCompressOptions,
  fitLongSide,
  isQuarterTurn,
  jpegName,
  needsShrinking,
  orientationOfWechat,
  percentSent,
  PHOTO,
  SEND_AS_IS_BYTES,
  THUMB,
  thumbName,
  uploadTimeoutMs,
  uprightSize,
  wechatCompressOptions,
} from '../../src/services/photoPlan';

describe('making photos small before they leave the phone', () => {
  it('aims at 1600 px on the long side at JPEG 0.7, and 320 px for the thumbnail', () => {
    expect(PHOTO).toEqual({ longSide: 1600, quality: 0.7 });
    expect(THUMB).toEqual({ longSide: 320, quality: 0.7 });
  });

  it('scales the long side down to the target, keeping the proportions, and never enlarges', () => {
    expect(fitLongSide({ width: 4000, height: 3000 }, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitLongSide({ width: 3000, height: 4000 }, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitLongSide({ width: 4032, height: 3024 }, 320)).toEqual({ width: 320, height: 240 });
    expect(fitLongSide({ width: 800, height: 600 }, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitLongSide({ width: 9000, height: 10 }, 1600)).toEqual({ width: 1600, height: 2 });
  });

  it('sends a small photo as it is, and makes a big or a long one small', () => {
    expect(needsShrinking(5 * 1024 * 1024, null)).toBe(true);
    expect(needsShrinking(SEND_AS_IS_BYTES, { width: 1280, height: 960 })).toBe(false);
    expect(needsShrinking(200 * 1024, { width: 4000, height: 3000 })).toBe(true);
    expect(needsShrinking(200 * 1024, null)).toBe(false);
  });

  it('reads the EXIF orientation: 5–8 turn the photo a quarter, so its shown width is the stored height', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(isQuarterTurn)).toEqual([false, false, false, false, true, true, true, true]);
    expect(uprightSize({ width: 4000, height: 3000 }, 6)).toEqual({ width: 3000, height: 4000 });
    expect(uprightSize({ width: 4000, height: 3000 }, 3)).toEqual({ width: 4000, height: 3000 });
    expect(orientationOfWechat('right')).toBe(6);
    expect(orientationOfWechat('left')).toBe(8);
    expect(orientationOfWechat('up')).toBe(1);
    expect(orientationOfWechat(undefined)).toBe(1);
    expect(orientationOfWechat('sideways')).toBe(1);
  });

  it('asks WeChat for both sides of an upright photo, under both spellings WeChat has used', () => {
    expect(wechatCompressOptions({ width: 4000, height: 3000 }, 1, PHOTO)).toEqual({
      quality: 70,
      compressedWidth: 1600,
      compressedHeight: 1200,
      compressWidth: 1600,
      compressHeight: 1200,
    });
  });

  it('asks WeChat only for the width of a turned photo, so the proportions hold whichever way it reads it', () => {
    // Stored 4000×3000, shown 3000×4000 (the phone held upright): shown width 1200.
    expect(wechatCompressOptions({ width: 4000, height: 3000 }, orientationOfWechat('right'), PHOTO)).toEqual({
      quality: 70,
      compressedWidth: 1200,
      compressWidth: 1200,
    });
    expect(wechatCompressOptions({ width: 1600, height: 1200 }, 1, THUMB)).toMatchObject({
      compressedWidth: 320,
      compressedHeight: 240,
    });
  });

  it('only lowers the quality of a photo already small enough', () => {
    expect(wechatCompressOptions({ width: 1280, height: 960 }, 1, PHOTO)).toEqual({ quality: 70 });
  });

  it('has the browser library encode JPEG at the target in one pass (in the app’s own worker, not the library’s)', () => {
    expect(browserCompressOptions(PHOTO)).toEqual({
      maxWidthOrHeight: 1600,
      initialQuality: 0.7,
      fileType: 'image/jpeg',
      useWebWorker: false,
      maxSizeMB: Number.POSITIVE_INFINITY,
      maxIteration: 1,
    });
    expect(browserCompressOptions(THUMB)).toMatchObject({ maxWidthOrHeight: 320, initialQuality: 0.7 });
  });

  it('names the small copy as JPEG, and the thumbnail beside it', () => {
    expect(jpegName('屏幕截图.png')).toBe('屏幕截图.jpg');
    expect(jpegName('IMG_0001.JPG')).toBe('IMG_0001.jpg');
    expect(jpegName('.png')).toBe('.png.jpg');
    expect(jpegName('照片')).toBe('照片.jpg');
    expect(thumbName('工作照片2.jpg')).toBe('工作照片2-thumb.jpg');
  });
});

describe('an upload that a weak signal can finish', () => {
  it('allows the time the file needs at 20 kbit/s, plus 30 s: no fixed cut', () => {
    expect(uploadTimeoutMs(0)).toBe(30_000);
    // A photo made small (300 KB) gets about 2½ minutes; Taro H5 would have cut it at 60 s.
    expect(uploadTimeoutMs(300 * 1024)).toBe(30_000 + Math.ceil((300 * 1024 * 8 * 1000) / 20_000));
    expect(uploadTimeoutMs(300 * 1024)).toBeGreaterThan(120_000);
    // The original 5 MB photo would get over half an hour: it never has to go, but it could.
    expect(uploadTimeoutMs(5 * 1024 * 1024)).toBeGreaterThan(30 * 60_000);
    // Bigger files always get longer.
    expect(uploadTimeoutMs(2_000_001)).toBeGreaterThan(uploadTimeoutMs(2_000_000));
  });

  it('shows progress in whole percent, 99 at most until the server has answered', () => {
    expect(percentSent(0, 1000)).toBe(0);
    expect(percentSent(456, 1000)).toBe(45);
    expect(percentSent(1000, 1000)).toBe(99);
    expect(percentSent(10, 0)).toBe(0);
  });
});
