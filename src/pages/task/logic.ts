import { NOTE_MAX_CHARS } from '../../contract/limits';
import type { Evidence } from '../../contract/replies';

/** The longest 工作说明 the server takes. */
export const NOTE_MAX = NOTE_MAX_CHARS;

/**
 * The evidence to show: the server's list, then pieces added since it answered (not yet in it),
 * without pieces removed since. Each piece once.
 */
export function mergeEvidence(listed: Evidence[], added: Evidence[], removed: ReadonlySet<string>): Evidence[] {
  const seen = new Set<string>();
  const merged: Evidence[] = [];
  for (const piece of [...listed, ...added]) {
    if (seen.has(piece.id) || removed.has(piece.id)) continue;
    seen.add(piece.id);
    merged.push(piece);
  }
  return merged;
}

/**
 * Why 报送 must wait: files picked for this task that are not on it yet. Those that cannot be sent
 * (refused) must be deleted; those waiting for the network go by themselves.
 */
export function submitBlocker(unsent: number | { refused: number; waiting: number }): string | null {
  const { refused, waiting } = typeof unsent === 'number' ? { refused: 0, waiting: unsent } : unsent;
  if (refused + waiting === 0) return null;
  if (refused > 0 && waiting === 0) return `有${refused}个文件传不了（原因见上面），请删除后再报送`;
  if (refused > 0) return `还有${waiting + refused}个文件没有传上去：传不了的请删除，其余有网络时会自动接着传`;
  return `还有${waiting}个文件没有传上去：有网络时会自动接着传，传完再报送；也可以删除后再报送`;
}

/** The note's count turns orange this close to the limit, red at it. */
export const NOTE_NEAR_LIMIT = 100;

export function noteCount(length: number, max = NOTE_MAX): { text: string; level: 'ok' | 'near' | 'full' } {
  const level = length >= max ? 'full' : length >= max - NOTE_NEAR_LIMIT ? 'near' : 'ok';
  return { text: `${length}/${max}`, level };
}

/** A typed or pasted note cut to the limit (by characters, not splitting an emoji), and how much was cut. */
export function clipNote(value: string, max = NOTE_MAX): { text: string; cut: number } {
  const chars = Array.from(value);
  if (chars.length <= max) return { text: value, cut: 0 };
  return { text: chars.slice(0, max).join(''), cut: chars.length - max };
}

export function clippedNoteMessage(cut: number, max = NOTE_MAX): string {
  return `说明最多${max}字，粘贴的内容超出了${cut}字，超出部分没有保留，请删减后再补充`;
}
