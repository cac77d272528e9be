import Busboy from 'busboy';
import { createHash, randomBytes } from 'crypto';
import { createWriteStream } from 'fs';
import { mkdir, rm } from 'fs/promises';
import type { IncomingMessage } from 'http';
import { join } from 'path';
import { Transform, type Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { DomainError } from '../../src/core/errors';
import { BodyIdleError, BodyTooLargeError, declaredTooLarge, idleTimer, RequestAbortedError } from './readBody';

/** The one file of an upload, written to a temporary file as it came in. */
export interface SpooledFile {
  /** The temporary file (mode 0600) in `tempDir`: the caller moves it into place or removes it. */
  path: string;
  size: number;
  /** Hex sha256 of the content, computed while it streamed. */
  sha256: string;
  /** The file name the client sent with the part (not yet made safe). */
  filename: string;
}

export interface MultipartLimits {
  /** The largest file accepted (a file of exactly this size is). */
  maxFileBytes: number;
  /** The largest whole body (the file plus the form's framing). */
  maxBodyBytes: number;
  tooLargeMessage: string;
  /** Where the temporary file goes (the uploads folder: a rename then puts it in place). */
  tempDir: string;
  /** Nothing received for this long: the upload is cut (BodyIdleError). */
  idleTimeoutMs?: number;
  idleMessage: string;
}

const NOT_MULTIPART = '请用 multipart/form-data 上传文件（字段名 file）';
const NO_FILE = '请选择要上传的文件';
const ONE_FILE = '一次只能上传一个文件';
const MALFORMED = '上传的内容格式不对，请重新上传';

/**
 * Streams the one file of a multipart/form-data body (field `file`) to a temporary file in
 * `tempDir`, hashing it on the way: memory holds a few chunks, never the file. Gives up as soon as
 * the file or the body goes past its limit (BodyTooLargeError), the body stalls (BodyIdleError) or
 * the client goes away; then the temporary file is removed before the promise rejects. Other
 * fields are ignored.
 */
export function receiveUploadedFile(request: IncomingMessage, limits: MultipartLimits): Promise<SpooledFile> {
  if (declaredTooLarge(request, limits.maxBodyBytes)) {
    return Promise.reject(new BodyTooLargeError(limits.tooLargeMessage));
  }
  let parser: Busboy.Busboy;
  try {
    parser = Busboy({
      headers: request.headers,
      defParamCharset: 'utf8', // browsers send file names as raw UTF-8
      // busboy reports a file that reaches its limit as cut off: one byte more lets exactly the maximum through.
      limits: { files: 1, fileSize: limits.maxFileBytes + 1, fields: 16, fieldSize: 4096, parts: 32, headerPairs: 32 },
    });
  } catch {
    return Promise.reject(new DomainError('INVALID_ARGUMENT', NOT_MULTIPART));
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    let parsed = false;
    let received = 0;
    let filename = '';
    let tempPath: string | null = null;
    let spooling: Spool | null = null;
    let writing: Promise<{ size: number; sha256: string }> | null = null;
    let written: { size: number; sha256: string } | null = null;

    const idle = idleTimer(limits.idleTimeoutMs, () => fail(new BodyIdleError(limits.idleMessage)));
    const detach = () => {
      idle.clear();
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      detach();
      request.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => undefined);
      spooling?.abort(error);
      // Reject only once nothing of it is left on disk.
      void (async () => {
        await writing?.catch(() => undefined);
        if (tempPath) await rm(tempPath, { force: true }).catch(() => undefined);
        reject(error);
      })();
    };
    const finishIfDone = () => {
      if (settled || !parsed) return;
      if (!writing) return fail(new DomainError('INVALID_ARGUMENT', NO_FILE));
      if (!written || !tempPath) return; // still being written
      settled = true;
      detach();
      resolve({ path: tempPath, filename, ...written });
    };
    const onData = (chunk: Buffer) => {
      idle.touch();
      received += chunk.length;
      if (received > limits.maxBodyBytes) fail(new BodyTooLargeError(limits.tooLargeMessage));
    };
    // All of it is in: what is left (writing the last chunks) is ours, not the client's, to wait for.
    const onEnd = () => idle.clear();
    const onClose = () => {
      if (!request.complete) fail(new RequestAbortedError());
    };

    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || writing || settled) {
        stream.resume();
        if (field === 'file') fail(new DomainError('INVALID_ARGUMENT', ONE_FILE));
        return;
      }
      filename = info.filename ?? '';
      stream.on('limit', () => fail(new BodyTooLargeError(limits.tooLargeMessage)));
      const path = join(limits.tempDir, `.upload-${randomBytes(8).toString('hex')}.tmp`);
      tempPath = path;
      spooling = spool(stream, path, limits);
      writing = spooling.done;
      writing.then(
        (result) => {
          written = result;
          finishIfDone();
        },
        (error: Error) => fail(error),
      );
    });
    parser.on('filesLimit', () => fail(new DomainError('INVALID_ARGUMENT', ONE_FILE)));
    parser.on('error', () => fail(new DomainError('INVALID_ARGUMENT', MALFORMED)));
    parser.on('close', () => {
      parsed = true;
      finishIfDone();
    });
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
    request.pipe(parser);
  });
}

interface Spool {
  done: Promise<{ size: number; sha256: string }>;
  /** Stops writing: `done` rejects (the part's own stream is left to busboy, which ends it). */
  abort: (error: Error) => void;
}

/** Writes the file part to `path` (created, 0600), counting and hashing it; synced before `done` resolves. */
function spool(
  stream: Readable,
  path: string,
  limits: Pick<MultipartLimits, 'tempDir' | 'maxFileBytes' | 'tooLargeMessage'>,
): Spool {
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limits.maxFileBytes) return done(new BodyTooLargeError(limits.tooLargeMessage));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const done = (async () => {
    await mkdir(limits.tempDir, { recursive: true });
    // flush: the file is synced to disk before it is closed, and pipeline resolves after the close.
    await pipeline(stream, meter, createWriteStream(path, { flags: 'wx', mode: 0o600, flush: true }));
    return { size, sha256: hash.digest('hex') };
  })();
  return {
    done,
    // Destroying the meter (not busboy's stream, which may already have been ended) makes the
    // pipeline stop and reject at once.
    abort: (error) => {
      meter.destroy(error);
      stream.resume();
    },
  };
}
