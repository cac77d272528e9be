import { createHash } from 'crypto';
import { DomainError } from '../../src/core/errors';
import type { FileStorage, StoredFileFacts } from '../../src/core/ports/FileStorage';

/** Files kept in memory for handler tests; uploads themselves are tested with the real storage. */
export class MemoryFileStorage implements FileStorage {
  private readonly files = new Map<string, { districtId: string; bytes: Buffer; mime: string }>();
  private counter = 0;

  put(districtId: string, bytes: Buffer, mime = 'image/png'): string {
    this.counter += 1;
    const fileId = `mem-${this.counter}`;
    this.files.set(fileId, { districtId, bytes, mime });
    return fileId;
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

  async save(districtId: string, _name: string, content: Buffer, mime: string): Promise<string> {
    return this.put(districtId, content, mime);
  }
}
