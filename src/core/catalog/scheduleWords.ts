import type { CatalogItem, CountRule, MeasureRule } from './types';

function monthDayWords(monthDay: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  return `${month}月${day}日`;
}

function dateWords(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function countWords(rule: CountRule): string {
  return `每年${rule.perPerson ? '每人' : ''}${rule.label}不少于${rule.min}${rule.unit}`;
}

function measureWords(rule: MeasureRule): string {
  if (rule.kind === 'headcount') return `${rule.label}不少于${rule.target}名`;
  return `${rule.label}达到${rule.target}%${rule.orAbove && rule.target < 100 ? '以上' : ''}`;
}

/**
 * An item's schedule as the admin checks it before publishing, and as staff read it: one line per
 * deadline, event rule, count and measure (`每年3月1日前：报告（上一年度）`).
 */
export function scheduleWords(item: Pick<CatalogItem, 'schedule' | 'deadline'>, defaultDueDate: string): string[] {
  const { schedule } = item;
  const lines: string[] = schedule.deadlines.map(
    (deadline) => `每年${monthDayWords(deadline.monthDay)}前：${deadline.label}`,
  );
  if (schedule.target) {
    lines.push(
      `${dateWords(schedule.target.date)}前完成${schedule.defaultAnnual ? `（其他年份每年${monthDayWords(defaultDueDate)}前报送落实情况）` : ''}`,
    );
  } else if (schedule.defaultAnnual) {
    const open = schedule.phrase?.kinds.includes('openEnded') ? `（${schedule.phrase.text}，按本区默认日期）` : '';
    lines.push(`每年${monthDayWords(defaultDueDate)}前报送年度落实情况${open}`);
  }
  for (const event of schedule.events) {
    const days = event.unit === 'workingDays' ? `${event.within}个工作日` : `${event.within}日`;
    lines.push(`${event.trigger}后${days}内${event.action}（登记事件后生成任务）`);
  }
  lines.push(...schedule.counts.map(countWords), ...schedule.measures.map(measureWords));
  return lines;
}
