import { createHash } from 'crypto';
import { DomainError } from '../../src/core/errors';
import type { FileOwner, FileStorage, StoredFileFacts } from '../../src/core/ports/FileStorage';

/** Files kept in memory for handler tests; uploads themselves are tested with the real storage. */
export class MemoryFileStorage implements FileStorage {
  private readonly files = new Map<
    string,
    { districtId: string; bytes: Buffer; mime: string; owner: { unitId: string; openid: string } | null }
  >();
  private counter = 0;
  /** Generated files (exports, reports) by id, with the name they were saved under. */
  readonly saved = new Map<string, string>();

  /** An upload by a unit (西郊街道's staff unless said). */
  put(districtId: string, bytes: Buffer, mime = 'image/png', unitId = 'xijiao', openid = `staff-${unitId}`): string {
    return this.keep(districtId, bytes, mime, { unitId, openid });
  }

  private keep(districtId: string, bytes: Buffer, mime: string, owner: { unitId: string; openid: string } | null) {
    this.counter += 1;
    const fileId = `mem-${this.counter}`;
    this.files.set(fileId, { districtId, bytes, mime, owner });
    return fileId;
  }

  async ownerOf(fileId: string): Promise<FileOwner | null> {
    const file = this.files.get(fileId);
    return file?.owner ? { districtId: file.districtId, ...file.owner } : null;
  }

  async inspect(fileId: string, districtId: string): Promise<StoredFileFacts> {
    const file = this.files.get(fileId);
    if (!file || file.districtId !== districtId) throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
    return {
      fileId,
      size: file.bytes.length,
      mime: file.mime,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    };
  }

  async temporaryUrls(fileIds: string[]): Promise<Record<string, string>> {
    return Object.fromEntries(fileIds.map((fileId) => [fileId, `memory://${fileId}`]));
  }

  async save(districtId: string, name: string, content: Buffer, mime: string): Promise<string> {
    const fileId = this.keep(districtId, content, mime, null);
    this.saved.set(fileId, name);
    return fileId;
  }

  async read(fileId: string): Promise<Buffer> {
    const file = this.files.get(fileId);
    if (!file) throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
    return Buffer.from(file.bytes);
  }

  /** The bytes of a file, for tests to open what a handler produced. */
  bytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes;
  }
}
