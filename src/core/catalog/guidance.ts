import type { Schedule } from './types';

/**
 * A first 佐证材料要求 for an item, from what its text asks for: a report (报告正文), publication
 * (the page it was published on), counts (the records of each time), rates and head counts (the
 * figures). The item's lead unit or the admin edits it before staff see it; undefined when the
 * text gives nothing to go on.
 */
export function proposeGuidance(text: string, schedule: Schedule): string | undefined {
  const parts: string[] = [];
  const add = (part: string) => {
    if (!parts.includes(part)) parts.push(part);
  };
  if (/报告/.test(text)) add('报告正文（加盖公章）');
  if (/(?<![一二三])公开(?![”"])|公布/.test(text)) add('向社会公开的网页截图或链接');
  for (const count of schedule.counts) {
    if (count.unit === '学时') {
      add(`培训记录或学时证明（${count.perPerson ? '每人' : ''}每年不少于${count.min}学时）`);
    } else {
      add(`${count.label}的通知、方案或记录（每年不少于${count.min}${count.unit}）`);
    }
  }
  for (const measure of schedule.measures) {
    if (measure.kind === 'percent') {
      const above = measure.orAbove && measure.target < 100 ? '以上' : '';
      add(`${measure.label}的统计数据及说明（应达到${measure.target}%${above}）`);
    } else {
      add(`${measure.label}名单或配备文件（不少于${measure.target}名）`);
    }
  }
  return parts.length > 0 ? parts.join('；') : undefined;
}
