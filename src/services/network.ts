import Taro from '@tarojs/taro';
import { IS_H5, IS_WEAPP } from './platform';

/**
 * Whether the phone has a connection, and a call when it comes back: the `online` event in H5,
 * `onNetworkStatusChange` in WeChat. (Online is not the same as a good signal: the upload queue
 * also tries again after a pause.)
 */

let wechatConnected = true;
let wechatWatching = false;
const wechatListeners = new Set<() => void>();

function watchWechat(): void {
  if (wechatWatching) return;
  wechatWatching = true;
  try {
    Taro.onNetworkStatusChange((status) => {
      const back = status.isConnected && !wechatConnected;
      wechatConnected = status.isConnected;
      if (back) for (const listener of [...wechatListeners]) listener();
    });
  } catch {
    // an old base library: the queue's own pauses still try again
  }
}

export function isOnline(): boolean {
  if (IS_H5) return typeof navigator === 'undefined' || navigator.onLine !== false;
  return wechatConnected;
}

/** Calls `listener` each time the connection returns; returns the way to stop. */
export function onConnectionBack(listener: () => void): () => void {
  if (IS_H5) {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  }
  if (IS_WEAPP) {
    watchWechat();
    wechatListeners.add(listener);
    return () => wechatListeners.delete(listener);
  }
  return () => undefined;
}
