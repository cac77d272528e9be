import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'fs/promises';
import { dirname, join } from 'path';
import { DomainError } from '../../src/core/errors';
import { checkUpload, sniffFileType } from '../../src/core/files/sniff';
import { MAX_UPLOAD_BYTES, safeFileName, UPLOAD_MESSAGES } from '../../src/core/files/uploadPolicy';
import type { FileRecord } from '../../src/core/model';
import type { FileOwner, FileStorage, StoredFileFacts } from '../../src/core/ports/FileStorage';
import type { EvidenceStore } from '../../src/core/ports/Store';

/** The ids this storage hands out: nothing else is ever looked up or turned into a path. */
export const FILE_ID_PATTERN = /^local-[0-9a-f]{24}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;
export const URL_TTL_SECONDS = 60 * 60;
const NOT_FOUND_MESSAGE = '找不到该文件，请重新上传';

export interface LocalFileStorageOptions {
  /** `.data/` of the local cloud: files go to `<dataDir>/uploads/<sha256>`, the URL key to `<dataDir>/secret`. */
  dataDir: string;
  store: Pick<EvidenceStore, 'saveFile' | 'getFile'>;
  now?: () => Date;
  /** Put before `/files/…` in the signed URLs (e.g. an origin); empty for same-origin paths. */
  urlPrefix?: string;
}

export interface AcceptedUpload {
  fileId: string;
  name: string;
  size: number;
  mime: string;
}

export interface UploadInput {
  bytes: Uint8Array;
  /** The name the client gave; made safe before it is stored. */
  name: string;
  openid: string;
  districtId: string;
  unitId: string;
}

/** An upload the HTTP layer already streamed to a temporary file in the uploads folder. */
export interface SpooledUploadInput {
  /** The temporary file: moved into place when the upload is accepted, removed otherwise. */
  path: string;
  size: number;
  sha256: string;
  /** The name the client gave; made safe before it is stored. */
  name: string;
  openid: string;
  districtId: string;
  unitId: string;
}

/** Temporary files of writes and uploads under way (none is under way before the server listens). */
const TEMPORARY_FILE = /^\.(?:upload-[0-9a-f]{16}|[0-9a-f]{64}\.[0-9a-f]{12})\.tmp$/;
/** The buffer uploads are read back into for their check is let go after this long unused. */
const CHECK_BUFFER_IDLE_MS = 60_000;

/**
 * Files of the local cloud: content-addressed on disk (the same bytes are stored once), one
 * FileRecord per upload in the store, opened through short-lived HMAC-signed URLs.
 */
export class LocalFileStorage implements FileStorage {
  readonly dataDir: string;
  readonly uploadsDir: string;
  private readonly secretPath: string;
  private readonly store: LocalFileStorageOptions['store'];
  private readonly now: () => Date;
  private readonly urlPrefix: string;
  private secret: Promise<Buffer> | null = null;
  /** Uploads are checked one at a time, read back into this one buffer: memory does not grow with them. */
  private checkQueue: Promise<unknown> = Promise.resolve();
  private checkBuffer: Buffer | null = null;
  private checkBufferTimer: NodeJS.Timeout | null = null;

  constructor(options: LocalFileStorageOptions) {
    this.dataDir = options.dataDir;
    this.uploadsDir = join(options.dataDir, 'uploads');
    this.secretPath = join(options.dataDir, 'secret');
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.urlPrefix = options.urlPrefix ?? '';
  }

  /** Checks an upload by content and stores it; when the check fails nothing is written. */
  async acceptUpload(input: UploadInput): Promise<AcceptedUpload> {
    const { mime, name } = checkUpload(input.bytes, input.name);
    const record = await this.storeBytes(input.bytes, {
      districtId: input.districtId,
      ownerOpenid: input.openid,
      unitId: input.unitId,
      mime,
      name,
    });
    return { fileId: record.fileId, name: record.name, size: record.size, mime: record.mime };
  }

  async ownerOf(fileId: string): Promise<FileOwner | null> {
    const record = await this.findRecord(fileId);
    if (!record || !record.unitId || record.ownerOpenid === 'system') return null;
    return { districtId: record.districtId, unitId: record.unitId, openid: record.ownerOpenid };
  }

  /**
   * Checks an upload that is on disk already (a temporary file in the uploads folder) by its
   * content, then renames it into place and records it; when the check fails the temporary file
   * is removed and nothing is recorded. Checks run one at a time in one reused buffer.
   */
  async acceptSpooledUpload(input: SpooledUploadInput): Promise<AcceptedUpload> {
    try {
      if (!SHA256_PATTERN.test(input.sha256)) throw new Error('acceptSpooledUpload: not a sha256');
      const { mime, name } = await this.checkOnDisk(input.path, input.size, input.name);
      const target = join(this.uploadsDir, input.sha256);
      if ((await sizeOf(target)) === input.size) await rm(input.path, { force: true });
      else await rename(input.path, target);
      const record = await this.saveRecord(input.sha256, input.size, {
        districtId: input.districtId,
        ownerOpenid: input.openid,
        unitId: input.unitId,
        mime,
        name,
      });
      return { fileId: record.fileId, name: record.name, size: record.size, mime: record.mime };
    } finally {
      await rm(input.path, { force: true });
    }
  }

  /** Removes temporary files a stopped server left behind (call before serving). */
  async removeTemporaryFiles(): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.uploadsDir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const stale = names.filter((name) => TEMPORARY_FILE.test(name));
    await Promise.all(stale.map((name) => rm(join(this.uploadsDir, name), { force: true })));
    return stale.length;
  }

  private checkOnDisk(path: string, size: number, claimedName: string): Promise<ReturnType<typeof checkUpload>> {
    if (size > MAX_UPLOAD_BYTES) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.tooLarge);
    return this.inCheckBuffer(path, size, (bytes) => checkUpload(bytes, claimedName));
  }

  /**
   * Reads a file of at most 20 MB into the one buffer the checks share, one check at a time: a
   * burst of uploads or attachments holds one file's bytes in memory, not one per request.
   */
  private inCheckBuffer<T>(path: string, size: number, check: (bytes: Buffer) => T): Promise<T> {
    const run = this.checkQueue.then(async () => {
      if (this.checkBufferTimer) clearTimeout(this.checkBufferTimer);
      if (!this.checkBuffer || this.checkBuffer.length < size) this.checkBuffer = Buffer.allocUnsafe(size);
      try {
        return check(await readInto(path, this.checkBuffer, size));
      } finally {
        this.checkBufferTimer = setTimeout(() => {
          this.checkBuffer = null;
        }, CHECK_BUFFER_IDLE_MS);
        this.checkBufferTimer.unref();
      }
    });
    this.checkQueue = run.catch(() => undefined);
    return run;
  }

  async inspect(fileId: string, districtId: string): Promise<StoredFileFacts> {
    const record = await this.findRecord(fileId);
    if (!record || record.districtId !== districtId) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
    const path = this.contentPath(record.sha256);
    const size = path ? await sizeOf(path) : null;
    if (!path || size === null) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
    if (size > MAX_UPLOAD_BYTES) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.tooLarge);
    return this.inCheckBuffer(path, size, (bytes) => {
      const sha256 = sha256Hex(bytes);
      if (sha256 !== record.sha256) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.truncated);
      const sniffed = sniffFileType(bytes);
      if (!sniffed) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.unsupported);
      if (sniffed.truncated) throw new DomainError('INVALID_ARGUMENT', UPLOAD_MESSAGES.truncated);
      return { fileId: record.fileId, size: bytes.length, mime: sniffed.type.mime, sha256 };
    });
  }

  async temporaryUrls(fileIds: string[]): Promise<Record<string, string>> {
    const expiry = Math.floor(this.now().getTime() / 1000) + URL_TTL_SECONDS;
    const urls: Record<string, string> = {};
    for (const fileId of fileIds) {
      if (!FILE_ID_PATTERN.test(fileId)) continue;
      const signature = await this.sign(fileId, expiry);
      urls[fileId] = `${this.urlPrefix}/files/${fileId}?e=${expiry}&s=${signature}`;
    }
    return urls;
  }

  async save(districtId: string, name: string, content: Buffer, mime: string): Promise<string> {
    const record = await this.storeBytes(content, {
      districtId,
      ownerOpenid: 'system',
      unitId: '',
      mime,
      name: safeFileName(name),
    });
    return record.fileId;
  }

  async read(fileId: string): Promise<Buffer> {
    const record = await this.findRecord(fileId);
    const bytes = record ? await this.readContent(record) : null;
    if (!bytes) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
    return bytes;
  }

  /** True when `e` and `s` (from a URL of temporaryUrls) are a valid, unexpired signature of fileId. */
  async verifySignature(fileId: string, expiry: string | null, signature: string | null): Promise<boolean> {
    if (!FILE_ID_PATTERN.test(fileId) || !expiry || !signature) return false;
    if (!/^\d{1,12}$/.test(expiry) || !SIGNATURE_PATTERN.test(signature)) return false;
    const expiresAt = Number(expiry);
    if (expiresAt * 1000 <= this.now().getTime()) return false;
    const expected = Buffer.from(await this.sign(fileId, expiresAt), 'hex');
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
  }

  /** The record and the path of its bytes on disk, or null when either is missing. */
  async open(fileId: string): Promise<{ record: FileRecord; path: string; size: number } | null> {
    const record = await this.findRecord(fileId);
    if (!record) return null;
    const path = this.contentPath(record.sha256);
    if (!path) return null;
    try {
      const info = await stat(path);
      return info.isFile() ? { record, path, size: info.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async findRecord(fileId: string): Promise<FileRecord | null> {
    if (typeof fileId !== 'string' || !FILE_ID_PATTERN.test(fileId)) return null;
    return this.store.getFile(fileId);
  }

  private contentPath(sha256: string): string | null {
    return SHA256_PATTERN.test(sha256) ? join(this.uploadsDir, sha256) : null;
  }

  private async readContent(record: FileRecord): Promise<Buffer | null> {
    const path = this.contentPath(record.sha256);
    if (!path) return null;
    try {
      return await readFile(path);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  private async storeBytes(
    bytes: Uint8Array,
    meta: Pick<FileRecord, 'districtId' | 'ownerOpenid' | 'unitId' | 'mime' | 'name'>,
  ): Promise<FileRecord> {
    const sha256 = sha256Hex(bytes);
    await this.writeContent(sha256, bytes);
    return this.saveRecord(sha256, bytes.length, meta);
  }

  private async saveRecord(
    sha256: string,
    size: number,
    meta: Pick<FileRecord, 'districtId' | 'ownerOpenid' | 'unitId' | 'mime' | 'name'>,
  ): Promise<FileRecord> {
    const record: FileRecord = {
      fileId: `local-${randomBytes(12).toString('hex')}`,
      ...meta,
      sha256,
      size,
      createdAt: this.now().toISOString(),
    };
    await this.store.saveFile(record);
    return record;
  }

  /** Writes `<uploads>/<sha256>` once: to a temporary file first, synced, then renamed into place. */
  private async writeContent(sha256: string, bytes: Uint8Array): Promise<void> {
    const target = join(this.uploadsDir, sha256);
    try {
      if ((await stat(target)).size === bytes.length) return; // the same content is already there
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    await mkdir(this.uploadsDir, { recursive: true });
    const temp = join(this.uploadsDir, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  private async sign(fileId: string, expiry: number): Promise<string> {
    const key = await this.key();
    return createHmac('sha256', key).update(`${fileId}${expiry}`).digest('hex');
  }

  private key(): Promise<Buffer> {
    this.secret ??= loadOrCreateSecret(this.secretPath).catch((error) => {
      this.secret = null;
      throw error;
    });
    return this.secret;
  }
}

const SECRET_BYTES = 32;

/** The URL signing key: random bytes in a 0600 file, made on first use and kept across restarts. */
async function loadOrCreateSecret(path: string): Promise<Buffer> {
  await mkdir(dirname(path), { recursive: true });
  try {
    const handle = await open(path, 'wx', 0o600);
    const key = randomBytes(SECRET_BYTES);
    try {
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Made by someone else: it may still be being written, so wait for all of it.
  for (let attempt = 0; ; attempt++) {
    const key = await readFile(path);
    if (key.length >= SECRET_BYTES) return key;
    if (attempt >= 20) throw new Error(`the secret file ${path} is too short`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The size of a file, or null when there is none. */
async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Reads the first `size` bytes of a file into `buffer`; the view of what was read. */
async function readInto(path: string, buffer: Buffer, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(buffer, at, size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return buffer.subarray(0, at);
  } finally {
    await handle.close();
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
