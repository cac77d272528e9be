import jsQR from 'jsqr';
import { qrMatrix, qrSvg } from '../../src/components/QrCode/qrSvg';

/** Paints the matrix as a phone camera would see it (4 px a module, a white border) and reads it back. */
function scan(matrix: boolean[][]): string | null {
  const scale = 4;
  const border = 4;
  const size = (matrix.length + border * 2) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  matrix.forEach((cells, row) =>
    cells.forEach((dark, col) => {
      if (!dark) return;
      for (let y = 0; y < scale; y += 1) {
        for (let x = 0; x < scale; x += 1) {
          const offset = (((row + border) * scale + y) * size + (col + border) * scale + x) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
    }),
  );
  return jsQR(pixels, size, size)?.data ?? null;
}

describe('the QR code of a bind link', () => {
  const link = 'http://127.0.0.1:10086/#/pages/me/index?invite=PHTCFJF7';

  it('scans back to the link', () => {
    expect(scan(qrMatrix(link))).toBe(link);
  });

  it('is an SVG of one path with the quiet zone scanners need', () => {
    const size = qrMatrix(link).length;
    const svg = qrSvg(link);
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    expect(svg.match(/<path /g)).toHaveLength(1);
    // the top-left finder pattern starts just inside the quiet zone
    expect(svg).toContain('M4 4h1v1h-1z');
  });
});
