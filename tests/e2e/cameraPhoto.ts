import type { Browser } from 'playwright-core';

/**
 * A photo as a phone camera writes it: a 12-megapixel JPEG of a few megabytes, with sensor noise (so
 * that it does not compress to nothing) and an EXIF orientation tag. Drawn and encoded by Chromium's
 * own canvas, so no image library is needed; the EXIF segment is written here.
 *
 * The pixels are stored landscape (4000×3000 unless said) with a pure red square in their top-left
 * corner. With orientation 6 ("rotate 90° clockwise to show") the photo shows portrait, and the red
 * square shows in its top-right corner: what an upright copy must look like.
 */

export interface CameraPhotoOptions {
  width?: number;
  height?: number;
  /** EXIF orientation, 1–8 (6: the phone was held upright). */
  orientation?: number;
  /** The encoder's quality is raised until the file is at least this big. */
  minBytes?: number;
}

/** The red square's side, in stored pixels. */
export const MARKER_SIDE = 400;

/** An APP1 segment holding a minimal EXIF block: camera make and model, and the orientation. */
export function exifSegment(orientation: number): Buffer {
  const make = Buffer.from('Township Phone\0', 'latin1');
  const model = Buffer.from('Old Android 5\0', 'latin1');
  const entries = 3;
  const ifdStart = 8;
  const dataStart = ifdStart + 2 + entries * 12 + 4;
  const tiff = Buffer.alloc(dataStart + make.length + model.length);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifdStart, 4);
  tiff.writeUInt16BE(entries, ifdStart);
  const entry = (index: number, tag: number, type: number, count: number, value: (at: number) => void) => {
    const at = ifdStart + 2 + index * 12;
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    value(at + 8);
  };
  entry(0, 0x010f, 2, make.length, (at) => tiff.writeUInt32BE(dataStart, at));
  entry(1, 0x0110, 2, model.length, (at) => tiff.writeUInt32BE(dataStart + make.length, at));
  entry(2, 0x0112, 3, 1, (at) => tiff.writeUInt16BE(orientation, at));
  tiff.writeUInt32BE(0, ifdStart + 2 + entries * 12);
  make.copy(tiff, dataStart);
  model.copy(tiff, dataStart + make.length);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xffe1, 0);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** The JPEG with its JFIF header replaced by an EXIF one carrying `orientation`, as cameras write it. */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  if (jpeg.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG');
  let rest = jpeg.subarray(2);
  if (rest.readUInt16BE(0) === 0xffe0) rest = rest.subarray(2 + rest.readUInt16BE(2));
  return Buffer.concat([jpeg.subarray(0, 2), exifSegment(orientation), rest]);
}

/** The EXIF orientation of a JPEG (1 when it has none). */
export function exifOrientationOf(jpeg: Buffer): number {
  let at = 2;
  while (at + 4 < jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    if (marker === 0xffda) break;
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xffe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0') {
      const tiff = at + 10;
      const little = jpeg.toString('latin1', tiff, tiff + 2) === 'II';
      const u16 = (offset: number) => (little ? jpeg.readUInt16LE(offset) : jpeg.readUInt16BE(offset));
      const u32 = (offset: number) => (little ? jpeg.readUInt32LE(offset) : jpeg.readUInt32BE(offset));
      const ifd = tiff + u32(tiff + 4);
      for (let index = 0; index < u16(ifd); index += 1) {
        const entry = ifd + 2 + index * 12;
        if (u16(entry) === 0x0112) return u16(entry + 8);
      }
    }
    at += 2 + length;
  }
  return 1;
}

/** The pixel size a JPEG declares in its frame header. */
export function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at + 9 < jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no frame header');
}

/** Makes the photo in a blank page of `browser` (a few seconds for 12 megapixels). */
export async function makeCameraPhoto(browser: Browser, options: CameraPhotoOptions = {}): Promise<Buffer> {
  const { width = 4000, height = 3000, orientation = 6, minBytes = 5_000_000 } = options;
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(
      async ({ width, height, minBytes, marker }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        const sky = context.createLinearGradient(0, 0, 0, height * 0.55);
        sky.addColorStop(0, '#6fa3d8');
        sky.addColorStop(1, '#d9e6f2');
        context.fillStyle = sky;
        context.fillRect(0, 0, width, height);
        context.fillStyle = '#7d8a5a';
        context.fillRect(0, height * 0.55, width, height * 0.45);
        context.fillStyle = '#e3d9c6';
        context.fillRect(width * 0.2, height * 0.25, width * 0.6, height * 0.55);
        context.fillStyle = '#8c2b25';
        context.fillRect(width * 0.25, height * 0.3, width * 0.5, height * 0.08);
        for (let row = 0; row < 4; row += 1) {
          for (let column = 0; column < 8; column += 1) {
            context.fillStyle = (row + column) % 3 ? '#4b5d73' : '#9fb3c8';
            context.fillRect(
              width * (0.24 + column * 0.066),
              height * (0.45 + row * 0.08),
              width * 0.04,
              height * 0.05,
            );
          }
        }
        // Sensor noise, as a real photo has: what keeps a camera file big.
        const image = context.getImageData(0, 0, width, height);
        const data = image.data;
        let seed = 12345;
        for (let index = 0; index < data.length; index += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const noise = ((seed >> 8) % 41) - 20;
          data[index] += noise;
          data[index + 1] += noise + ((seed >> 3) % 9) - 4;
          data[index + 2] += noise;
        }
        context.putImageData(image, 0, 0);
        context.fillStyle = '#ff0000';
        context.fillRect(0, 0, marker, marker);
        let blob: Blob | null = null;
        for (const quality of [0.9, 0.94, 0.97, 0.99]) {
          blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
          if (blob && blob.size >= minBytes) break;
        }
        const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
        let text = '';
        for (let index = 0; index < bytes.length; index += 0x8000) {
          text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
        }
        return btoa(text);
      },
      { width, height, minBytes, marker: MARKER_SIDE },
    );
    return withExifOrientation(Buffer.from(base64, 'base64'), orientation);
  } finally {
    await page.close();
  }
}
