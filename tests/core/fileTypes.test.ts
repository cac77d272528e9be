import { DomainError } from '../../src/core/errors';
import { checkUpload, detectFileType, sniffFileType } from '../../src/core/files/sniff';
import { FILE_TYPES, MAX_UPLOAD_BYTES, safeFileName, UPLOAD_MESSAGES } from '../../src/core/files/uploadPolicy';
import {
  makeDoc,
  makeDocx,
  makeExe,
  makeJpeg,
  makeOle,
  makePdf,
  makePng,
  makeXls,
  makeXlsx,
  makeZip,
} from '../support/sampleFiles';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('detectFileType', () => {
  it('knows every allowed type by its bytes', async () => {
    expect(detectFileType(makeJpeg())).toEqual(FILE_TYPES.jpeg);
    expect(detectFileType(makePng())).toEqual(FILE_TYPES.png);
    expect(detectFileType(makePdf())).toEqual(FILE_TYPES.pdf);
    expect(detectFileType(await makeDocx())).toEqual(FILE_TYPES.docx);
    expect(detectFileType(makeXlsx())).toEqual(FILE_TYPES.xlsx);
    expect(detectFileType(makeDoc())).toEqual(FILE_TYPES.doc);
    expect(detectFileType(makeXls())).toEqual(FILE_TYPES.xls);
  });

  it('gives mime, extension, kind and a Chinese label', () => {
    expect(detectFileType(makePng())).toEqual({ mime: 'image/png', ext: 'png', kind: 'image', label: 'PNG 图片' });
    expect(detectFileType(makeJpeg())).toMatchObject({ mime: 'image/jpeg', ext: 'jpg', kind: 'image' });
    expect(detectFileType(makeXlsx())).toMatchObject({ ext: 'xlsx', kind: 'document', label: 'Excel 表格' });
  });

  it('works on a plain Uint8Array, not only a Buffer', () => {
    expect(detectFileType(new Uint8Array(makePng()))).toEqual(FILE_TYPES.png);
  });

  it('refuses what is none of them', () => {
    expect(detectFileType(makeExe())).toBeNull();
    expect(detectFileType(new TextEncoder().encode('just some text, not a picture'))).toBeNull();
    expect(detectFileType(new Uint8Array(0))).toBeNull();
    expect(detectFileType(Uint8Array.of(0xff, 0xd8))).toBeNull();
    // A zip that is no Office document, and a compound file that is neither Word nor Excel.
    expect(detectFileType(makeZip([{ name: 'notes.txt', content: 'hello' }]))).toBeNull();
    expect(
      detectFileType(
        makeOle([
          { name: 'Root Entry', type: 5, child: 1 },
          { name: 'PowerPoint Document', type: 2 },
        ]),
      ),
    ).toBeNull();
  });

  it('tells Excel with an embedded Word object from Word: by the root streams only', () => {
    const xlsWithEmbeddedDoc = makeOle([
      { name: 'Root Entry', type: 5, child: 1 },
      { name: 'Workbook', type: 2, right: 2 },
      { name: 'MBD0001', type: 1, child: 3 },
      { name: 'WordDocument', type: 2 },
    ]);
    expect(detectFileType(xlsWithEmbeddedDoc)).toEqual(FILE_TYPES.xls);
    expect(
      detectFileType(
        makeOle([
          { name: 'Root Entry', type: 5, child: 1 },
          { name: 'Book', type: 2 },
        ]),
      ),
    ).toEqual(FILE_TYPES.xls);
  });

  it('accepts bytes after the end of a JPEG (camera trailers) but not a JPEG without its end', () => {
    const jpeg = makeJpeg();
    expect(detectFileType(Buffer.concat([jpeg, Buffer.from('trailer')]))).toEqual(FILE_TYPES.jpeg);
    // The EXIF thumbnail's own FF D9 does not make a cut-off photo complete.
    const cut = jpeg.subarray(0, jpeg.length - 2);
    expect(cut.includes(Buffer.of(0xff, 0xd9))).toBe(true);
    expect(sniffFileType(cut)).toEqual({ type: FILE_TYPES.jpeg, truncated: true });
    expect(sniffFileType(jpeg.subarray(0, 30))).toEqual({ type: FILE_TYPES.jpeg, truncated: true });
  });

  it('finds every kind of truncation', async () => {
    const half = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2));
    const png = makePng(40, 40);
    expect(sniffFileType(half(png))).toEqual({ type: FILE_TYPES.png, truncated: true });
    expect(sniffFileType(png.subarray(0, png.length - 12))).toEqual({ type: FILE_TYPES.png, truncated: true });
    expect(sniffFileType(half(makePdf()))).toEqual({ type: FILE_TYPES.pdf, truncated: true });
    expect(sniffFileType(half(await makeDocx()))).toEqual({ type: FILE_TYPES.docx, truncated: true });
    expect(sniffFileType(half(makeXlsx()))).toEqual({ type: FILE_TYPES.xlsx, truncated: true });
    const doc = makeDoc();
    expect(sniffFileType(doc.subarray(0, doc.length - 100))).toEqual({ type: FILE_TYPES.doc, truncated: true });
    expect(detectFileType(half(png))).toBeNull();
  });

  it('wants %%EOF in the last kilobyte of a PDF', () => {
    const pdf = makePdf();
    expect(detectFileType(Buffer.concat([pdf, Buffer.alloc(900, 0x20)]))).toEqual(FILE_TYPES.pdf);
    expect(sniffFileType(Buffer.concat([pdf, Buffer.alloc(2000, 0x20)]))?.truncated).toBe(true);
  });
});

describe('checkUpload', () => {
  it('returns the detected type and the name made safe', () => {
    expect(checkUpload(makePng(), '现场照片.png')).toEqual({ mime: 'image/png', ext: 'png', name: '现场照片.png' });
    expect(checkUpload(makeJpeg(), 'IMG_0001.JPEG')).toEqual({ mime: 'image/jpeg', ext: 'jpg', name: 'IMG_0001.JPEG' });
  });

  it('refuses an empty file', () => {
    const error = refusal(() => checkUpload(new Uint8Array(0), 'a.png'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('文件是空的（0 字节），请重新选择');
  });

  it('refuses a file over 20 MB, and takes one of exactly 20 MB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    const big = Buffer.alloc(21 * 1024 * 1024);
    makePng().copy(big);
    expect(refusal(() => checkUpload(big, 'big.png')).message).toBe('文件超过 20 MB，请压缩后再传');
    const justOver = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    expect(refusal(() => checkUpload(justOver, 'x.pdf')).message).toBe(UPLOAD_MESSAGES.tooLarge);
    const pdf = makePdf();
    const exactly = Buffer.alloc(MAX_UPLOAD_BYTES, 0x20);
    pdf.copy(exactly);
    exactly.write('%%EOF\n', MAX_UPLOAD_BYTES - 6, 'latin1');
    expect(checkUpload(exactly, 'scan.pdf').mime).toBe('application/pdf');
  });

  it('refuses an executable renamed .jpg, whatever it claims', () => {
    const error = refusal(() => checkUpload(makeExe(), 'photo.jpg'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('只能上传照片（JPG、PNG）、PDF、Word 或 Excel 文件');
  });

  it('refuses a truncated PNG', () => {
    const png = makePng(40, 40);
    const error = refusal(() => checkUpload(png.subarray(0, png.length - 20), 'photo.png'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toBe('文件不完整，可能没有传完，请重新上传');
  });

  it('strips directory parts from the name', () => {
    expect(checkUpload(makePng(), '../../etc/passwd.png').name).toBe('passwd.png');
    expect(checkUpload(makePng(), '..\\..\\Windows\\photo.png').name).toBe('photo.png');
    expect(checkUpload(makePng(), 'C:\\Users\\张三\\Desktop\\现场.png').name).toBe('现场.png');
    expect(checkUpload(makePng(), '..').name).toBe('文件.png');
    expect(checkUpload(makePng(), '').name).toBe('文件.png');
  });

  it('fixes the extension to the detected type and keeps the base name', async () => {
    expect(checkUpload(makePng(), 'photo.jpg').name).toBe('photo.png');
    expect(checkUpload(makePdf(), '扫描件').name).toBe('扫描件.pdf');
    expect(checkUpload(await makeDocx(), '2025年度报告.doc').name).toBe('2025年度报告.docx');
    expect(checkUpload(makeXls(), '台账.xlsx').name).toBe('台账.xls');
    expect(checkUpload(makeJpeg(), '.jpg').name).toBe('文件.jpg');
  });

  it('removes control and bidi-override characters', () => {
    expect(checkUpload(makePng(), 'a\u0000b\r\nc\u0007.png').name).toBe('abc.png');
    // "photo\u202Egnp.exe" would display as "photoexe.png".
    expect(checkUpload(makePng(), 'photo\u202egnp.exe').name).toBe('photognp.png');
  });

  it('keeps names to 80 characters, with the extension, without splitting characters', () => {
    const name = checkUpload(makePng(), `${'很长的文件名'.repeat(30)}.png`).name;
    expect(Array.from(name)).toHaveLength(80);
    expect(name.endsWith('.png')).toBe(true);
    const emoji = checkUpload(makePdf(), `${'📄'.repeat(100)}.pdf`).name;
    expect(Array.from(emoji)).toHaveLength(80);
    expect(emoji).toBe(`${'📄'.repeat(76)}.pdf`);
  });
});

describe('safeFileName without an extension to enforce', () => {
  it('only cleans the name', () => {
    expect(safeFileName('exports/2025 完成情况.xlsx')).toBe('2025 完成情况.xlsx');
    expect(safeFileName('   ')).toBe('文件');
  });
});
