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

/** Why 报送 must wait: files picked for this task that are not on it yet (failed, or to choose again). */
export function submitBlocker(unsentFiles: number): string | null {
  if (unsentFiles === 0) return null;
  return `还有${unsentFiles}个文件没有传上去：请点“重试”，或删除后再报送`;
}
