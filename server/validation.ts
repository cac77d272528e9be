import { z, type ZodIssue } from 'zod';
import { isIsoDate } from '../src/core/dates';
import { DomainError } from '../src/core/errors';

/** Payload schemas and their refusals in words a user can act on. */

export const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * Control characters (all but line feed and tab) and the bidi overrides that can make a name read
 * backwards (`照片\u202Egpj.exe`): typed text never needs them, so text that holds them is refused.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function cleanText(max: number, min: number, what?: string) {
  let checked = z.string().max(max, `不能超过${max}个字`);
  if (min > 0) checked = checked.min(min, what ? `请填写${what}` : `至少${min}个字`);
  return z
    .string()
    .refine((value) => !UNSAFE_TEXT.test(value), '含有无法显示的控制字符，请删去后再试')
    .transform((value) => value.trim())
    .pipe(checked);
}

/**
 * A file's name as the phone's file system gives it (not typed): cleaned as an upload's name is
 * (safeFileName strips controls, bidi marks and folders), so it is accepted here as it comes.
 */
export const fileName = z.string().trim().min(1, '请填写文件名').max(300, '文件名太长');

/** Text typed by a person: trimmed, at most `max` characters (and at least `min`). */
export const text = (max: number, min = 0) => cleanText(max, min);
export const requiredText = (max: number, what: string) => cleanText(max, 1, what);
export const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_.:|-]+$/, '格式不正确');
/** A write the phone may send twice (a dropped answer): the second gets the first's result. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '应为8到64位字母、数字、下划线或连字符');
export const isoDate = z.string().refine(isIsoDate, '应为 YYYY-MM-DD 格式的日期');
export const year = z.number().int('应为整数').min(2000, '年份不正确').max(2100, '年份不正确');
export const itemNo = z.number().int('应为整数').min(1, '序号不正确').max(999, '序号不正确');

const FIELD_NAMES: Record<string, string> = {
  taskId: '任务',
  evidenceId: '材料',
  fileId: '文件',
  requestId: '请求编号',
  inviteCode: '邀请码',
  name: '名称',
  note: '说明',
  comment: '意见',
  decision: '审核结论',
  year: '年份',
  asOf: '统计日期',
  unitId: '单位',
  itemNo: '任务序号',
  date: '日期',
  role: '角色',
  openid: '人员',
  size: '文件大小',
  mime: '文件类型',
  reason: '理由',
  text: '内容',
  dueDate: '截止日期',
  kind: '类别',
  thumbFileId: '缩略图',
};

function describe(issue: ZodIssue): string {
  const field =
    issue.path
      .map(String)
      .map((part) => FIELD_NAMES[part] ?? part)
      .join('.') || '参数';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${field === '参数' ? '' : field}包含不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_type':
      return issue.received === 'undefined' ? `缺少${field}` : `${field}的类型不正确`;
    case 'invalid_enum_value':
    case 'invalid_literal':
      return `${field}的取值不正确`;
    case 'too_big':
    case 'too_small':
    case 'invalid_string':
    case 'custom':
      return `${field}${issue.message.startsWith('请') ? `：${issue.message}` : issue.message}`;
    default:
      return `${field}不正确`;
  }
}

/** Parses a payload with a strict schema; any problem is INVALID_ARGUMENT naming the field. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const input = payload === undefined || payload === null ? {} : payload;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new DomainError('INVALID_ARGUMENT', '参数应为一个对象');
  }
  let size = 0;
  try {
    size = JSON.stringify(input).length;
  } catch {
    throw new DomainError('INVALID_ARGUMENT', '参数无法解析');
  }
  if (size > MAX_PAYLOAD_BYTES) throw new DomainError('INVALID_ARGUMENT', '参数过大');
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('INVALID_ARGUMENT', `参数不正确：${describe(result.error.issues[0])}`);
  }
  return result.data;
}
