import { z } from 'zod';
import type { Actor } from '../../src/core/authorization';
import type { CatalogInput } from '../../src/core/catalog/preview';
import { CatalogImportError } from '../../src/core/catalog/importError';
import { DomainError } from '../../src/core/errors';
import { FILE_TYPES } from '../../src/core/files/uploadPolicy';
import type { ApiContext } from '../context';
import { id, UNSAFE_TEXT, year } from '../validation';

/** A pasted text export: the 昌江 list is about 6,000 characters; a payload stays under 64 KB. */
export const CATALOG_TEXT_MAX_CHARS = 60_000;

const NASTY_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const itemKey = z.string().regex(/^[1-9]\d{0,2}$/, '应为任务序号');
const phrase = z
  .string()
  .min(1)
  .max(60, '单位写法太长')
  .refine((key) => !NASTY_KEYS.has(key) && !UNSAFE_TEXT.test(key), '单位写法不正确');
const unitIds = z.array(id).max(300, '选择的单位太多');
const limited = <T extends z.ZodTypeAny>(record: T, max: number, what: string) =>
  record.refine((value) => Object.keys(value as object).length <= max, `${what}太多`);

/** The source of a list (a Word file's id or the pasted text: one of the two) and the admin's choices. */
export const catalogSourceFields = {
  fileId: z.string().min(1).max(512).optional(),
  text: z
    .string()
    .max(CATALOG_TEXT_MAX_CHARS, `不能超过${CATALOG_TEXT_MAX_CHARS}个字，请改为上传 Word 文件`)
    .refine((value) => value.trim().length > 0, '请粘贴任务清单的文字')
    .optional(),
  phraseMap: limited(z.record(phrase, unitIds), 200, '单位对应关系').optional(),
  leads: limited(z.record(itemKey, unitIds.min(1, '请选择牵头单位').max(20)), 999, '牵头单位').optional(),
  dates: limited(z.record(itemKey, z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, '应为日期')), 999, '日期').optional(),
};

export const years = z.array(year).min(1, '请选择适用年份').max(5, '一次最多选5个年份');

export const oneSource = (input: { fileId?: string; text?: string }) =>
  (input.fileId === undefined) !== (input.text === undefined);
export const ONE_SOURCE_MESSAGE = '请上传 Word 文件，或粘贴任务清单的文字（二者选一）';

/**
 * What the importer reads: the uploaded .docx (checked by content: only Word's .docx format), or
 * the pasted text export. `readDocx` is passed in so that mammoth stays in the `export` function.
 */
export async function catalogInputOf(
  api: ApiContext,
  actor: Actor,
  input: { fileId?: string; text?: string },
  readDocx: (bytes: Buffer) => Promise<CatalogInput>,
): Promise<CatalogInput> {
  if (input.text !== undefined) return input.text;
  const fileId = input.fileId as string;
  // The admin's own upload (as evidence.add asks of staff): any other file is "not found".
  const owner = await api.files.ownerOf(fileId);
  if (!owner || owner.districtId !== actor.districtId || owner.unitId !== actor.unitId) {
    throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
  }
  const facts = await api.files.inspect(fileId, actor.districtId);
  if (facts.mime !== FILE_TYPES.docx.mime) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      '只能读取 Word 的 .docx 文件：旧版 .doc 或 PDF 请在电脑上另存为 .docx，或直接粘贴清单的文字',
    );
  }
  try {
    return await readDocx(await api.files.read(fileId));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('INVALID_ARGUMENT', '没能读出这个 Word 文件，请检查文件是否完整，或直接粘贴清单的文字');
  }
}

/** The importer's refusal (a document that is no task list at all) in the admin's words. */
export function asDomainError(error: unknown): never {
  if (error instanceof CatalogImportError)
    throw new DomainError('FAILED_PRECONDITION', `无法读取任务清单：${error.message}`);
  throw error;
}
