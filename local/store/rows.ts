import type {
  CatalogRecord,
  CounterRecord,
  EvidenceLink,
  EvidenceRecord,
  ExemptionRequest,
  ExtensionRequest,
  FileRecord,
  GuidanceRecord,
  HistoryEntry,
  InstructionRecord,
  InviteRecord,
  TaskRecord,
  UnitRecord,
  UserRecord,
} from '../../src/core/model';

/** Mapping between SQLite rows (snake_case, 0/1, JSON text) and the records of the domain. */

type Row = Record<string, unknown>;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const parsed = <T>(value: unknown): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : null);

/** Which request waits for a decision: kept in its own column so that the review queue can find it. */
function openRequestOf(task: TaskRecord): string | null {
  if (task.extension?.status === 'pending') return 'extension';
  if (task.exemption?.status === 'pending') return 'exemption';
  return null;
}

export const taskToRow = (task: TaskRecord) => ({
  district_id: task.districtId,
  id: task.id,
  unit_id: task.unitId,
  item_no: task.itemNo,
  level1: task.level1,
  level2: task.level2,
  key: task.key,
  kind: task.kind,
  year: task.year,
  due_date: task.dueDate,
  estimated: task.estimated ? 1 : 0,
  role: task.role,
  label: task.label,
  requirements: JSON.stringify(task.requirements),
  event_date: task.eventDate,
  status: task.status,
  version: task.version,
  note: task.note,
  evidence_count: task.evidenceCount,
  first_submitted_at: task.firstSubmittedAt,
  first_submitted_on: task.firstSubmittedOn,
  submitted_at: task.submittedAt,
  reviewed_at: task.reviewedAt,
  reviewed_by: task.reviewedBy,
  review_comment: task.reviewComment,
  status_before_submit: task.statusBeforeSubmit ?? null,
  withdrawn_at: task.withdrawnAt ?? null,
  original_due_date: task.originalDueDate ?? null,
  extension: json(task.extension),
  exemption: json(task.exemption),
  open_request: openRequestOf(task),
  created_at: task.createdAt,
  updated_at: task.updatedAt,
});

export const rowToTask = (row: Row): TaskRecord => ({
  id: row.id as string,
  districtId: row.district_id as string,
  unitId: row.unit_id as string,
  itemNo: row.item_no as number,
  level1: row.level1 as number,
  level2: row.level2 as number,
  key: row.key as string,
  kind: row.kind as TaskRecord['kind'],
  year: row.year as number,
  dueDate: row.due_date as string,
  estimated: row.estimated === 1,
  role: row.role as TaskRecord['role'],
  label: row.label as string,
  requirements: JSON.parse(row.requirements as string) as string[],
  eventDate: (row.event_date as string | null) ?? null,
  status: row.status as TaskRecord['status'],
  version: row.version as number,
  note: row.note as string,
  evidenceCount: row.evidence_count as number,
  firstSubmittedAt: (row.first_submitted_at as string | null) ?? null,
  firstSubmittedOn: (row.first_submitted_on as string | null) ?? null,
  submittedAt: (row.submitted_at as string | null) ?? null,
  reviewedAt: (row.reviewed_at as string | null) ?? null,
  reviewedBy: (row.reviewed_by as string | null) ?? null,
  reviewComment: (row.review_comment as string | null) ?? null,
  statusBeforeSubmit: (row.status_before_submit as TaskRecord['statusBeforeSubmit']) ?? null,
  withdrawnAt: (row.withdrawn_at as string | null) ?? null,
  originalDueDate: (row.original_due_date as string | null) ?? null,
  extension: parsed<ExtensionRequest>(row.extension),
  exemption: parsed<ExemptionRequest>(row.exemption),
  createdAt: row.created_at as string,
  updatedAt: row.updated_at as string,
});

export const historyToRow = (entry: HistoryEntry) => ({
  district_id: entry.districtId,
  task_id: entry.taskId,
  at: entry.at,
  actor_openid: entry.actorOpenid,
  actor_name: entry.actorName,
  actor_role: entry.actorRole,
  actor_unit_id: entry.actorUnitId,
  action: entry.action,
  from_status: entry.fromStatus,
  to_status: entry.toStatus,
  comment: entry.comment,
  detail: entry.detail,
});

export const rowToHistory = (row: Row): HistoryEntry => ({
  districtId: row.district_id as string,
  taskId: row.task_id as string,
  at: row.at as string,
  actorOpenid: row.actor_openid as string,
  actorName: row.actor_name as string,
  actorRole: row.actor_role as HistoryEntry['actorRole'],
  actorUnitId: (row.actor_unit_id as string | null) ?? null,
  action: row.action as HistoryEntry['action'],
  fromStatus: (row.from_status as HistoryEntry['fromStatus']) ?? null,
  toStatus: row.to_status as HistoryEntry['toStatus'],
  comment: (row.comment as string | null) ?? null,
  detail: (row.detail as string | null) ?? null,
});

export const rowToUser = (row: Row): UserRecord => ({
  openid: row.openid as string,
  districtId: row.district_id as string,
  name: row.name as string,
  role: row.role as UserRecord['role'],
  unitId: row.unit_id as string,
  disabled: row.disabled === 1,
  createdAt: row.created_at as string,
  updatedAt: row.updated_at as string,
  version: row.version as number,
});

export const userToRow = (user: UserRecord) => ({
  openid: user.openid,
  district_id: user.districtId,
  name: user.name,
  role: user.role,
  unit_id: user.unitId,
  disabled: user.disabled ? 1 : 0,
  created_at: user.createdAt,
  updated_at: user.updatedAt,
  version: user.version,
});

export const rowToInvite = (row: Row): InviteRecord => ({
  code: row.code as string,
  districtId: row.district_id as string,
  unitId: row.unit_id as string,
  role: row.role as InviteRecord['role'],
  expiresAt: row.expires_at as string,
  maxUses: row.max_uses as number,
  uses: row.uses as number,
  createdBy: row.created_by as string,
  createdAt: row.created_at as string,
});

export const inviteToRow = (invite: InviteRecord) => ({
  code: invite.code,
  district_id: invite.districtId,
  unit_id: invite.unitId,
  role: invite.role,
  expires_at: invite.expiresAt,
  max_uses: invite.maxUses,
  uses: invite.uses,
  created_by: invite.createdBy,
  created_at: invite.createdAt,
});

export const rowToUnit = (row: Row): UnitRecord => ({
  districtId: row.district_id as string,
  id: row.id as string,
  name: row.name as string,
  kind: row.kind as UnitRecord['kind'],
  tags: JSON.parse(row.tags as string) as string[],
  aliases: JSON.parse(row.aliases as string) as string[],
  disabled: row.disabled === 1,
  updatedAt: row.updated_at as string,
});

export const unitToRow = (unit: UnitRecord) => ({
  district_id: unit.districtId,
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  tags: JSON.stringify(unit.tags),
  aliases: JSON.stringify(unit.aliases),
  disabled: unit.disabled ? 1 : 0,
  updated_at: unit.updatedAt,
});

export const rowToEvidence = (row: Row): EvidenceRecord => ({
  id: row.id as string,
  districtId: row.district_id as string,
  fileId: row.file_id as string,
  name: row.name as string,
  size: row.size as number,
  mime: row.mime as string,
  unitId: row.unit_id as string,
  uploadedBy: row.uploaded_by as string,
  createdAt: row.created_at as string,
  thumbFileId: (row.thumb_file_id as string | null) ?? null,
});

export const evidenceToRow = (evidence: EvidenceRecord) => ({
  district_id: evidence.districtId,
  id: evidence.id,
  file_id: evidence.fileId,
  name: evidence.name,
  size: evidence.size,
  mime: evidence.mime,
  unit_id: evidence.unitId,
  uploaded_by: evidence.uploadedBy,
  created_at: evidence.createdAt,
  thumb_file_id: evidence.thumbFileId ?? null,
});

export const rowToLink = (row: Row): EvidenceLink => ({
  districtId: row.district_id as string,
  taskId: row.task_id as string,
  evidenceId: row.evidence_id as string,
  linkedBy: row.linked_by as string,
  createdAt: row.created_at as string,
});

export const linkToRow = (link: EvidenceLink) => ({
  district_id: link.districtId,
  task_id: link.taskId,
  evidence_id: link.evidenceId,
  linked_by: link.linkedBy,
  created_at: link.createdAt,
});

export const rowToFile = (row: Row): FileRecord => ({
  fileId: row.file_id as string,
  districtId: row.district_id as string,
  ownerOpenid: row.owner_openid as string,
  unitId: row.unit_id as string,
  sha256: row.sha256 as string,
  size: row.size as number,
  mime: row.mime as string,
  name: row.name as string,
  createdAt: row.created_at as string,
});

export const fileToRow = (file: FileRecord) => ({
  file_id: file.fileId,
  district_id: file.districtId,
  owner_openid: file.ownerOpenid,
  unit_id: file.unitId,
  sha256: file.sha256,
  size: file.size,
  mime: file.mime,
  name: file.name,
  created_at: file.createdAt,
});

export const rowToCounter = (row: Row): CounterRecord => ({
  districtId: row.district_id as string,
  year: row.year as number,
  scope: row.scope as string,
  dueDate: row.due_date as string,
  pending: row.pending as number,
  submitted: row.submitted as number,
  approved: row.approved as number,
  returned: row.returned as number,
  onTime: row.on_time as number,
  exempt: (row.exempt as number | undefined) ?? 0,
});

export const instructionToRow = (instruction: InstructionRecord) => ({
  district_id: instruction.districtId,
  id: instruction.id,
  unit_id: instruction.unitId,
  task_id: instruction.taskId,
  text: instruction.text,
  author_openid: instruction.authorOpenid,
  author_name: instruction.authorName,
  created_at: instruction.createdAt,
});

export const rowToInstruction = (row: Row): InstructionRecord => ({
  id: row.id as string,
  districtId: row.district_id as string,
  unitId: row.unit_id as string,
  taskId: (row.task_id as string | null) ?? null,
  text: row.text as string,
  authorOpenid: row.author_openid as string,
  authorName: row.author_name as string,
  createdAt: row.created_at as string,
});

/** `INSERT INTO table (a, b) VALUES (@a, @b)` for a row object's keys. */
export function insertSql(table: string, row: Record<string, unknown>, verb = 'INSERT'): string {
  const columns = Object.keys(row);
  return `${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`;
}

export const catalogToRow = (catalog: CatalogRecord) => ({
  district_id: catalog.districtId,
  id: catalog.id,
  years: JSON.stringify(catalog.years),
  catalog: JSON.stringify(catalog.catalog),
  published_at: catalog.publishedAt,
  published_by: catalog.publishedBy,
  published_by_name: catalog.publishedByName,
});

export const rowToCatalog = (row: Row): CatalogRecord => ({
  districtId: row.district_id as string,
  id: row.id as string,
  years: JSON.parse(row.years as string) as number[],
  catalog: JSON.parse(row.catalog as string),
  publishedAt: row.published_at as string,
  publishedBy: row.published_by as string,
  publishedByName: row.published_by_name as string,
});

export const guidanceToRow = (guidance: GuidanceRecord) => ({
  district_id: guidance.districtId,
  catalog_id: guidance.catalogId,
  item_no: guidance.itemNo,
  text: guidance.text,
  updated_at: guidance.updatedAt,
  updated_by: guidance.updatedBy,
  updated_by_name: guidance.updatedByName,
});

export const rowToGuidance = (row: Row): GuidanceRecord => ({
  districtId: row.district_id as string,
  catalogId: row.catalog_id as string,
  itemNo: row.item_no as number,
  text: row.text as string,
  updatedAt: row.updated_at as string,
  updatedBy: row.updated_by as string,
  updatedByName: row.updated_by_name as string,
});
