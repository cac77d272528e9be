import { readDeadlinePhrase } from './deadlinePhrase';
import { splitUnitPhrases } from './unitPhrases';

type Field = 'lead' | 'responsible' | 'cooperating' | 'deadline';

const LABEL_WORDS: Array<[Field, string]> = [
  ['lead', '牵头单位|牵头部门|牵头领导单位'],
  ['responsible', '责任单位|责任部门|承办单位|实施单位|责任主体'],
  ['cooperating', '配合单位|配合部门|协办单位|参与单位'],
  ['deadline', '完成时限|完成时间|时限要求|时间要求|完成期限'],
];
const ANY_LABEL = LABEL_WORDS.map(([, words]) => words).join('|');

const OPENING = '（(';
const CLOSING = '）)';

/**
 * Where the first labelled value of a line starts, outside brackets (a `牵头单位：` inside the
 * units bracket that ends an item belongs to that bracket); -1 when there is none.
 */
export function labelOutsideBrackets(text: string): number {
  const pattern = new RegExp(`(?:${ANY_LABEL})\\s*[：:]`, 'g');
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(0, match.index ?? 0);
    let depth = 0;
    for (const char of before) {
      if (OPENING.includes(char)) depth += 1;
      if (CLOSING.includes(char) && depth > 0) depth -= 1;
    }
    if (depth === 0) return match.index ?? 0;
  }
  return -1;
}

function fieldOf(label: string): Field {
  return LABEL_WORDS.find(([, words]) => new RegExp(`^(?:${words})$`).test(label))?.[0] ?? 'responsible';
}

/** `牵头单位：区司法局  责任单位：各乡镇；完成时限：长期坚持` → each label's value. */
export function labelledValues(text: string): Array<{ field: Field; value: string }> {
  const pattern = new RegExp(`(${ANY_LABEL})\\s*[：:]`, 'g');
  const found = [...text.matchAll(pattern)];
  return found.map((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[index + 1]?.index ?? text.length;
    const value = text
      .slice(start, end)
      .replace(/^[\s\u3000]+/, '')
      .replace(/[\s\u3000；;，,。]+$/, '');
    return { field: fieldOf(match[1]), value };
  });
}

/** Splits at separators outside brackets: `区市场监管局（区知识产权局）、高新区（管委会）牵头，…`. */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (OPENING.includes(char)) depth += 1;
    if (CLOSING.includes(char) && depth > 0) depth -= 1;
    if (depth === 0 && separators.includes(char)) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

const LEAD_SUFFIX = /(?:牵头负责|牵头抓总|牵头落实|牵头)$/;
const COOPERATING_SUFFIX = /(?:配合落实|积极配合|配合|协助|协办|参与)$/;
const RESPONSIBLE_SUFFIX =
  /(?:按职责分工负责|按职责分工落实|按照职责分工负责|按职责负责|按职能分工负责|分工负责|共同负责|具体负责|分别负责|负责落实|组织实施|负责|落实|承办|实施)$/;
const UNIT_NAME =
  /(局|委|办|室|院|部|队|中心|街道|乡|镇|政府|部门|单位|公司|所|站|会|处|组|分局|支队|大队|园区|开发区|高新区)(（[^）]*）)?$/;

export interface UnitsInText {
  /** The item text without the bracket. */
  text: string;
  lead: string[];
  responsible: string[];
  cooperating: string[];
  deadline: string | null;
}

/** The bracket that ends the text (`…。（区司法局牵头，各乡镇按职责分工负责）`), nested brackets and all. */
function lastBracket(text: string): { before: string; content: string; after: string } | null {
  const trimmed = text.replace(/[\s\u3000]+$/, '');
  const tail = /[。；;.]*$/.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - tail.length);
  if (!body || !CLOSING.includes(body[body.length - 1])) return null;
  let depth = 0;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    const char = body[index];
    if (CLOSING.includes(char)) depth += 1;
    if (OPENING.includes(char)) {
      depth -= 1;
      if (depth === 0) return { before: body.slice(0, index), content: body.slice(index + 1, -1), after: tail };
    }
  }
  return null;
}

/**
 * Reads the units (and a deadline) from a bracket at the end of an item's text:
 * `（区司法局、区政务局牵头，各乡镇、区直各部门按职责分工负责）`,
 * `（牵头单位：区司法局；责任单位：各乡镇；完成时限：2025年6月底前）`, `（区司法局负责，长期坚持）`.
 * Null when the text ends in no such bracket (a bracket of other words is part of the text).
 */
export function trailingUnits(text: string): UnitsInText | null {
  const bracket = lastBracket(text);
  if (!bracket) return null;
  const result: UnitsInText = { text: '', lead: [], responsible: [], cooperating: [], deadline: null };
  const deadlines: string[] = [];
  let pending: string[] = [];
  let labelled: Field | null = null;
  let recognised = false;

  for (const raw of splitTopLevel(bracket.content, '，,；;')) {
    let clause = raw.replace(/^(由|请|以)/, '');
    const label = new RegExp(`^(${ANY_LABEL})\\s*[：:]\\s*`).exec(clause);
    if (label) {
      labelled = fieldOf(label[1]);
      clause = clause.slice(label[0].length);
      recognised = true;
    }
    if (labelled === 'deadline') {
      deadlines.push(clause);
      continue;
    }
    const suffix = LEAD_SUFFIX.exec(clause)
      ? { field: 'lead' as const, pattern: LEAD_SUFFIX }
      : COOPERATING_SUFFIX.exec(clause)
        ? { field: 'cooperating' as const, pattern: COOPERATING_SUFFIX }
        : RESPONSIBLE_SUFFIX.exec(clause)
          ? { field: 'responsible' as const, pattern: RESPONSIBLE_SUFFIX }
          : null;
    if (suffix) {
      recognised = true;
      const phrases = [...pending, ...splitUnitPhrases(clause.replace(suffix.pattern, ''))];
      result[suffix.field].push(...phrases);
      pending = [];
    } else if (labelled) {
      result[labelled].push(...splitUnitPhrases(clause));
    } else if (readDeadlinePhrase(clause).understood && !UNIT_NAME.test(clause)) {
      deadlines.push(clause);
    } else {
      pending.push(...splitUnitPhrases(clause));
    }
  }
  if (!recognised) {
    const looksLikeUnits =
      pending.length > 0 && pending.every((phrase) => phrase.length >= 3 && UNIT_NAME.test(phrase));
    if (!looksLikeUnits) return null;
  }
  result.responsible.push(...pending);
  result.text = `${bracket.before.replace(/[\s\u3000]+$/, '')}${bracket.after}`;
  result.deadline = deadlines.length > 0 ? deadlines.join('，') : null;
  return result;
}

const OPEN_END = /^(.+?)等(?:有关|相关|其他)?(?:单位|部门|机构|成员单位)?$/;

/** `区财政局、区人社局等` → the phrases without `等`, and whether the list was left open. */
export function closeOpenList(phrases: string[]): { phrases: string[]; open: boolean } {
  let open = false;
  const closed = phrases.map((phrase) => {
    const match = OPEN_END.exec(phrase);
    if (!match) return phrase;
    open = true;
    return match[1];
  });
  return { phrases: closed, open };
}
