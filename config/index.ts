import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const taroEnv = process.env.TARO_ENV ?? 'weapp';

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
    // TARO_OUTPUT_ROOT lets the local cloud build into a fresh folder and swap it in when done.
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${taroEnv}`,
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
    copy: { patterns: [], options: {} },
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
      },
    },
  };

  const delta = process.env.NODE_ENV === 'development' ? devConfig : prodConfig;
  return merge({}, baseConfig, delta);
});
