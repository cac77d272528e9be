/**
 * Where evidence files live: cloud storage in WeChat, a folder of the local cloud here. Uploads
 * are checked by content before any record points at them.
 */
export interface StoredFileFacts {
  fileId: string;
  size: number;
  /** The type found from the bytes themselves (magic numbers), not the name or the claimed type. */
  mime: string;
  sha256: string;
}

/** Who uploaded a file: evidence can be attached only by the unit that uploaded it. */
export interface FileOwner {
  districtId: string;
  unitId: string;
  openid: string;
}

export interface FileStorage {
  /** Who uploaded the file, as the storage knows it; null for unknown or generated files. */
  ownerOf(fileId: string): Promise<FileOwner | null>;
  /** Reads an uploaded file and checks it; throws DomainError (INVALID_ARGUMENT / NOT_FOUND) when unfit. */
  inspect(fileId: string, districtId: string): Promise<StoredFileFacts>;
  /** Short-lived links for the caller to open files (getTempFileURL in WeChat, signed URLs here). */
  temporaryUrls(fileIds: string[]): Promise<Record<string, string>>;
  /** Saves a generated file (exports, reports) and returns its id. */
  save(districtId: string, name: string, content: Buffer, mime: string): Promise<string>;
  /** The bytes of a stored file (photos for the annual report); throws DomainError NOT_FOUND when missing. */
  read(fileId: string): Promise<Buffer>;
}
