import type { EvidenceLink, HistoryEntry, RequestRecord, TaskRecord } from '../../../src/core/model';

/**
 * The collections of the cloud database and the `_id` of each kind of document. The ids are
 * deterministic, so a transaction reaches every document it needs with `doc(id)` alone.
 */
export const COLLECTIONS = {
  districts: 'districts',
  units: 'units',
  calendar: 'calendar',
  users: 'users',
  invites: 'invites',
  tasks: 'tasks',
  history: 'history',
  evidence: 'evidence',
  links: 'evidence_links',
  files: 'files',
  requests: 'requests',
  counters: 'counters',
  instructions: 'instructions',
  catalogs: 'catalogs',
  guidance: 'guidance',
} as const;

/** The one document of the national holiday calendar. */
export const CALENDAR_DOC_ID = 'national';

export const districtDocId = (districtId: string) => districtId;
export const unitDocId = (districtId: string, unitId: string) => `${districtId}:${unitId}`;
export const userDocId = (openid: string) => openid;
export const inviteDocId = (code: string) => code;
export const taskDocId = (task: Pick<TaskRecord, 'districtId' | 'id'>) => `${task.districtId}:${task.id}`;
export const evidenceDocId = (districtId: string, evidenceId: string) => `${districtId}:${evidenceId}`;
export const fileDocId = (fileId: string) => fileId;
export const catalogDocId = (districtId: string, catalogId: string) => `${districtId}:${catalogId}`;
export const guidanceDocId = (districtId: string, catalogId: string, itemNo: number) =>
  `${districtId}|${catalogId}|${itemNo}`;
export const instructionDocId = (districtId: string, instructionId: string) => `${districtId}:${instructionId}`;

export const linkDocId = (link: Pick<EvidenceLink, 'districtId' | 'taskId' | 'evidenceId'>) =>
  `${link.districtId}|${link.taskId}|${link.evidenceId}`;

export const requestDocId = (request: Pick<RequestRecord, 'districtId' | 'openid' | 'requestId'>) =>
  `${request.districtId}|${request.openid}|${request.requestId}`;

/** The n-th history entry of a task (n counted on the task document), zero-padded to sort. */
export const historyDocId = (entry: Pick<HistoryEntry, 'districtId' | 'taskId'>, seq: number) =>
  `${entry.districtId}|${entry.taskId}|${String(seq).padStart(8, '0')}`;

/** Fields the store adds to documents for its own use, removed before a record is returned. */
export const HIDDEN_FIELDS = {
  /** On a task: how many history entries it has had (numbers the next ones). */
  historySeq: 'historySeq',
  /** On a history entry: its number within the task. On a unit: its place in the directory. */
  seq: 'seq',
  /** On a task: which request waits for the lead unit ('extension', 'exemption' or null), to query. */
  openRequest: 'openRequest',
} as const;
