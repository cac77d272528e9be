import Busboy from 'busboy';
import type { IncomingMessage } from 'http';
import { DomainError } from '../../src/core/errors';
import { BodyTooLargeError, declaredTooLarge, RequestAbortedError } from './readBody';

export interface UploadedFile {
  bytes: Buffer;
  /** The file name the client sent with the part (not yet made safe). */
  filename: string;
}

export interface MultipartLimits {
  /** The largest file accepted. */
  maxFileBytes: number;
  /** The largest whole body (the file plus the form's framing). */
  maxBodyBytes: number;
  tooLargeMessage: string;
}

const NOT_MULTIPART = '请用 multipart/form-data 上传文件（字段名 file）';
const NO_FILE = '请选择要上传的文件';
const ONE_FILE = '一次只能上传一个文件';
const MALFORMED = '上传的内容格式不对，请重新上传';

/**
 * Reads the one file of a multipart/form-data body (field `file`) into memory while it streams
 * in, and gives up as soon as the file or the body goes past its limit: BodyTooLargeError then,
 * with nothing kept. Other fields are ignored.
 */
export function readUploadedFile(request: IncomingMessage, limits: MultipartLimits): Promise<UploadedFile> {
  if (declaredTooLarge(request, limits.maxBodyBytes)) {
    return Promise.reject(new BodyTooLargeError(limits.tooLargeMessage));
  }
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: request.headers,
      defParamCharset: 'utf8', // browsers send file names as raw UTF-8
      limits: { files: 1, fileSize: limits.maxFileBytes, fields: 16, fieldSize: 4096, parts: 32, headerPairs: 32 },
    });
  } catch {
    return Promise.reject(new DomainError('INVALID_ARGUMENT', NOT_MULTIPART));
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    let received = 0;
    let file: UploadedFile | null = null;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      request.off('close', onClose);
      if (error) {
        request.unpipe(parser);
        parser.removeAllListeners();
        parser.on('error', () => undefined);
        reject(error);
      } else {
        resolve(file as UploadedFile);
      }
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limits.maxBodyBytes) settle(new BodyTooLargeError(limits.tooLargeMessage));
    };
    const onClose = () => {
      if (!request.complete) settle(new RequestAbortedError());
    };

    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || file) {
        stream.resume();
        if (field === 'file') settle(new DomainError('INVALID_ARGUMENT', ONE_FILE));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('limit', () => settle(new BodyTooLargeError(limits.tooLargeMessage)));
      stream.on('end', () => {
        if (!stream.truncated) file = { bytes: Buffer.concat(chunks, size), filename: info.filename ?? '' };
      });
    });
    parser.on('filesLimit', () => settle(new DomainError('INVALID_ARGUMENT', ONE_FILE)));
    parser.on('error', () => settle(new DomainError('INVALID_ARGUMENT', MALFORMED)));
    parser.on('close', () => settle(file ? null : new DomainError('INVALID_ARGUMENT', NO_FILE)));
    request.on('data', onData);
    request.on('close', onClose);
    request.pipe(parser);
  });
}
