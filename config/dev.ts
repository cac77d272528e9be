import type { UserConfigExport } from '@tarojs/cli';

/** Development: readable output, full logging. Merged over the base config in config/index.ts. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
