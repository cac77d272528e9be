import { lastDayOfMonth, makeDate, type IsoDate } from '../dates';
import { readDeadlinePhrase, repeatingDeadlines } from './deadlinePhrase';
import type { CountAppliesTo, CountRule, EventRule, FixedDeadline, MeasureRule, Schedule, ScheduleKind } from './types';

const SENTENCE_END = /[。；;]/;
const CLAUSE_END = /[，,。；;]/;

function sentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((part) => part.trim())
    .filter(Boolean);
}

function clauses(text: string): string[] {
  return text
    .split(CLAUSE_END)
    .map((part) => part.trim())
    .filter(Boolean);
}

function sentenceAround(text: string, index: number): string {
  let start = index;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start -= 1;
  let end = index;
  while (end < text.length && !SENTENCE_END.test(text[end])) end += 1;
  return text.slice(start, end).trim();
}

const REPORT_VERB = /报告|公开|提交|报送|报备|备案/;
const PERIOD = /上一年度|当年上半年|当年下半年|上半年|下半年/g;

/** 每年3月1日前 … 4月1日前; 每年1月底前和7月底前 (items 1 and 9). */
function fixedDeadlines(text: string): FixedDeadline[] {
  if (!text.includes('每年')) return [];
  const datePattern = /(\d{1,2})月(\d{1,2})日前|(\d{1,2})月底前/g;
  const found: Array<{ monthDay: string; index: number; end: number }> = [];
  for (let match = datePattern.exec(text); match; match = datePattern.exec(text)) {
    const date = match[1] ? makeDate(2024, Number(match[1]), Number(match[2])) : lastDayOfMonth(2023, Number(match[3]));
    found.push({ monthDay: date.slice(5), index: match.index, end: match.index + match[0].length });
  }
  const periods = text.match(PERIOD) ?? [];
  return found.map((date, position) => {
    const covers = periods.length === found.length ? periods[position] : (periods[0] ?? '当年');
    const nextStart = found[position + 1]?.index ?? text.length;
    const ownSegment = text.slice(date.end, nextStart);
    const verb =
      REPORT_VERB.exec(ownSegment)?.[0] ?? REPORT_VERB.exec(text.slice(found[found.length - 1].end))?.[0] ?? '完成';
    return {
      key: `d${date.monthDay.replace('-', '')}`,
      monthDay: date.monthDay,
      label: `${verb}（${covers}）`,
      covers,
      quote: sentenceAround(text, date.index),
    };
  });
}

/** 每季度报送 / 每半年报告 / 每月报送, where the text gives no date of its own. */
function repeatsInText(text: string): FixedDeadline[] {
  const period = /每季度|每半年|每月/.exec(text);
  if (!period) return [];
  const quote = sentenceAround(text, period.index);
  const verb = REPORT_VERB.exec(text.slice(period.index))?.[0] ?? '完成';
  const kind = period[0] === '每季度' ? 'quarter' : period[0] === '每半年' ? 'half' : 'month';
  return repeatingDeadlines(kind, quote, verb);
}

/** The day a year-qualified date names: 2025年6月底前 → 06-30, 2025年6月15日前 → 06-15, else 12-31. */
function dateAfterYear(text: string, year: number): IsoDate {
  const day = /^\d{4}年(\d{1,2})月(\d{1,2})日(?:前|之前|以前)/.exec(text);
  if (day) return makeDate(year, Number(day[1]), Number(day[2]));
  const month = /^\d{4}年(\d{1,2})月(?:底|末)?(?:前|之前|以前)/.exec(text);
  if (month) return lastDayOfMonth(year, Number(month[1]));
  if (/^\d{4}年上半年/.test(text)) return lastDayOfMonth(year, 6);
  return makeDate(year, 12, 31);
}

/** 截止2024年底 / 力争到2025年 / 2025年…达100% (items 16, 30, 32); 2025年6月底前 where a month is named. */
function targetDate(text: string): Schedule['target'] {
  const years = [...text.matchAll(/(\d{4})年/g)];
  if (years.length === 0) return null;
  const last = years.reduce((latest, match) => (Number(match[1]) > Number(latest[1]) ? match : latest));
  const index = last.index ?? 0;
  return { date: dateAfterYear(text.slice(index), Number(last[1])), quote: sentenceAround(text, index) };
}

function triggerName(raw: string): string {
  const trigger = raw.replace(/^.*?(应当在|需在|应在|在)/, '').replace(/^对/, '');
  const adjusted = /^(.+?)后的(.+)$/.exec(trigger);
  return adjusted ? `${adjusted[2]}${adjusted[1]}` : trigger;
}

/** 收到…后15日内 (item 25); 对…，需在5个工作日内 (item 13). */
function eventRules(text: string): EventRule[] {
  const rules: EventRule[] = [];
  const parts = clauses(text);
  parts.forEach((clause, position) => {
    const after = /^(.*?)后(\d+)(个工作日|日)内(.*)$/.exec(clause);
    const within = /在(\d+)(个工作日|日)内(.*)$/.exec(clause);
    if (after && after[1] && !/[前]$/.test(after[1])) {
      rules.push({
        key: `e${rules.length + 1}`,
        trigger: triggerName(after[1]),
        action: after[4].trim(),
        within: Number(after[2]),
        unit: after[3] === '日' ? 'calendarDays' : 'workingDays',
        quote: clause,
      });
    } else if (within && position > 0) {
      rules.push({
        key: `e${rules.length + 1}`,
        trigger: triggerName(parts[position - 1]),
        action: within[3].trim(),
        within: Number(within[1]),
        unit: within[2] === '日' ? 'calendarDays' : 'workingDays',
        quote: `${parts[position - 1]}，${clause}`,
      });
    }
  });
  return rules;
}

function appliesTo(subject: string): CountAppliesTo {
  if (subject.includes('司法行政')) return 'lead';
  if (subject.includes('部门')) return 'department';
  if (subject.includes('政府')) return 'government';
  return 'all';
}

function cleanCountLabel(label: string): string {
  return label
    .replace(/^(至少|应当|应|要)/, '')
    .replace(/^在本(单位|系统|部门)/, '')
    .trim();
}

/** 每年至少开展1次专项监督、1次案卷评查; 每年学法不少于1次; 每人每年…不少于60学时. */
function countRules(text: string): CountRule[] {
  const rules: CountRule[] = [];
  for (const clause of clauses(text)) {
    const yearly = clause.indexOf('每年');
    if (yearly < 0) continue;
    const subject = clause.slice(0, yearly);
    const body = clause.slice(yearly + 2);
    const base = { appliesTo: appliesTo(subject), perPerson: subject.includes('每人'), quote: clause };
    for (const match of body.matchAll(/(\d+)次([^、，；。\d]+)/g)) {
      rules.push({ ...base, label: cleanCountLabel(match[2]), min: Number(match[1]), unit: '次' });
    }
    for (const match of body.matchAll(/([^、，；。\d]+?)不少于(\d+)次/g)) {
      rules.push({ ...base, label: cleanCountLabel(match[1]), min: Number(match[2]), unit: '次' });
    }
    for (const match of body.matchAll(/不少于(\d+)学时(.*)$/g)) {
      rules.push({ ...base, label: match[2].includes('培训') ? '培训' : '学习', min: Number(match[1]), unit: '学时' });
    }
  }
  return rules;
}

function measureLabel(raw: string): string {
  return raw.replace(/^.*(实现|年底|年)/, '');
}

/** 细化率达100%, 满意率达到 90%以上; 每个乡镇（街道）配备2名、村（社区）配备1名专职人民调解员. */
function measureRules(text: string): MeasureRule[] {
  const rules: MeasureRule[] = [];
  const percent = /([\u4e00-\u9fa5“”]+率)(?:应)?(?:达到|达)?\s*(\d+(?:\.\d+)?)\s*%(以上)?/g;
  for (const match of text.matchAll(percent)) {
    rules.push({
      label: measureLabel(match[1]),
      kind: 'percent',
      target: Number(match[2]),
      orAbove: Boolean(match[3]) || match[0].includes('达'),
      quote: sentenceAround(text, match.index ?? 0),
    });
  }
  for (const sentence of sentences(text)) {
    const staffed = [...sentence.matchAll(/([^，、；。]*?)配备(\d+)名/g)];
    if (staffed.length === 0) continue;
    const noun = /名([\u4e00-\u9fa5]+)/.exec(sentence.slice(staffed[staffed.length - 1].index ?? 0))?.[1] ?? '人员';
    for (const match of staffed) {
      rules.push({
        label: `${measureLabel(match[1])}${noun}`,
        kind: 'headcount',
        target: Number(match[2]),
        orAbove: true,
        quote: sentence,
      });
    }
  }
  return rules;
}

function deadlineKind(deadlines: FixedDeadline[]): ScheduleKind {
  const count = (pattern: RegExp) => deadlines.filter((deadline) => pattern.test(deadline.covers)).length;
  if (count(/^当年\d+月$/) >= 12) return 'monthly';
  if (count(/季度$/) >= 4) return 'quarterly';
  if (deadlines.length >= 2 && count(/半年/) > 0) return 'twiceYearly';
  return 'fixedAnnual';
}

function mergeDeadlines(own: FixedDeadline[], stated: FixedDeadline[]): FixedDeadline[] {
  const keys = new Set(own.map((deadline) => deadline.key));
  return [...own, ...stated.filter((deadline) => !keys.has(deadline.key))];
}

/**
 * The schedule an item's text implies, and the 完成时限 the document states for it, if any: a
 * stated one-time date replaces a year the text mentions, stated yearly dates and repeats add
 * fixed deadlines, and 长期坚持 / 持续推进 leave the yearly task on the district's default date.
 */
export function deriveSchedule(text: string, deadlinePhrase?: string): Schedule {
  const own = fixedDeadlines(text);
  const stated = deadlinePhrase ? readDeadlinePhrase(deadlinePhrase) : null;
  const deadlines = mergeDeadlines(own.length > 0 ? own : repeatsInText(text), stated?.deadlines ?? []);
  const target = stated?.target ?? targetDate(text);
  const events = eventRules(text);
  const counts = countRules(text);
  const measures = measureRules(text);
  const defaultAnnual = deadlines.length === 0;

  const kinds: ScheduleKind[] = [];
  if (deadlines.length > 0) kinds.push(deadlineKind(deadlines));
  if (target) kinds.push('target');
  if (events.length > 0) kinds.push('event');
  if (counts.length > 0) kinds.push('counted');
  if (measures.length > 0) kinds.push('measured');
  if (stated?.kinds.includes('openEnded')) kinds.push('openEnded');
  if (defaultAnnual) kinds.push('defaultAnnual');

  const schedule: Schedule = { kinds, deadlines, target, events, counts, measures, defaultAnnual };
  if (deadlinePhrase !== undefined && stated) schedule.phrase = { text: deadlinePhrase, kinds: stated.kinds };
  return schedule;
}
