/**
 * Why WeChat would not open a picker, in words a clerk can act on. errno 112 (or "privacy") means
 * the mini-program's 用户隐私保护指引 does not declare the permission: only the administrator can
 * fix that, in the 公众平台, so asking the clerk to change settings would send them in circles.
 */
export function pickerRefusal(error: unknown, what: '相册或相机' | '聊天文件'): string {
  const { errno, errMsg } = (error ?? {}) as { errno?: number; errMsg?: string };
  const message = errMsg ?? String(error);
  if (errno === 112 || /privacy|隐私/i.test(message)) {
    return `小程序还没有声明使用${what}的隐私保护指引，请联系管理员在微信公众平台补充后再试`;
  }
  if (/auth deny|authorize|permission|denied/i.test(message)) {
    return `没有获得${what}的使用权限：请点右上角“···”→“设置”，允许使用后再试`;
  }
  return `没能打开${what}，请稍后再试`;
}
