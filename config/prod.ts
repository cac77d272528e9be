import type { UserConfigExport } from '@tarojs/cli';

/** Production: Taro minifies by default; nothing else differs from the base config. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
