import { isMonthDay } from '../dates';
import type { Directory } from '../units';
import { readDeadlinePhrase } from './deadlinePhrase';
import { deriveSchedule } from './deriveSchedule';
import { proposeGuidance } from './guidance';
import { CatalogImportError, lineLabel } from './importError';
import { readParagraphs, type SourceLine } from './readParagraphs';
import { readTable } from './readTable';
import { readTextExport } from './readTextExport';
import { resolvePhrase, type PhraseMap } from './resolveUnits';
import { shortTitle, type RawItem, type Structure } from './structure';
import type { Catalog, CatalogItem, CatalogSource, IndicatorLevel1, RawDocument } from './types';
import { closeOpenList, trailingUnits } from './unitClauses';
import { splitUnitPhrases } from './unitPhrases';

/**
 * A task list as the importer receives it: the text export (a table export with tab-led cells,
 * or plain paragraphs), the paragraphs of a .docx (one string each), or a table read from a .docx.
 */
export type CatalogInput = string | readonly string[] | RawDocument;

export interface PreviewOptions {
  /** The unit directory to resolve unit phrases against; without it phrases are left as written. */
  directory?: Directory;
  /** MM-DD for items without a date; defaults to the directory's, else 12-31. */
  defaultDueDate?: string;
  /** Phrase → unit ids the admin chose, applied before the directory. */
  phraseMap?: PhraseMap;
}

/** Something the admin must decide (blocking) or should know (not blocking) before publishing. */
export interface CatalogProblem {
  /** `第12项`, or `全文` for the document as a whole. */
  where: string;
  /** Plain Chinese: what is missing or could not be resolved, and what to do. */
  message: string;
  /** Whether the list cannot be published until this is resolved. */
  blocking: boolean;
  itemNo?: number;
  /** Where in the source (a line of a text export, a row of a .docx table, a paragraph). */
  line?: number;
  /** The unit phrase the problem is about, so a choice can be remembered for it. */
  phrase?: string;
}

/** Unit ids a draft item's phrases stand for, when a directory was given. */
export interface ResolvedUnits {
  lead: string[];
  responsible: string[];
}

export interface DraftItem extends CatalogItem {
  /** A first 佐证材料要求 proposed from the text (draft only: not part of the catalog). */
  guidance?: string;
  resolved?: ResolvedUnits;
}

export interface CatalogDraft {
  source: CatalogSource;
  indicators: IndicatorLevel1[];
  items: DraftItem[];
}

export interface CatalogPreview {
  draft: CatalogDraft;
  problems: CatalogProblem[];
}

function monthDayWords(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  return `${month}月${day}日`;
}

function structureOf(input: CatalogInput): Structure {
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    if (/^\t/m.test(text)) return readTable(readTextExport(text));
    const lines: SourceLine[] = text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1 }));
    return readParagraphs(lines, 'text');
  }
  if (Array.isArray(input)) {
    const paragraphs = input as readonly string[];
    return readParagraphs(
      paragraphs.map((text, index) => ({ text, line: index + 1 })),
      'paragraphs',
    );
  }
  return readTable(input as RawDocument);
}

interface Phrases {
  text: string;
  lead: string[];
  responsible: string[];
  cooperating: string[];
  deadline: string | null;
}

function phrasesOf(raw: RawItem): Phrases {
  const stated = raw.lead !== null || raw.responsible !== null || raw.cooperating !== null;
  const fromBracket = stated && (raw.lead || raw.responsible || raw.cooperating) ? null : trailingUnits(raw.text);
  if (fromBracket) {
    return { ...fromBracket, deadline: raw.deadline?.trim() ? raw.deadline : fromBracket.deadline };
  }
  return {
    text: raw.text,
    lead: splitUnitPhrases(raw.lead ?? ''),
    responsible: splitUnitPhrases(raw.responsible ?? ''),
    cooperating: splitUnitPhrases(raw.cooperating ?? ''),
    deadline: raw.deadline,
  };
}

class ItemProblems {
  constructor(
    private readonly problems: CatalogProblem[],
    private readonly raw: RawItem,
  ) {}

  add(message: string, blocking: boolean, phrase?: string): void {
    this.problems.push({
      where: `第${this.raw.no}项`,
      message,
      blocking,
      itemNo: this.raw.no,
      line: this.raw.line,
      ...(phrase !== undefined ? { phrase } : {}),
    });
  }
}

const ROLE_WORDS = { lead: '牵头单位', responsible: '责任单位', cooperating: '配合单位' } as const;

/**
 * Reads a task list in any of the shapes districts write it in, and says what it could not
 * resolve: nothing is stored. Throws `CatalogImportError` (with the line) only where the document
 * cannot be read as a list at all: no items, a broken table, numbers out of order.
 */
export function previewCatalog(input: CatalogInput, options: PreviewOptions = {}): CatalogPreview {
  const structure = structureOf(input);
  const { directory, phraseMap = {} } = options;
  const defaultDueDate = [options.defaultDueDate, directory?.district.defaultDueDate].find(isMonthDay) ?? '12-31';
  const problems: CatalogProblem[] = structure.notices.map((notice) => ({ ...notice, blocking: false }));

  const items = structure.items.map((raw): DraftItem => {
    const report = new ItemProblems(problems, raw);
    const phrases = phrasesOf(raw);
    const resolved: ResolvedUnits = { lead: [], responsible: [] };

    const settle = (role: keyof typeof ROLE_WORDS, written: string[]): string[] => {
      const { phrases: closed, open } = closeOpenList(written);
      if (open) {
        report.add(`${ROLE_WORDS[role]}“${written.join('、')}”以“等”结尾，可能还有别的单位：请核对是否需要补充`, false);
      }
      if (!directory) return closed;
      return closed.map((phrase) => {
        const resolution = resolvePhrase(phrase, directory, phraseMap);
        const target = role === 'lead' ? resolved.lead : resolved.responsible;
        switch (resolution.kind) {
          case 'mapped':
            target.push(...resolution.unitIds);
            for (const id of resolution.unknownIds) {
              report.add(`为“${phrase}”选择的单位（编号 ${id}）不在单位名录中：请重新选择`, true, phrase);
            }
            return phrase;
          case 'directory':
            target.push(...resolution.unitIds);
            return phrase;
          case 'respelled':
            target.push(...resolution.unitIds);
            report.add(`${ROLE_WORDS[role]}“${phrase}”按单位名录中的“${resolution.spelling}”处理`, false, phrase);
            return resolution.spelling;
          case 'unknown':
            report.add(
              `${ROLE_WORDS[role]}“${phrase}”在单位名录中找不到：请选择它指的是哪些单位（选一次即记住）`,
              true,
              phrase,
            );
            return phrase;
        }
      });
    };

    const leadUnits = settle('lead', phrases.lead);
    const responsible = settle('responsible', phrases.responsible);
    const cooperating = settle('cooperating', phrases.cooperating);
    if (leadUnits.length === 0 && responsible.length + cooperating.length === 0) {
      report.add('没有写牵头单位和责任单位：请选择由哪些单位承担，并指定牵头单位', true);
    } else if (leadUnits.length === 0) {
      report.add('只写了责任单位，没有牵头单位：请指定一个牵头单位（由它审核各单位报送的材料）', true);
    }

    const deadline = phrases.deadline?.trim() ? phrases.deadline.trim() : undefined;
    const schedule = deriveSchedule(phrases.text, deadline);
    if (deadline) {
      const reading = readDeadlinePhrase(deadline);
      if (!reading.understood) {
        report.add(`完成时限“${deadline}”无法识别为日期：请设定完成日期`, true);
      } else if (reading.kinds.includes('openEnded') && schedule.defaultAnnual && !reading.target) {
        report.add(
          `完成时限“${deadline}”没有具体日期：按本区默认日期，每年${monthDayWords(defaultDueDate)}前报送一次落实情况`,
          false,
        );
      }
    }

    const item: DraftItem = {
      no: raw.no,
      level1: raw.level1,
      level2: raw.level2,
      text: phrases.text,
      title: shortTitle(phrases.text),
      leadUnits,
      responsibleUnits: [...responsible, ...cooperating],
      schedule,
    };
    if (deadline) item.deadline = deadline;
    if (cooperating.length > 0) item.cooperatingUnits = cooperating;
    const guidance = proposeGuidance(phrases.text, schedule);
    if (guidance) item.guidance = guidance;
    if (directory) {
      item.resolved = { lead: [...new Set(resolved.lead)], responsible: [...new Set(resolved.responsible)] };
    }
    return item;
  });

  return { draft: { source: structure.source, indicators: structure.indicators, items }, problems };
}

export function blockingProblems(preview: CatalogPreview): CatalogProblem[] {
  return preview.problems.filter((problem) => problem.blocking);
}

/** The catalog a draft makes: draft-only fields (guidance proposals, resolved ids) left out. */
export function catalogOfDraft(draft: CatalogDraft): Catalog {
  return {
    source: draft.source,
    indicators: draft.indicators,
    items: draft.items.map((item) => {
      const { guidance: _guidance, resolved: _resolved, ...catalogItem } = item;
      return catalogItem;
    }),
  };
}

/**
 * The catalog to write out where the admin mapped phrases the directory does not know (`各乡镇`):
 * each such phrase is replaced by the names of the units chosen for it, so that the catalog
 * resolves against the directory as it stands.
 */
export function catalogWithMappedPhrases(draft: CatalogDraft, directory: Directory, phraseMap: PhraseMap): Catalog {
  const names = new Map(directory.units.map((unit) => [unit.id, unit.name]));
  const respell = (phrases: string[]) => {
    const written = phrases.flatMap((phrase) => {
      const mapped = Object.prototype.hasOwnProperty.call(phraseMap, phrase);
      if (!mapped || resolvePhrase(phrase, directory).kind !== 'unknown') return [phrase];
      return phraseMap[phrase].flatMap((id) => (names.has(id) ? [names.get(id) as string] : []));
    });
    return [...new Set(written)];
  };
  const catalog = catalogOfDraft(draft);
  return {
    ...catalog,
    items: catalog.items.map((item) => ({
      ...item,
      leadUnits: respell(item.leadUnits),
      responsibleUnits: respell(item.responsibleUnits),
      ...(item.cooperatingUnits ? { cooperatingUnits: respell(item.cooperatingUnits) } : {}),
    })),
  };
}

/** The catalog, or `CatalogImportError` for the first blocking problem (with its line). */
export function catalogFromPreview(preview: CatalogPreview, format: 'text' | 'docx' | 'paragraphs' = 'text'): Catalog {
  const [first] = blockingProblems(preview);
  if (first) {
    const at = first.line !== undefined ? `${lineLabel(format, first.line)}：` : '';
    throw new CatalogImportError(`${at}${first.where}${first.message}`, first.line ?? null);
  }
  return catalogOfDraft(preview.draft);
}

/** The source format of an input, for naming its lines in messages. */
export function formatOf(input: CatalogInput): 'text' | 'docx' | 'paragraphs' {
  if (typeof input === 'string') return 'text';
  if (Array.isArray(input)) return 'paragraphs';
  return (input as RawDocument).format;
}
