/**
 * Cloud storage: `uploadFile` asks `storage.getUploadMetadata` for a signed COS form and posts the
 * file to it; `getTempFileURL` (`storage.batchGetDownloadUrl`) signs a CDN link that expires (10
 * minutes unless maxAge says otherwise, as for the default private bucket); `downloadFile` fetches
 * that link; `deleteFile` is `storage.batchDeleteFile`. Both batch actions take at most 50 files.
 */
import { createHmac, randomBytes } from 'crypto';
import { errors } from './errors';
import type { Params } from './database';

export interface StoredFile {
  fileID: string;
  cloudPath: string;
  content: Buffer;
  uploadedAt: number;
}

interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

export const MAX_FILES_PER_CALL = 50;
export const DEFAULT_URL_SECONDS = 600;

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
};

/** COS answers failures with an XML document, which the SDK parses. */
function cosError(status: number, code: string, message: string, resource: string): HttpAnswer {
  const id = randomBytes(12).toString('base64');
  const body = `<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n<Code>${code}</Code>\n<Message>${message}</Message>\n<Resource>${resource}</Resource>\n<RequestId>${id}</RequestId>\n<TraceId>${id}</TraceId>\n</Error>`;
  return { status, headers: { 'content-type': 'application/xml' }, body };
}

export class StorageService {
  /** Like a real bucket: the hex of the env id's first two letters, the env id, an app id. */
  readonly bucket: string;
  private readonly files = new Map<string, StoredFile>();
  private readonly forms = new Map<string, { cloudPath: string; authorization: string; cosFileId: string }>();
  private readonly secret = randomBytes(16);

  constructor(
    private readonly envId: string,
    private readonly origin: () => string,
  ) {
    this.bucket = `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-1250000000`;
  }

  fileIdOf(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`;
  }

  private pathOf(fileID: unknown): string | null {
    const prefix = `cloud://${this.envId}.${this.bucket}/`;
    return typeof fileID === 'string' && fileID.startsWith(prefix) ? fileID.slice(prefix.length) : null;
  }

  list(): StoredFile[] {
    return [...this.files.values()];
  }

  put(cloudPath: string, content: Buffer): string {
    const fileID = this.fileIdOf(cloudPath);
    this.files.set(cloudPath, { fileID, cloudPath, content: Buffer.from(content), uploadedAt: Date.now() });
    return fileID;
  }

  handle(action: string, params: Params): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(params.path);
      case 'storage.batchGetDownloadUrl':
        return { data: { download_list: this.batch(params.file_list).map((entry) => this.downloadUrl(entry)) } };
      case 'storage.batchDeleteFile':
        return { data: { delete_list: this.batch(params.fileid_list).map((fileID) => this.delete(fileID)) } };
      default:
        throw errors.unsupported(`the action ${action}`);
    }
  }

  private batch(list: unknown): unknown[] {
    if (!Array.isArray(list) || list.length === 0) throw errors.invalidParam('the file list must be a non-empty array');
    if (list.length > MAX_FILES_PER_CALL) {
      throw errors.invalidParam(`at most ${MAX_FILES_PER_CALL} files a call, ${list.length} given`);
    }
    return list;
  }

  private uploadMetadata(cloudPath: unknown): Record<string, unknown> {
    if (typeof cloudPath !== 'string' || cloudPath === '' || cloudPath.startsWith('/')) {
      throw errors.invalidParam('path must be a non-empty relative path');
    }
    const token = randomBytes(24).toString('hex');
    const authorization = `q-sign-algorithm=sha1&q-ak=emulator&q-signature=${randomBytes(20).toString('hex')}`;
    const cosFileId = randomBytes(16).toString('hex');
    this.forms.set(token, { cloudPath, authorization, cosFileId });
    return {
      data: {
        url: `${this.origin()}/cos/${this.bucket}`,
        token,
        authorization,
        fileId: this.fileIdOf(cloudPath),
        cosFileId,
        download_url: `${this.origin()}/cdn/${this.bucket}/${cloudPath}`,
      },
    };
  }

  private downloadUrl(entry: unknown): Record<string, unknown> {
    const { fileid: fileID, max_age: maxAge = DEFAULT_URL_SECONDS } = (entry ?? {}) as {
      fileid?: unknown;
      max_age?: number;
    };
    const cloudPath = this.pathOf(fileID);
    if (cloudPath === null || !this.files.has(cloudPath)) {
      return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' };
    }
    const t = Math.floor(Date.now() / 1000) + maxAge;
    const tempFileURL = `${this.origin()}/cdn/${this.bucket}/${cloudPath}?sign=${this.sign(cloudPath, t)}&t=${t}`;
    return { fileID, tempFileURL, code: 'SUCCESS', maxAge };
  }

  private delete(fileID: unknown): Record<string, unknown> {
    const cloudPath = this.pathOf(fileID);
    if (cloudPath === null || !this.files.delete(cloudPath)) {
      return { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exist' };
    }
    return { fileID, code: 'SUCCESS' };
  }

  private sign(cloudPath: string, t: number): string {
    return createHmac('sha256', this.secret).update(`${cloudPath}\n${t}`).digest('hex').slice(0, 32);
  }

  /** The POST of the upload form: the signature and token issued for that very key, or refused. */
  upload(bucket: string, fields: Map<string, Buffer>): HttpAnswer {
    const text = (name: string) => fields.get(name)?.toString('utf8') ?? '';
    const form = this.forms.get(text('x-cos-security-token'));
    const key = text('key');
    if (bucket !== this.bucket) return cosError(404, 'NoSuchBucket', 'The specified bucket does not exist.', bucket);
    if (!form || form.cloudPath !== key || form.authorization !== text('Signature')) {
      return cosError(403, 'AccessDenied', 'Access Denied.', `/${key}`);
    }
    const content = fields.get('file');
    if (!content) return cosError(400, 'InvalidArgument', 'The file field is missing.', `/${key}`);
    this.put(key, content);
    return { status: 204, headers: {}, body: '' };
  }

  /** A GET of a temporary link: served while its signature holds and the file exists. */
  download(bucket: string, cloudPath: string, query: URLSearchParams): HttpAnswer {
    const t = Number(query.get('t'));
    const signed = bucket === this.bucket && query.get('sign') === this.sign(cloudPath, t);
    if (!signed) return cosError(403, 'AccessDenied', 'Access Denied.', `/${cloudPath}`);
    if (t < Date.now() / 1000) return cosError(403, 'AccessDenied', 'Request has expired', `/${cloudPath}`);
    const file = this.files.get(cloudPath);
    if (!file) return cosError(404, 'NoSuchKey', 'The specified key does not exist.', `/${cloudPath}`);
    const type = MIME[cloudPath.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
    return { status: 200, headers: { 'content-type': type }, body: file.content };
  }
}
