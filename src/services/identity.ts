import Taro from '@tarojs/taro';

const KEY = 'demo-openid';

/**
 * In the H5 app the local cloud runs in demo mode and takes the caller from the X-Openid header:
 * the identity picked on 「我的」 is kept here. (In WeChat the identity is the user's own OPENID.)
 */
export function demoOpenid(): string {
  try {
    return (Taro.getStorageSync(KEY) as string) || '';
  } catch {
    return '';
  }
}

export function setDemoOpenid(openid: string): void {
  if (openid) Taro.setStorageSync(KEY, openid);
  else Taro.removeStorageSync(KEY);
}

/** A fresh identity for trying the app as a new user who binds with an invite code. */
export function newDemoOpenid(): string {
  return `demo-new-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
