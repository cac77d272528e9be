import { createReadStream } from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import { DomainError } from '../../src/core/errors';
import type { LocalFileStorage } from '../files/LocalFileStorage';

const FILE_PATH = /^\/files\/(local-[0-9a-f]{24})$/;
const NOT_FOUND = '找不到该文件';

/**
 * `GET /files/<fileId>?e=<expiry>&s=<signature>`: the bytes of an uploaded or generated file,
 * for a URL signed by LocalFileStorage.temporaryUrls and not yet expired. The id must have the
 * storage's own shape: what is on disk is found through the store, never from the path.
 */
export async function filesRoute(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  files: LocalFileStorage,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw new DomainError('INVALID_ARGUMENT', '请用 GET 打开文件');
  }
  const match = FILE_PATH.exec(url.pathname);
  if (!match) throw new DomainError('NOT_FOUND', NOT_FOUND);
  const fileId = match[1];
  const signed = await files.verifySignature(fileId, url.searchParams.get('e'), url.searchParams.get('s'));
  if (!signed) throw new DomainError('FORBIDDEN', '链接已失效，请返回重新打开');
  const opened = await files.open(fileId);
  if (!opened) throw new DomainError('NOT_FOUND', NOT_FOUND);

  response.writeHead(200, {
    'Content-Type': opened.record.mime,
    'Content-Length': String(opened.size),
    'Content-Disposition': `inline; filename*=UTF-8''${encodeRfc5987(opened.record.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(opened.path);
    stream.on('error', () => {
      response.destroy();
      resolve();
    });
    response.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(response);
  });
}

/** RFC 5987 ext-value: percent-encoded UTF-8, with the few characters encodeURIComponent leaves. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
