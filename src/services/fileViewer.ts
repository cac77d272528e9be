import Taro from '@tarojs/taro';
import { IS_H5 } from './platform';
import { extensionOf } from './upload';

/** Shows photos full screen, swiping through all of a task's photos. */
export function previewPhotos(current: string, urls: string[]): void {
  void Taro.previewImage({ current, urls }).catch(() => undefined);
}

/**
 * Opens a document (PDF, Word, Excel): in WeChat it is downloaded and opened in WeChat's viewer;
 * in the H5 app the browser opens it in a new tab.
 */
export async function openDocument(url: string, name: string): Promise<void> {
  if (IS_H5) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  Taro.showLoading({ title: '正在打开…', mask: true });
  try {
    const download = await Taro.downloadFile({ url });
    if (download.statusCode !== 200) throw new Error(`HTTP ${download.statusCode}`);
    const fileType = extensionOf(name) as Taro.openDocument.Option['fileType'];
    await Taro.openDocument({ filePath: download.tempFilePath, fileType, showMenu: true });
  } catch {
    Taro.showToast({ title: '文件没能打开，请检查网络后重试', icon: 'none' });
  } finally {
    Taro.hideLoading();
  }
}
