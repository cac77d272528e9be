import { photoFacts, thumbnailSize } from '../../server/exports/photoSize';
import { makeJpeg, makePng } from '../support/sampleFiles';

/** A JPEG's start: SOI, an APP0 segment, then a baseline frame header (SOF0) of `width`×`height`. */
function jpegHeader(width: number, height: number, marker = 0xc0): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const frame = Buffer.alloc(19);
  frame.set([0xff, marker, 0x00, 0x11, 0x08]);
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, frame, Buffer.from([0xff, 0xd9])]);
}

describe('photo sizes for the report’s thumbnails', () => {
  it('reads a PNG’s and a JPEG’s pixel size from their bytes', () => {
    expect(photoFacts(makePng(40, 30))).toEqual({ type: 'png', width: 40, height: 30 });
    expect(photoFacts(jpegHeader(4032, 3024))).toEqual({ type: 'jpg', width: 4032, height: 3024 });
    expect(photoFacts(jpegHeader(800, 600, 0xc2))).toEqual({ type: 'jpg', width: 800, height: 600 });
  });

  it('gives up on what it cannot read', () => {
    expect(photoFacts(Buffer.from('not a picture'))).toBeNull();
    expect(photoFacts(makePng(40, 30).subarray(0, 20))).toBeNull();
    expect(photoFacts(makeJpeg())).toBeNull(); // no frame header before its scan
    expect(photoFacts(jpegHeader(0, 600))).toBeNull();
  });

  it('keeps the proportions, 160 px wide unless that makes it too tall', () => {
    expect(thumbnailSize({ type: 'jpg', width: 4032, height: 3024 })).toEqual({ width: 160, height: 120 });
    expect(thumbnailSize({ type: 'jpg', width: 3024, height: 4032 })).toEqual({ width: 150, height: 200 });
  });
});
