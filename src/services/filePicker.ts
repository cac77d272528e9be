import Taro from '@tarojs/taro';
import type { EvidenceKind } from './draftModel';
import { IS_H5, IS_WEAPP } from './platform';
import { ACCEPTED_EXTENSIONS, extensionOf, typeOfExtension } from '../core/files/uploadPolicy';
import type { PickedFile } from './upload';
import { pickerRefusal } from './pickerRefusal';
import { browserFileStore } from './browserFileStore';
import type { DraftFile } from './draftModel';

/**
 * Picking evidence on the phone: photos from the camera or album, documents from a WeChat chat.
 * In WeChat these are the mini-program pickers; in the H5 app a hidden file input does the same.
 */

export interface PickedEvidence extends PickedFile {
  kind: EvidenceKind;
}

/** What the server takes (checked again there, by content). */
export const DOCUMENT_EXTENSIONS = [...ACCEPTED_EXTENSIONS];
export const MAX_PICK = 9;

/** A picker that was closed without choosing is not an error. */
export class PickerError extends Error {}

function kindOf(name: string): EvidenceKind {
  return typeOfExtension(extensionOf(name))?.kind === 'image' ? 'image' : 'document';
}

function isCancel(error: unknown): boolean {
  const message = (error as { errMsg?: string } | null)?.errMsg ?? String(error);
  return /cancel/i.test(message);
}

function photoName(index: number, path: string): string {
  const now = new Date(Date.now() + 8 * 3_600_000).toISOString();
  const stamp = `${now.slice(5, 7)}${now.slice(8, 10)}-${now.slice(11, 13)}${now.slice(14, 16)}`;
  const ext = extensionOf(path) === 'png' ? 'png' : 'jpg';
  return `照片${stamp}-${index + 1}.${ext}`;
}

export function sizeOnDisk(path: string, fallback: number): number {
  try {
    const stats = Taro.getFileSystemManager().statSync(path) as { size?: number };
    return typeof stats.size === 'number' ? stats.size : fallback;
  } catch {
    return fallback;
  }
}

// ---- H5: a hidden <input type="file">; its blob: URLs live as long as the page ----

const livePaths = new Map<string, Blob>();

/** A blob: URL for bytes made on the phone (a photo made small), kept like a picked file. */
export function keepBlob(blob: Blob): string {
  const path = URL.createObjectURL(blob);
  livePaths.set(path, blob);
  return path;
}

/** The bytes behind an H5 path picked or made in this page (null after a reload). */
export function blobOf(path: string): Blob | null {
  return livePaths.get(path) ?? null;
}

function pickWithInput(accept: string, kindFor: (name: string) => EvidenceKind): Promise<PickedEvidence[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = true;
    input.setAttribute('style', 'position:fixed;left:-9999px;top:0;width:1px;height:1px;opacity:0;');
    document.body.appendChild(input);
    const finish = (files: PickedEvidence[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      const chosen = Array.from(input.files ?? []).slice(0, MAX_PICK);
      finish(
        chosen.map((file) => {
          const path = keepBlob(file);
          return { path, name: file.name, size: file.size, kind: kindFor(file.name) };
        }),
      );
    });
    input.addEventListener('cancel', () => finish([]));
    input.click();
  });
}

// ---- WeChat ----

/**
 * 拍照/相册: up to 9 photos, from the camera or the album (WeChat's compressed copies). Each is made
 * small (1600 px, with a thumbnail) in the upload queue, where the clerk sees it happen
 * (photoCompression.ts). Resolves to [] when the picker is closed without a choice.
 */
export async function pickPhotos(max = MAX_PICK): Promise<PickedEvidence[]> {
  if (IS_H5) return pickWithInput('image/*', () => 'image');
  if (!IS_WEAPP) return [];
  let files: Array<{ tempFilePath: string; size: number }>;
  try {
    files = (
      await Taro.chooseMedia({
        count: max,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
      })
    ).tempFiles;
  } catch (error) {
    if (isCancel(error)) return [];
    throw new PickerError(pickerRefusal(error, '相册或相机'));
  }
  return files.map((file, index) => ({
    path: file.tempFilePath,
    size: sizeOnDisk(file.tempFilePath, file.size),
    name: photoName(index, file.tempFilePath),
    kind: 'image' as const,
  }));
}

/** 从聊天选文件: PDF, Word, Excel or pictures sent in a WeChat chat (in H5: any such file). */
export async function pickDocuments(max = MAX_PICK): Promise<PickedEvidence[]> {
  if (IS_H5) return pickWithInput(DOCUMENT_EXTENSIONS.map((ext) => `.${ext}`).join(','), kindOf);
  if (!IS_WEAPP) return [];
  try {
    const result = await Taro.chooseMessageFile({ count: max, type: 'file', extension: DOCUMENT_EXTENSIONS });
    return result.tempFiles.map((file) => ({
      path: file.path,
      name: file.name,
      size: file.size,
      kind: kindOf(file.name),
    }));
  } catch (error) {
    if (isCancel(error)) return [];
    throw new PickerError(pickerRefusal(error, '聊天文件'));
  }
}

/** Whether a file picked earlier can still be read: after a reload an H5 blob: URL is gone. */
export function isPathAvailable(path: string): boolean {
  if (!path) return false;
  if (IS_H5) return livePaths.has(path);
  if (!IS_WEAPP) return false;
  try {
    Taro.getFileSystemManager().accessSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps a picked file for a later 重试, even after WeChat is closed (temporary files are cleaned
 * up): saves it in the mini-program's own storage. In H5 its bytes go into the browser's IndexedDB
 * under the path, which reviveKept() trades for a new one after a reload.
 */
export function keepForRetry(path: string): { path: string; saved: boolean } {
  if (IS_H5) return keepInBrowser(path);
  if (!IS_WEAPP) return { path, saved: false };
  try {
    return { path: Taro.getFileSystemManager().saveFileSync(path), saved: true };
  } catch {
    return { path, saved: false };
  }
}

/**
 * Keeps a file from the moment it starts to upload, so that a reload in the middle does not lose it
 * (H5: IndexedDB). WeChat keeps files only once they fail: its saved files share a 10 MB quota.
 */
export function keepWhileSending(path: string): { path: string; saved: boolean } {
  return IS_H5 ? keepInBrowser(path) : { path, saved: false };
}

function keepInBrowser(path: string): { path: string; saved: boolean } {
  const blob = livePaths.get(path);
  if (!blob || !browserFileStore.available) return { path, saved: false };
  void browserFileStore.put(path, blob);
  return { path, saved: true };
}

/** Frees a file kept for 重试 once it is uploaded or deleted. */
export function discardKept(path: string, saved: boolean | undefined): void {
  if (IS_H5) {
    if (saved) void browserFileStore.remove(path);
    if (livePaths.has(path)) {
      livePaths.delete(path);
      URL.revokeObjectURL(path);
    }
    return;
  }
  if (!saved || !IS_WEAPP) return;
  try {
    Taro.getFileSystemManager().removeSavedFile({ filePath: path });
  } catch {
    // already gone
  }
}

/**
 * H5 after a reload: the waiting files whose bytes were kept in the browser get a new blob: path
 * (the old one died with the page), so that they go again by themselves instead of being chosen
 * again. Elsewhere, and for files never kept, the list comes back as it was.
 */
export async function reviveKept(files: DraftFile[]): Promise<DraftFile[]> {
  if (!IS_H5 || !browserFileStore.available) return files;
  const revive = async (path: string | undefined, saved: boolean | undefined) => {
    if (!path || !saved || livePaths.has(path)) return path;
    const blob = await browserFileStore.get(path);
    if (!blob) return path;
    const fresh = keepBlob(blob);
    await browserFileStore.put(fresh, blob);
    await browserFileStore.remove(path);
    return fresh;
  };
  const revived: DraftFile[] = [];
  for (const file of files) {
    const path = await revive(file.path, file.saved);
    const thumbPath = await revive(file.thumbPath, file.thumbSaved);
    revived.push({ ...file, path: path ?? file.path, ...(thumbPath ? { thumbPath } : {}) });
  }
  return revived;
}
