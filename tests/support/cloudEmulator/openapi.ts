/**
 * `cloud.openapi.*` (action `wx.openApi`, a protobuf call whose parameters are snake_case JSON):
 * `subscribeMessage.send` and `wxacode.getUnlimited`, answering as WeChat does, `{ errcode,
 * errmsg }` JSON for results and refusals, the image bytes for a code. Any other API is "API not
 * found" (-604100); with the function's `permissions.openapi` (config.json) given, an API it does
 * not list is "no permission" (-604101).
 */
import { randomBytes } from 'crypto';
import { decodeOpenApiCall, encodeOpenApiAnswer } from './protobuf';

export interface SentMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
  at: number;
}

export interface CodeRequest {
  scene: string;
  page?: string;
  checkPath: boolean;
  envVersion: string;
  width?: number;
  at: number;
}

/** A 1×1 PNG: enough for "is it an image"; the real service sends a drawn code. */
export const CODE_IMAGE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

type Answer = { errcode: number; errmsg: string } | { image: Buffer };

const rid = () =>
  `rid: ${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
const refuse = (errcode: number, text: string): Answer => ({ errcode, errmsg: `${text} ${rid()}` });

export class OpenApiService {
  readonly sentMessages: SentMessage[] = [];
  readonly codeRequests: CodeRequest[] = [];
  private readonly refusals = new Map<string, number>();
  /** The calling function's `permissions.openapi`; null: every API allowed. */
  permissions: readonly string[] | null = null;

  constructor(private readonly releasedPages: readonly string[]) {}

  refuseNextMessage(openid: string): void {
    this.refusals.set(openid, (this.refusals.get(openid) ?? 0) + 1);
  }

  /** The protobuf answer to one call. */
  handle(apiName: string, requestData: Buffer): Buffer {
    if (this.permissions && !this.permissions.includes(apiName)) return encodeOpenApiAnswer({ errorCode: -604101 });
    const params = new Map<string, unknown>();
    for (const [key, value] of decodeOpenApiCall(requestData)) params.set(key, JSON.parse(value.toString('utf8')));
    let answer: Answer;
    if (apiName === 'subscribeMessage.send') answer = this.send(params);
    else if (apiName === 'wxacode.getUnlimited') answer = this.code(params);
    else return encodeOpenApiAnswer({ errorCode: -604100 });
    if ('image' in answer) return encodeOpenApiAnswer({ respData: answer.image, contentType: 'image/png' });
    const json = Buffer.from(JSON.stringify(answer));
    return encodeOpenApiAnswer({ respData: json, contentType: 'application/json; charset=UTF-8' });
  }

  private send(params: Map<string, unknown>): Answer {
    const touser = params.get('touser');
    const templateId = params.get('template_id');
    const data = params.get('data') as Record<string, { value?: unknown }> | undefined;
    const state = params.get('miniprogram_state');
    if (typeof touser !== 'string' || touser === '') return refuse(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId === '') return refuse(40037, 'invalid template_id');
    if (!data || typeof data !== 'object' || Object.keys(data).length === 0)
      return refuse(47003, 'argument invalid! data is empty');
    const empty = Object.keys(data).find((key) => typeof data[key]?.value !== 'string' || data[key].value === '');
    if (empty) return refuse(47003, `argument invalid! data.${empty}.value is empty`);
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
      return refuse(47003, 'argument invalid! miniprogram_state invalid');
    }
    const refusals = this.refusals.get(touser) ?? 0;
    if (refusals > 0) {
      this.refusals.set(touser, refusals - 1);
      return refuse(43101, 'user refuse to accept the msg');
    }
    this.sentMessages.push({
      touser,
      templateId,
      page: params.get('page') as string | undefined,
      data: data as SentMessage['data'],
      miniprogramState: state as string | undefined,
      lang: params.get('lang') as string | undefined,
      at: Date.now(),
    });
    return { errcode: 0, errmsg: 'ok' };
  }

  private code(params: Map<string, unknown>): Answer {
    const scene = params.get('scene');
    const page = params.get('page') as string | undefined;
    const checkPath = params.get('check_path') !== false;
    const envVersion = String(params.get('env_version') ?? 'release');
    if (typeof scene !== 'string' || !SCENE.test(scene)) return refuse(40129, 'invalid scene');
    if (!['release', 'trial', 'develop'].includes(envVersion)) return refuse(40097, 'invalid args');
    if (page !== undefined && (page.startsWith('/') || page.includes('?'))) return refuse(41030, 'invalid page');
    // With check_path (the default) the page must exist in the released version.
    if (page !== undefined && checkPath && !this.releasedPages.includes(page)) return refuse(41030, 'invalid page');
    const width = params.get('width');
    this.codeRequests.push({
      scene,
      page,
      checkPath,
      envVersion,
      width: typeof width === 'number' ? width : undefined,
      at: Date.now(),
    });
    return { image: CODE_IMAGE };
  }
}
