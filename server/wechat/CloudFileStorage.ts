import { evidenceFolder } from '../../src/contract/limits';
import { createHash, randomBytes } from 'crypto';
import { DomainError } from '../../src/core/errors';
import { checkUpload } from '../../src/core/files/sniff';
import type { FileOwner, FileStorage, StoredFileFacts } from '../../src/core/ports/FileStorage';

/** The part of wx-server-sdk's storage API the api function uses. */
export interface CloudStorageApi {
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(options: {
    fileList: string[];
  }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>;
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
}

/** getTempFileURL answers at most 50 files a call. */
const URL_BATCH = 50;

/** Where the app uploads a district's evidence: `evidence/<districtId>/<unitId>/<openid>/<name>`. */
export function evidencePathPrefix(districtId: string): string {
  return evidenceFolder(districtId);
}

const cloudPathOf = (fileId: string) => /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)?.[1] ?? '';

/**
 * Evidence in WeChat cloud storage. The app uploads straight to storage; before a record points
 * at a file the function downloads it and checks it by content, as the local cloud does on upload.
 */
export class CloudFileStorage implements FileStorage {
  constructor(private readonly cloud: CloudStorageApi) {}

  /**
   * The uploader, read from the path the app uploads to (the storage's security rules let each
   * person write only files they create; docs/deploy-wechat.md).
   */
  async ownerOf(fileId: string): Promise<FileOwner | null> {
    const path = cloudPathOf(fileId);
    const parts = path.split('/');
    if (parts.length < 5 || parts[0] !== 'evidence' || path.includes('..') || parts.some((part) => part === '')) {
      return null;
    }
    return { districtId: parts[1], unitId: parts[2], openid: parts[3] };
  }

  async inspect(fileId: string, districtId: string): Promise<StoredFileFacts> {
    const path = cloudPathOf(fileId);
    if (!path.startsWith(evidencePathPrefix(districtId)) || path.includes('..')) {
      throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
    }
    let content: Buffer;
    try {
      content = (await this.cloud.downloadFile({ fileID: fileId })).fileContent;
    } catch {
      throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
    }
    const { mime } = checkUpload(content, path.split('/').pop() ?? 'file');
    return { fileId, size: content.length, mime, sha256: createHash('sha256').update(content).digest('hex') };
  }

  async temporaryUrls(fileIds: string[]): Promise<Record<string, string>> {
    const urls: Record<string, string> = {};
    for (let start = 0; start < fileIds.length; start += URL_BATCH) {
      const { fileList } = await this.cloud.getTempFileURL({ fileList: fileIds.slice(start, start + URL_BATCH) });
      for (const file of fileList) if (file.status === 0) urls[file.fileID] = file.tempFileURL;
    }
    return urls;
  }

  async read(fileId: string): Promise<Buffer> {
    try {
      return (await this.cloud.downloadFile({ fileID: fileId })).fileContent;
    } catch {
      throw new DomainError('NOT_FOUND', '找不到该文件，请重新上传');
    }
  }

  async save(districtId: string, name: string, content: Buffer): Promise<string> {
    const safeName = name.replace(/[^\w.\u4e00-\u9fa5-]/g, '_');
    const cloudPath = `exports/${districtId}/${Date.now()}-${randomBytes(4).toString('hex')}-${safeName}`;
    return (await this.cloud.uploadFile({ cloudPath, fileContent: content })).fileID;
  }
}
