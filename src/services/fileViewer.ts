import Taro from '@tarojs/taro';
import { IS_H5 } from './platform';
import { extensionOf } from './upload';

/** Shows photos full screen, swiping through all of a task's photos. */
export function previewPhotos(current: string, urls: string[]): void {
  void Taro.previewImage({ current, urls }).catch(() => undefined);
}

export interface OpenableFile {
  fileId: string;
  url: string | null;
  name: string;
}

/**
 * Opens a document (PDF, Word, Excel): in WeChat it is fetched by its cloud file id (a temporary
 * link would need its domain on the download whitelist, and the cloud's links are not) and opened
 * in WeChat's viewer; in the H5 app the browser opens the link in a new tab.
 */
export async function openDocument(file: OpenableFile): Promise<void> {
  if (IS_H5) {
    if (file.url) window.open(file.url, '_blank', 'noopener');
    else Taro.showToast({ title: '文件链接已过期，请刷新后重试', icon: 'none' });
    return;
  }
  const { name } = file;
  Taro.showLoading({ title: '正在打开…', mask: true });
  try {
    const download = await Taro.cloud.downloadFile({ fileID: file.fileId });
    if (download.statusCode !== 200) throw new Error(`HTTP ${download.statusCode}`);
    const fileType = extensionOf(name) as Taro.openDocument.Option['fileType'];
    await Taro.openDocument({ filePath: download.tempFilePath, fileType, showMenu: true });
  } catch {
    Taro.showToast({ title: '文件没能打开，请检查网络后重试', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}
