import { encodePng } from '../png';

/** A small picture standing in for a photo: a sky, a building and a banner in the given colour. */
export function demoPhoto(hue: [number, number, number], width = 240, height = 160): Buffer {
  return encodePng(width, height, (x, y) => {
    let pixel: [number, number, number] = [200 - y / 2, 220 - y / 3, 245];
    if (y > height * 0.45) pixel = [150, 150, 140];
    if (x > width * 0.2 && x < width * 0.8 && y > height * 0.25 && y < height * 0.9) pixel = [225, 215, 200];
    if (x > width * 0.25 && x < width * 0.75 && y > height * 0.3 && y < height * 0.42) pixel = hue;
    return [...pixel, 255];
  });
}

/** A one-page PDF document (a meeting record stand-in). */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
