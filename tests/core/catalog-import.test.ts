import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildCatalog, CatalogImportError } from '../../src/core/catalog/buildCatalog';
import { readTextExport } from '../../src/core/catalog/readTextExport';
import type { Catalog } from '../../src/core/catalog/types';
import { expandPhrase } from '../../src/core/units';
import { catalogFromBuffer } from '../../scripts/lib/readCatalogSource';
import { docxFromTextExport } from '../support/docx';
import { loadCatalog, loadDirectory, referenceText, REFERENCE_PATH, ROOT } from '../support/fixtures';

function importText(text: string): Catalog {
  return buildCatalog(readTextExport(text));
}

/** The 1-based line where the table row holding the `occurrence`-th `cellLine` starts. */
function rowStartLine(text: string, cellLine: string, occurrence = 1): number {
  const lines = text.split('\n');
  let index = -1;
  for (let seen = 0; seen < occurrence; seen += 1) index = lines.indexOf(cellLine, index + 1);
  if (index < 0) throw new Error(`line not found: ${cellLine}`);
  const isBlank = (line: string) => !line.startsWith('\t') && line.trim() === '';
  while (index > 0 && !isBlank(lines[index - 1])) index -= 1;
  return index + 1;
}

function importError(text: string): CatalogImportError {
  try {
    importText(text);
  } catch (error) {
    if (error instanceof CatalogImportError) return error;
    throw error;
  }
  throw new Error('the import accepted malformed input');
}

describe('importing the official task list (text export)', () => {
  const catalog = importText(referenceText());

  it('finds 6 一级指标, 24 二级指标 and items 1 to 41 in order', () => {
    expect(catalog.indicators).toHaveLength(6);
    expect(catalog.indicators.flatMap((indicator) => indicator.children)).toHaveLength(24);
    expect(catalog.items.map((item) => item.no)).toEqual(Array.from({ length: 41 }, (_, index) => index + 1));
    expect(catalog.indicators.map((indicator) => indicator.name)).toEqual([
      '坚持党对法治政府建设的领导',
      '推进依法行政制度建设',
      '推进行政执法规范化建设',
      '推进行政执法监督体系建设',
      '推进依法行政基层基础建设',
      '推进依法行政能力建设',
    ]);
  });

  it('reads the document number, title and date', () => {
    expect(catalog.source).toEqual({
      title: '昌江区进一步推进法治政府建设任务清单',
      docNo: '昌府办字〔2024〕45号',
      issuedDate: '2024-10-22',
    });
  });

  it('places every item under its indicator path', () => {
    const item33 = catalog.items[32];
    expect([item33.level1, item33.level2]).toEqual([6, 21]);
    const level2 = catalog.indicators[5].children.find((child) => child.no === 21);
    expect(level2?.label).toBe('（二十一）完善领导干部学法制度');
    expect(level2?.items).toEqual([33, 34, 35]);
    expect(catalog.indicators[1].children.map((child) => child.no)).toEqual([5, 6, 7, 8]);
    expect(catalog.indicators[0].children.flatMap((child) => child.items)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the official text exactly as written', () => {
    const line = referenceText()
      .split('\n')
      .find((candidate) => candidate.startsWith('\t每年3月1日前'));
    expect(catalog.items[0].text).toBe(line?.slice(1));
    expect(catalog.items[40].text).toContain('满意率达到 90%以上');
  });

  it('copes with the quirks of the source', () => {
    const byNo = (no: number) => catalog.items[no - 1];
    expect(byNo(26).responsibleUnits).toEqual(['区政府各部门', '各乡（镇）街道']);
    expect(byNo(41).no).toBe(41);
    expect(byNo(40).leadUnits).toEqual(['区司法局']);
    expect(byNo(22).text.startsWith('加强行政复议与行政诉讼')).toBe(true);
    expect(byNo(33).leadUnits).toEqual(['区政府办公室', '区司法局']);
    expect(byNo(35).responsibleUnits).toEqual(['区政府办', '区政府各部门', '各乡（镇）街道']);
    expect(expandPhrase('区政府办', loadDirectory()).map((unit) => unit.name)).toEqual(['区政府办公室']);
  });

  it('splits lead and responsible units into phrases', () => {
    expect(catalog.items[16].leadUnits).toEqual(['区司法局', '区市场监管局', '区政务局', '区发改委']);
    expect(catalog.items[19].responsibleUnits).toEqual(['区委编办', '区政府各行政执法部门', '各乡（镇）街道']);
    expect(catalog.items[29].responsibleUnits).toEqual(['区财政局', '区人社局', '各乡（镇）街道']);
  });

  it('is what data/catalog.json holds, so the two never drift', () => {
    expect(loadCatalog()).toEqual(catalog);
  });
});

describe('importing the same list as a .docx', () => {
  it('gives the same catalog as the text export', async () => {
    const docx = await docxFromTextExport(referenceText());
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    expect(await catalogFromBuffer(docx)).toEqual(importText(referenceText()));
  });

  it('reads vertically merged indicator cells as the real document has them', async () => {
    const docx = await docxFromTextExport(referenceText(), { mergeIndicators: true });
    expect(await catalogFromBuffer(docx)).toEqual(importText(referenceText()));
  });
});

describe('malformed input', () => {
  const text = referenceText();

  it('names the line of a row missing a column', () => {
    const broken = text.replace(/(\t5 \n\t积极参与[^\n]*\n)\t区司法局\n/, '$1');
    expect(broken).not.toBe(text);
    const error = importError(broken);
    expect(error.message).toContain(`第${rowStartLine(broken, '\t5 ')}行`);
    expect(error.message).toContain('第5项有5列');
  });

  it('names the line of a repeated number', () => {
    const broken = text.replace('\t6 \n', '\t5 \n');
    const error = importError(broken);
    expect(error.message).toContain(`第${rowStartLine(broken, '\t5 ', 2)}行`);
    expect(error.message).toContain('序号5重复');
  });

  it('names the line where a number is skipped', () => {
    const broken = text.replace('\t7 \n', '\t8 \n').replace(/\t8 \n(\t实行行政规范性文件)/, '\t9 \n$1');
    const error = importError(broken);
    expect(error.message).toContain('序号跳过：应为第7项，实际为第8项');
    expect(error.line).toBe(rowStartLine(broken, '\t8 '));
  });

  it('refuses a document without the table header', () => {
    expect(() => importText('昌江区\n\n\t1 \n\t内容\n')).toThrow(CatalogImportError);
  });
});

describe('npm run catalog:import', () => {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const script = join(ROOT, 'scripts', 'catalog-import.ts');

  it('writes the catalog from the reference file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'catalog-')), 'catalog.json');
    const result = spawnSync(tsx, [script, REFERENCE_PATH, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('41 项任务');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(loadCatalog());
  });

  it('writes nothing when the input is malformed, and says which line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const input = join(dir, 'broken.txt');
    const out = join(dir, 'catalog.json');
    writeFileSync(input, referenceText().replace('\t6 \n', '\t5 \n'));
    writeFileSync(out, 'previous catalog');
    const result = spawnSync(tsx, [script, input, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/第\d+行：序号5重复/);
    expect(readFileSync(out, 'utf8')).toBe('previous catalog');
    expect(existsSync(join(dir, 'catalog.json.tmp'))).toBe(false);
  });
});
