/** The limits both sides enforce: the app warns before it sends, the server refuses past them. */

export {
  ACCEPTED_EXTENSIONS,
  EVIDENCE_NAME_MAX_CHARS,
  FILE_TYPES,
  MAX_UPLOAD_BYTES,
  UPLOAD_MESSAGES,
} from '../core/files/uploadPolicy';

/** 工作说明 of a report. */
export const NOTE_MAX_CHARS = 1000;
/** A reviewer's comment (退回 needs one). */
export const COMMENT_MAX_CHARS = 500;
/** The reason of a 延期 or 不涉及 request. */
export const REASON_MAX_CHARS = 500;
/** A leader's instruction (领导批示). */
export const INSTRUCTION_MAX_CHARS = 500;
/** The note of a recorded event. */
export const EVENT_NOTE_MAX_CHARS = 200;
/** A person's name when binding. */
export const PERSON_NAME_MAX_CHARS = 20;
export const MAX_INVITE_DAYS = 90;
export const MAX_INVITE_USES = 500;

/**
 * Where the app puts a unit's evidence in WeChat cloud storage: the server accepts a file id only
 * under the caller's own district and unit.
 */
export function evidenceFolder(districtId: string, unitId?: string): string {
  return unitId ? `evidence/${districtId}/${unitId}/` : `evidence/${districtId}/`;
}
