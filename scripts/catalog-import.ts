/**
 * npm run catalog:import -- <task list .txt or .docx> [--out data/catalog.json]
 * Writes the catalog only when the whole document reads cleanly.
 */
import { readFileSync, renameSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { CatalogImportError } from '../src/core/catalog/buildCatalog';
import { unresolvedPhrases, type Directory } from '../src/core/units';
import { catalogFromFile } from './lib/readCatalogSource';

async function main(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = resolve(outIndex >= 0 ? argv[outIndex + 1] : 'data/catalog.json');
  const input = argv.find((arg, index) => !arg.startsWith('--') && (outIndex < 0 || index !== outIndex + 1));
  if (!input) {
    console.error('用法：npm run catalog:import -- <任务清单.txt 或 .docx> [--out data/catalog.json]');
    return 2;
  }
  try {
    const catalog = await catalogFromFile(resolve(input));
    const temporary = `${out}.tmp-${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(catalog, null, 2)}\n`);
    renameSync(temporary, out);
    const level2 = catalog.indicators.reduce((count, indicator) => count + indicator.children.length, 0);
    console.log(
      `已导入 ${catalog.source.docNo}：${catalog.indicators.length} 个一级指标，${level2} 个二级指标，${catalog.items.length} 项任务 → ${out}`,
    );
    try {
      const directory = JSON.parse(readFileSync(resolve('data/units.json'), 'utf8')) as Directory;
      const unknown = unresolvedPhrases(catalog, directory);
      if (unknown.length > 0) console.warn(`注意：单位名录中还没有这些单位：${unknown.join('、')}`);
    } catch {
      // No directory yet: the catalog stands on its own.
    }
    return 0;
  } catch (error) {
    if (error instanceof CatalogImportError) {
      console.error(`导入失败，未写入任何文件。${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
