import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { daysBetween } from '../core/dates';

dayjs.extend(utc);

/** An instant as Beijing time, e.g. 11-28 09:30 (or 2025-11-28 09:30 in another year). */
export function formatTime(iso: string | null | undefined, today?: string): string {
  if (!iso) return '';
  const beijing = dayjs(iso).utcOffset(480);
  const sameYear = !today || beijing.format('YYYY') === today.slice(0, 4);
  return beijing.format(sameYear ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

/** 2026-12-31 → 12月31日 */
export function formatDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** How a due date reads to someone on a given day: 今天到期, 3天后到期, 逾期5天. */
export function formatDue(dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return '今天到期';
  if (days === 1) return '明天到期';
  if (days > 0) return days <= 30 ? `${days}天后到期` : `${formatDate(dueDate)}前`;
  return `逾期${-days}天`;
}

export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A file name as what may wrap (`head`) and what must stay on one line (`tail`: the extension with the
 * character before it): "工作照片2.png" → "工作照片" + "2.png". A name without an extension is all head
 * but its last character.
 */
export function splitFileName(name: string): { head: string; tail: string } {
  const match = /^(.+?)(\.[A-Za-z0-9]{1,8})$/.exec(name);
  const base = match ? match[1] : name;
  const ext = match ? match[2] : '';
  const chars = Array.from(base);
  return { head: chars.slice(0, -1).join(''), tail: `${chars.slice(-1).join('')}${ext}` };
}

/** A text cut to fit a row or card: the whole of it when short, else its start and an ellipsis. */
export function excerpt(text: string | null | undefined, max = 40): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
