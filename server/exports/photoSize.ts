/** A photo's type and pixel size read from its own bytes, or null when they are not a PNG or JPEG we can read. */
export interface PhotoFacts {
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngFacts(bytes: Buffer): PhotoFacts | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Walks the JPEG segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC). */
function jpegFacts(bytes: Buffer): PhotoFacts | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or the scan: no frame header before it
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { type: 'jpg', height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

export function photoFacts(bytes: Buffer): PhotoFacts | null {
  const facts = pngFacts(bytes) ?? jpegFacts(bytes);
  return facts && facts.width > 0 && facts.height > 0 ? facts : null;
}

/** A thumbnail's size in pixels: `width` wide, no taller than `maxHeight`, in the photo's proportions. */
export function thumbnailSize(facts: PhotoFacts, width = 160, maxHeight = 200): { width: number; height: number } {
  const height = Math.round((width * facts.height) / facts.width);
  if (height <= maxHeight) return { width, height: Math.max(1, height) };
  return { width: Math.max(1, Math.round((maxHeight * facts.width) / facts.height)), height: maxHeight };
}
