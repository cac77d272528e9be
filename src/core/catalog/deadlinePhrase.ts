import { lastDayOfMonth, makeDate, type IsoDate } from '../dates';
import type { DeadlineKind, FixedDeadline } from './types';

/** What a 完成时限 phrase (2025年6月底前, 每季度, 长期坚持 …) says about when an item is due. */
export interface DeadlineReading {
  kinds: DeadlineKind[];
  /** A one-time date (the latest, when the phrase gives several). */
  target: { date: IsoDate; quote: string } | null;
  /** Month-and-day deadlines that recur every year. */
  deadlines: FixedDeadline[];
  /** Whether anything in the phrase could be read as a time. */
  understood: boolean;
}

const CHINESE_QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'];
const VERB = /报送|提交|报告|公开|报备|备案|总结|完成/;

/** The action a deadline phrase names (报送, 提交 …), 完成 when it names none. */
function verbOf(text: string): string {
  return VERB.exec(text)?.[0] ?? '完成';
}

function monthDayOf(date: IsoDate): string {
  return date.slice(5);
}

function fixed(monthDay: string, label: string, covers: string, quote: string): FixedDeadline {
  return { key: `d${monthDay.replace('-', '')}`, monthDay, label, covers, quote };
}

/** The last day of a part of the year: 上半年 → 06-30, 第三季度 → 09-30, 年底 → 12-31. */
function periodEnd(year: number, period: string): IsoDate {
  if (period === '上半年') return lastDayOfMonth(year, 6);
  if (period === '前三季度') return lastDayOfMonth(year, 9);
  const quarter = /^(?:第)?([一二三四1-4])季度$/.exec(period);
  if (quarter) return lastDayOfMonth(year, CHINESE_QUARTER[quarter[1]] * 3);
  return makeDate(year, 12, 31);
}

function periodCovers(period: string): string {
  if (period === '上半年' || period === '下半年') return `当年${period}`;
  if (period === '前三季度') return '当年前三季度';
  const quarter = /^(?:第)?([一二三四1-4])季度$/.exec(period);
  if (quarter) return `当年${QUARTER_NAMES[CHINESE_QUARTER[quarter[1]] - 1]}`;
  return '当年';
}

/** Deadlines at the end of every quarter, half year or month, as 每季度 / 每半年 / 每月 ask. */
export function repeatingDeadlines(
  period: 'quarter' | 'half' | 'month',
  quote: string,
  verb = '完成',
): FixedDeadline[] {
  const done = verb === '完成' ? '落实情况' : verb;
  if (period === 'half') {
    return [
      fixed('06-30', `${verb}（当年上半年）`, '当年上半年', quote),
      fixed('12-31', `${verb}（当年下半年）`, '当年下半年', quote),
    ];
  }
  if (period === 'quarter') {
    return QUARTER_NAMES.map((name, index) =>
      fixed(monthDayOf(lastDayOfMonth(2023, (index + 1) * 3)), `${name}${done}`, `当年${name}`, quote),
    );
  }
  return Array.from({ length: 12 }, (_, index) =>
    fixed(monthDayOf(lastDayOfMonth(2023, index + 1)), `${index + 1}月${done}`, `当年${index + 1}月`, quote),
  );
}

interface Pattern {
  regex: RegExp;
  read: (match: RegExpExecArray, phrase: string, out: Collected) => void;
}

interface Collected {
  kinds: Set<DeadlineKind>;
  targets: IsoDate[];
  deadlines: FixedDeadline[];
}

const PERIOD = '上半年|下半年|前三季度|(?:第)?[一二三四1-4]季度';

/** Applied in order; each match is blanked out so that later, looser patterns do not read it again. */
const PATTERNS: Pattern[] = [
  {
    // 2025年6月30日前
    regex: /(\d{4})年(\d{1,2})月(\d{1,2})日/g,
    read: (match, _phrase, out) => {
      out.kinds.add('once');
      out.targets.push(makeDate(Number(match[1]), Number(match[2]), Number(match[3])));
    },
  },
  {
    // 2025年6月底前, 2025年6月
    regex: /(\d{4})年(\d{1,2})月(?:底|末|份)?/g,
    read: (match, _phrase, out) => {
      out.kinds.add('once');
      out.targets.push(lastDayOfMonth(Number(match[1]), Number(match[2])));
    },
  },
  {
    // 2025年上半年, 2025年底前, 2025年年底
    regex: new RegExp(`(\\d{4})年度?(${PERIOD}|年底|年末|底|末)`, 'g'),
    read: (match, _phrase, out) => {
      out.kinds.add('once');
      out.targets.push(periodEnd(Number(match[1]), match[2]));
    },
  },
  {
    // 2025年, 2025年度
    regex: /(\d{4})年度?/g,
    read: (match, _phrase, out) => {
      out.kinds.add('once');
      out.targets.push(makeDate(Number(match[1]), 12, 31));
    },
  },
  {
    regex: /每季度?|按季度?|季度/g,
    read: (_match, phrase, out) => {
      out.kinds.add('repeat');
      out.deadlines.push(...repeatingDeadlines('quarter', phrase, verbOf(phrase)));
    },
  },
  {
    regex: /每半年|半年一次/g,
    read: (_match, phrase, out) => {
      out.kinds.add('repeat');
      out.deadlines.push(...repeatingDeadlines('half', phrase, verbOf(phrase)));
    },
  },
  {
    regex: /每月|按月|每个月/g,
    read: (_match, phrase, out) => {
      out.kinds.add('repeat');
      out.deadlines.push(...repeatingDeadlines('month', phrase, verbOf(phrase)));
    },
  },
  {
    // 12月31日前
    regex: /(\d{1,2})月(\d{1,2})日/g,
    read: (match, phrase, out) => {
      out.kinds.add('annual');
      const monthDay = monthDayOf(makeDate(2024, Number(match[1]), Number(match[2])));
      out.deadlines.push(fixed(monthDay, `${verbOf(phrase)}（当年）`, '当年', phrase));
    },
  },
  {
    // 6月底前
    regex: /(\d{1,2})月(?:底|末|份)?/g,
    read: (match, phrase, out) => {
      out.kinds.add('annual');
      const monthDay = monthDayOf(lastDayOfMonth(2023, Number(match[1])));
      out.deadlines.push(fixed(monthDay, `${verbOf(phrase)}（当年）`, '当年', phrase));
    },
  },
  {
    // 上半年, 第三季度, 年底前, 年内
    regex: new RegExp(`${PERIOD}|年底|年末|年内|当年|本年度?`, 'g'),
    read: (match, phrase, out) => {
      out.kinds.add('annual');
      const period = /^(年底|年末|年内|当年|本年度?)$/.test(match[0]) ? '年底' : match[0];
      const covers = periodCovers(period);
      out.deadlines.push(fixed(monthDayOf(periodEnd(2023, period)), `${verbOf(phrase)}（${covers}）`, covers, phrase));
    },
  },
  {
    regex: /每年度?|一年一次|年度/g,
    read: (_match, _phrase, out) => {
      out.kinds.add('yearly');
    },
  },
  {
    regex:
      /长期(?:坚持|推进|开展|执行|实施)?|持续(?:推进|开展|实施|落实|抓好|做好|深化)?|常态化(?:推进|开展)?|常抓不懈|久久为功/g,
    read: (_match, _phrase, out) => {
      out.kinds.add('openEnded');
    },
  },
];

const KIND_ORDER: DeadlineKind[] = ['once', 'annual', 'repeat', 'yearly', 'openEnded'];

/** Reads a 完成时限 phrase. An empty `kinds` (and `understood: false`) means it names no time it can read. */
export function readDeadlinePhrase(phrase: string): DeadlineReading {
  const out: Collected = { kinds: new Set(), targets: [], deadlines: [] };
  let rest = phrase.replace(/\s+/g, '');
  const quote = phrase.trim();
  for (const pattern of PATTERNS) {
    rest = rest.replace(pattern.regex, (...args: unknown[]) => {
      const whole = String(args[0]);
      const groups = args.slice(0, -2).map((value) => (value === undefined ? undefined : String(value)));
      const match = Object.assign(groups, { index: 0, input: rest }) as unknown as RegExpExecArray;
      pattern.read(match, quote, out);
      return ' '.repeat(whole.length);
    });
  }
  if (out.kinds.has('annual') || out.kinds.has('repeat')) out.kinds.delete('yearly');

  const seen = new Set<string>();
  const deadlines = out.deadlines
    .filter((deadline) => (seen.has(deadline.key) ? false : (seen.add(deadline.key), true)))
    .sort((a, b) => (a.monthDay < b.monthDay ? -1 : a.monthDay > b.monthDay ? 1 : 0));
  const latest = out.targets.reduce<IsoDate | null>((max, date) => (max === null || date > max ? date : max), null);
  const kinds = KIND_ORDER.filter((kind) => out.kinds.has(kind));
  return {
    kinds,
    target: latest ? { date: latest, quote } : null,
    deadlines,
    understood: kinds.length > 0,
  };
}
