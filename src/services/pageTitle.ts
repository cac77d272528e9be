import Taro from '@tarojs/taro';
import { IS_H5 } from './platform';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Sets the page title to a name people typed (a unit's name). Taro's H5 router writes the title
 * into its navigation bar with innerHTML, so there the text goes escaped (it shows as the same
 * text, and runs nothing) and the tab's title is set as plain text.
 */
export function setPageTitle(title: string): void {
  if (!IS_H5) {
    void Taro.setNavigationBarTitle({ title });
    return;
  }
  void Taro.setNavigationBarTitle({ title: title.replace(/[&<>"']/g, (char) => ENTITIES[char]) }).then(() => {
    document.title = title;
  });
}
