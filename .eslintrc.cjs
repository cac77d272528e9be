/** ESLint 8: typescript-eslint, react-hooks, and Prettier for layout; the import boundaries of the layout. */
const UI = ['@tarojs/*', 'react', 'react-dom'];
const NODE_IO = ['fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'node:*'];
const APP_PARTS = ['**/services/**', '**/hooks/**', '**/pages/**', '**/packages/**', '**/components/**'];
const APP_FORBIDDEN = ['**/server', '**/server/**', '**/local', '**/local/**', 'wx-server-sdk', 'better-sqlite3'];
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: [
    'eslint:recommended',
    'plugin:@typescript-eslint/recommended',
    'plugin:react-hooks/recommended',
    'prettier',
  ],
  env: { es2022: true, node: true, browser: true, jest: true },
  ignorePatterns: ['dist/', 'node_modules/', '.temp/', 'coverage/'],
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    eqeqeq: ['error', 'always'],
  },
  overrides: [
    {
      // The app talks to the back end only through its one client: never server/ or local/ code.
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      rules: {
        'no-restricted-imports': ['error', { patterns: APP_FORBIDDEN }],
        // Taro's H5 router puts the title into innerHTML: titles go through setPageTitle.
        'no-restricted-properties': [
          'error',
          {
            object: 'Taro',
            property: 'setNavigationBarTitle',
            message: 'Use setPageTitle (src/services/pageTitle.ts).',
          },
        ],
      },
    },
    {
      files: ['src/services/pageTitle.ts'],
      rules: { 'no-restricted-properties': 'off' },
    },
    {
      // The domain stays pure: the app and the server both run it.
      files: ['src/core/**/*.ts', 'src/contract/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [...APP_FORBIDDEN, ...APP_PARTS, ...UI, ...NODE_IO, 'zod'] }],
      },
    },
    {
      // The application knows ports, not technologies: WeChat adapters live in server/wechat/ only.
      files: ['server/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...UI, '**/local/**', 'wx-server-sdk', '**/wechat', '**/wechat/**'] },
        ],
      },
    },
    {
      files: ['server/wechat/**/*.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [...UI, '**/local/**'] }] },
    },
    {
      // Tests read JSON replies whose shape the assertions check.
      files: ['tests/**/*.ts'],
      rules: { '@typescript-eslint/no-explicit-any': 'off' },
    },
    {
      files: ['*.js', '*.cjs'],
      rules: { '@typescript-eslint/no-var-requires': 'off', '@typescript-eslint/no-require-imports': 'off' },
    },
  ],
};
