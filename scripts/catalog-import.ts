/**
 * npm run catalog:import -- <task list .txt or .docx> [--preview] [--out data/catalog.json]
 *                           [--units data/units.json] [--phrase-map phrases.json]
 *
 * --preview prints { draft, problems } as JSON and writes nothing. Without it the catalog is
 * written only when the whole document reads cleanly and nothing blocking is left (an unknown
 * unit, an item without a lead unit, a deadline it cannot read).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { CatalogImportError } from '../src/core/catalog/buildCatalog';
import {
  blockingProblems,
  catalogOfDraft,
  catalogWithMappedPhrases,
  type PreviewOptions,
} from '../src/core/catalog/preview';
import type { PhraseMap } from '../src/core/catalog/resolveUnits';
import type { Directory } from '../src/core/units';
import { previewFromFile } from './lib/readCatalogSource';

const USAGE =
  '用法：npm run catalog:import -- <任务清单.txt 或 .docx> [--preview] [--out data/catalog.json] [--units data/units.json] [--phrase-map 对应关系.json]';
const VALUE_OPTIONS = ['--out', '--units', '--phrase-map'];

interface Arguments {
  input: string | undefined;
  preview: boolean;
  out: string;
  units: string | null;
  phraseMap: string | null;
}

function parseArguments(argv: string[]): Arguments {
  const value = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? (argv[at + 1] ?? null) : null;
  };
  const input = argv.find((arg, index) => !arg.startsWith('--') && !VALUE_OPTIONS.includes(argv[index - 1] ?? ''));
  return {
    input,
    preview: argv.includes('--preview'),
    out: resolve(value('--out') ?? 'data/catalog.json'),
    units: value('--units'),
    phraseMap: value('--phrase-map'),
  };
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArguments(argv);
  if (!args.input) {
    console.error(USAGE);
    return 2;
  }
  const options: PreviewOptions = {};
  const unitsPath = resolve(args.units ?? 'data/units.json');
  if (existsSync(unitsPath)) options.directory = readJson<Directory>(unitsPath);
  else if (args.units) {
    console.error(`找不到单位名录 ${unitsPath}`);
    return 2;
  }
  if (args.phraseMap) options.phraseMap = readJson<PhraseMap>(resolve(args.phraseMap));

  try {
    const preview = await previewFromFile(resolve(args.input), options);
    if (args.preview) {
      process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
      return 0;
    }
    const blocking = blockingProblems(preview);
    if (blocking.length > 0) {
      console.error(
        `导入失败，未写入任何文件。有 ${blocking.length} 个问题需要先解决（加 --preview 可看草稿和全部提示）：`,
      );
      for (const problem of blocking) console.error(`  ${problem.where}：${problem.message}`);
      if (blocking.some((problem) => problem.phrase !== undefined)) {
        console.error(
          '单位的写法可在单位名录（data/units.json）中加为单位的简称（aliases）或单位组（groups），或用 --phrase-map 指定。',
        );
      }
      return 1;
    }
    // Phrases mapped with --phrase-map are written as the names of the units chosen for them.
    const catalog =
      options.directory && options.phraseMap
        ? catalogWithMappedPhrases(preview.draft, options.directory, options.phraseMap)
        : catalogOfDraft(preview.draft);
    const temporary = `${args.out}.tmp-${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(catalog, null, 2)}\n`);
    renameSync(temporary, args.out);
    const level2 = catalog.indicators.reduce((count, indicator) => count + indicator.children.length, 0);
    const name = catalog.source.docNo || catalog.source.title || args.input;
    console.log(
      `已导入 ${name}：${catalog.indicators.length} 个一级指标，${level2} 个二级指标，${catalog.items.length} 项任务 → ${args.out}`,
    );
    for (const problem of preview.problems) console.warn(`注意：${problem.where}：${problem.message}`);
    if (!options.directory) console.warn('注意：没有单位名录，未核对单位名称。');
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
