import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const taroEnv = process.env.TARO_ENV ?? 'weapp';
// TARO_OUTPUT_ROOT lets the local cloud build into a fresh folder and swap it in when done.
const outputRoot = process.env.TARO_OUTPUT_ROOT ?? `dist/${taroEnv}`;

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fazhi-tasks',
    // The DevTools project written into dist/weapp: its own paths (cloud functions at ../cloudfunctions/);
    // TARO_APP_ID sets its appid. project.config.json at the root is for opening the repository itself.
    projectConfigName: 'project.weapp.json',
    date: '2024-11-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      // The WeChat cloud environment, from configuration at build time (docs/deploy-wechat.md).
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The subscription message templates (comma-separated ids) the 我的 page asks the user to accept.
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(
        (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    },
    copy: {
      patterns:
        taroEnv === 'h5'
          ? [
              {
                // The photo compressor runs in a worker of our own origin, which loads the library's
                // own script: both served by the app, never from a CDN (src/services/photoCompression.ts).
                from: 'node_modules/browser-image-compression/dist/browser-image-compression.js',
                to: `${outputRoot}/static/vendor/browser-image-compression-2.0.2.js`,
              },
              {
                from: 'src/static/image-compression-worker.js',
                to: `${outputRoot}/static/vendor/image-compression-worker.js`,
              },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: {
      type: 'webpack5',
      // Prebundling fetches nothing, but it is fragile offline and in CI; plain webpack is enough here.
      prebundle: { enable: false },
    },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // React + the Taro H5 runtime alone are ~300 KiB; warn only when the app grows well past that.
        chain.performance.maxEntrypointSize(512 * 1024).maxAssetSize(512 * 1024);
        // Taro splits only the first chunks ('initial'), so every page carried its own copy of the
        // Taro components and shared modules it uses (9 copies of Button). 'all' also splits the
        // pages loaded later: what two pages share is a chunk of its own, downloaded once.
        const splitChunks = (chain.optimization.get('splitChunks') ?? {}) as Record<string, unknown>;
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 8 * 1024 });
      },
    },
  };

  const delta = process.env.NODE_ENV === 'development' ? devConfig : prodConfig;
  return merge({}, baseConfig, delta);
});
