import { counterDeltas } from '../../../src/core/counters';
import type { HistoryEntry, TaskRecord } from '../../../src/core/model';
import { StoreConflictError, type TaskChange } from '../../../src/core/ports/Store';
import { openRequestOf } from '../../../src/core/workflow';
import type { CloudCommand, CloudTransaction } from './cloudDatabaseTypes';
import {
  COLLECTIONS,
  HIDDEN_FIELDS,
  evidenceDocId,
  historyDocId,
  instructionDocId,
  linkDocId,
  requestDocId,
  taskDocId,
} from './collections';
import { applyCounterDeltas } from './counterDocs';
import { nextSequence, readDoc, toRecord, type StoredDoc } from './documents';

/**
 * The writes of the task workflow, each inside one transaction and with single-document operations
 * only. History entries are numbered per task by a counter kept on the task document, so their
 * `_id`s are deterministic and their order is the order they were written in.
 */

const TASK_HIDDEN = [HIDDEN_FIELDS.historySeq, HIDDEN_FIELDS.openRequest];

/**
 * A task as its document holds it: the record, how many history entries it has had, and which
 * request waits for a decision (a field of its own, so that the review queue can query it).
 */
function taskDocument(task: TaskRecord, historySeq: number): Record<string, unknown> {
  return { ...task, [HIDDEN_FIELDS.historySeq]: historySeq, [HIDDEN_FIELDS.openRequest]: openRequestOf(task) };
}

/**
 * The record a task document holds. Documents written before withdrawals and requests existed
 * lack their fields: they read as never withdrawn, never moved, never asked.
 */
export function taskFromDoc(doc: StoredDoc): TaskRecord {
  const record = toRecord<TaskRecord>(doc, TASK_HIDDEN);
  return {
    ...record,
    statusBeforeSubmit: record.statusBeforeSubmit ?? null,
    withdrawnAt: record.withdrawnAt ?? null,
    originalDueDate: record.originalDueDate ?? null,
    extension: record.extension ?? null,
    exemption: record.exemption ?? null,
  };
}

function historyNumber(doc: StoredDoc | null): number {
  const value = doc?.[HIDDEN_FIELDS.historySeq];
  return typeof value === 'number' ? value : 0;
}

async function writeHistory(transaction: CloudTransaction, entry: HistoryEntry, seq: number): Promise<void> {
  await transaction
    .collection(COLLECTIONS.history)
    .doc(historyDocId(entry, seq))
    .set({ data: { ...entry, [HIDDEN_FIELDS.seq]: seq } });
}

/** Numbers history entries of tasks other than the one changed (rare): counted on their documents. */
async function writeForeignHistory(transaction: CloudTransaction, entries: HistoryEntry[]): Promise<void> {
  const numbers = new Map<string, { seq: number; exists: boolean }>();
  for (const entry of entries) {
    const id = taskDocId({ districtId: entry.districtId, id: entry.taskId });
    let state = numbers.get(id);
    if (!state) {
      const doc = await readDoc(transaction.collection(COLLECTIONS.tasks).doc(id));
      state = { seq: doc ? historyNumber(doc) : nextSequence(), exists: doc !== null };
      numbers.set(id, state);
    }
    state.seq += 1;
    await writeHistory(transaction, entry, state.seq);
  }
  for (const [id, { seq, exists }] of numbers) {
    if (exists)
      await transaction
        .collection(COLLECTIONS.tasks)
        .doc(id)
        .update({ data: { [HIDDEN_FIELDS.historySeq]: seq } });
  }
}

async function requireAbsent(transaction: CloudTransaction, collection: string, id: string, why: string) {
  const ref = transaction.collection(collection).doc(id);
  if (await readDoc(ref)) throw new StoreConflictError(why);
  return ref;
}

/** Everything `commitTaskChange` writes; throws StoreConflictError (not retried) when refused. */
export async function writeTaskChange(
  transaction: CloudTransaction,
  command: CloudCommand,
  change: TaskChange,
): Promise<void> {
  const { after } = change;
  // A derived task (version 0) was never stored: the change creates it, as a new task would be.
  const before = change.before && change.before.version > 0 ? change.before : null;
  if (change.before && (change.before.id !== after.id || change.before.districtId !== after.districtId)) {
    throw new Error('a task change must keep the task id and district');
  }
  const taskRef = transaction.collection(COLLECTIONS.tasks).doc(taskDocId(after));
  const stored = await readDoc(taskRef);
  if (before === null && stored) throw new StoreConflictError('task already exists');
  if (before !== null && (!stored || stored.version !== before.version)) {
    throw new StoreConflictError('task changed since it was read');
  }
  // The counters move from what is stored (the version matched, so it is `before`) to `after`.
  const current = stored ? taskFromDoc(stored) : null;

  if (change.request) {
    const ref = await requireAbsent(
      transaction,
      COLLECTIONS.requests,
      requestDocId(change.request),
      'request id already used',
    );
    await ref.set({ data: { ...change.request } });
  }
  if (change.addEvidence) {
    const evidence = change.addEvidence;
    const ref = await requireAbsent(
      transaction,
      COLLECTIONS.evidence,
      evidenceDocId(evidence.districtId, evidence.id),
      'evidence id already used',
    );
    await ref.set({ data: { ...evidence } });
  }
  if (change.link) {
    const ref = await requireAbsent(
      transaction,
      COLLECTIONS.links,
      linkDocId(change.link),
      'evidence already linked to the task',
    );
    await ref.set({ data: { ...change.link } });
  }
  if (change.instruction) {
    const instruction = change.instruction;
    const ref = await requireAbsent(
      transaction,
      COLLECTIONS.instructions,
      instructionDocId(instruction.districtId, instruction.id),
      'instruction id already used',
    );
    await ref.set({ data: { ...instruction } });
  }
  if (change.unlinkEvidenceId) {
    const link = { districtId: after.districtId, taskId: after.id, evidenceId: change.unlinkEvidenceId };
    const ref = transaction.collection(COLLECTIONS.links).doc(linkDocId(link));
    if (!(await readDoc(ref))) throw new StoreConflictError('evidence was not linked to the task');
    await ref.remove();
  }

  let historySeq = historyNumber(stored);
  const foreign: HistoryEntry[] = [];
  for (const entry of change.history) {
    if (entry.districtId !== after.districtId || entry.taskId !== after.id) {
      foreign.push(entry);
      continue;
    }
    historySeq += 1;
    await writeHistory(transaction, entry, historySeq);
  }
  await writeForeignHistory(transaction, foreign);
  await taskRef.set({ data: taskDocument(after, historySeq) });
  await applyCounterDeltas(transaction, command, after.unitId, counterDeltas(current, after));
}

/** Creates those of `tasks` not there yet, with their first history entry and counters. */
export async function insertTaskBatch(
  transaction: CloudTransaction,
  command: CloudCommand,
  tasks: TaskRecord[],
  history: (task: TaskRecord) => HistoryEntry,
): Promise<number> {
  const created: TaskRecord[] = [];
  for (const task of tasks) {
    const ref = transaction.collection(COLLECTIONS.tasks).doc(taskDocId(task));
    if (await readDoc(ref)) continue;
    const entry = history(task);
    const own = entry.districtId === task.districtId && entry.taskId === task.id;
    await ref.set({ data: taskDocument(task, own ? 1 : 0) });
    if (own) await writeHistory(transaction, entry, 1);
    else await writeForeignHistory(transaction, [entry]);
    created.push(task);
  }
  for (const unitId of new Set(created.map((task) => task.unitId))) {
    const ofUnit = created.filter((task) => task.unitId === unitId);
    for (const year of new Set(ofUnit.map((task) => task.year))) {
      const deltas = ofUnit.filter((task) => task.year === year).flatMap((task) => counterDeltas(null, task));
      await applyCounterDeltas(transaction, command, unitId, deltas);
    }
  }
  return created.length;
}

export { TASK_HIDDEN };
