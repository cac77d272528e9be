import qrcode from 'qrcode-generator';

/** The dark and light modules of the QR code for `text` (error correction M: survives a smudged screen). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/**
 * The QR code as an SVG document: one path of unit squares on white, with the 4-module quiet zone
 * scanners need. No canvas, so it draws the same in the H5 app and a mini-program image.
 */
export function qrSvg(text: string, quietZone = 4): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + quietZone * 2;
  let path = '';
  matrix.forEach((cells, row) => {
    cells.forEach((dark, col) => {
      if (dark) path += `M${col + quietZone} ${row + quietZone}h1v1h-1z`;
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size * 8}" height="${size * 8}" viewBox="0 0 ${size} ${size}" ` +
    'shape-rendering="crispEdges">' +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}

/** The QR code as a data URI for an <Image>. */
export function qrDataUri(text: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`;
}
