import Taro from '@tarojs/taro';

/** Asks before a change that affects someone: true when the admin confirms. */
export async function confirmChange(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const { confirm } = await Taro.showModal({
      title,
      content,
      confirmText,
      confirmColor: '#b4282d',
      cancelText: '取消',
    });
    return confirm;
  } catch {
    return false;
  }
}

/** The server's refusal, in its own words, until the admin has read it. */
export function showRefusal(message: string): void {
  void Taro.showModal({ title: '未能完成', content: message, showCancel: false, confirmText: '知道了' });
}

export function showDone(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 });
}
