/**
 * Draws the tab bar icons (81×81 PNG, transparent) into src/assets/tab/: WeChat's tab bar needs
 * local image files, and these few shapes are easier to keep as code than as artwork.
 *   npx tsx scripts/make-tab-icons.ts
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { encodePng } from '../local/png';

const SIZE = 81;
type Shape = (x: number, y: number) => boolean;

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  return encodePng(SIZE, SIZE, (x, y) => {
    // 4×4 supersampling for smooth edges.
    let covered = 0;
    for (let sy = 0; sy < 4; sy += 1) {
      for (let sx = 0; sx < 4; sx += 1) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) covered += 1;
    }
    return [r, g, b, (covered / 16) * 255];
  });
}

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const disc =
  (cx: number, cy: number, radius: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
const any =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const ICONS: Record<string, Shape> = {
  tasks: any(
    disc(18, 22, 5),
    rect(30, 19, 66, 25),
    disc(18, 41, 5),
    rect(30, 38, 66, 44),
    disc(18, 60, 5),
    rect(30, 57, 66, 63),
  ),
  workbench: any(rect(12, 12, 37, 37), rect(44, 12, 69, 37), rect(12, 44, 37, 69), rect(44, 44, 69, 69)),
  me: any(disc(40.5, 28, 13), (x, y) => y >= 48 && y <= 70 && (x - 40.5) ** 2 / 28 ** 2 + (y - 70) ** 2 / 22 ** 2 <= 1),
};

const out = join(__dirname, '..', 'src', 'assets', 'tab');
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(join(out, `${name}.png`), png(shape, [0x8f, 0x95, 0x9e]));
  writeFileSync(join(out, `${name}-active.png`), png(shape, [0xb4, 0x28, 0x2d]));
}
console.log(`tab icons written to ${out}`);
