/** ESLint 8: typescript-eslint, react-hooks, and Prettier for layout. */
module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react-hooks/recommended', 'prettier'],
  env: { es2022: true, node: true, browser: true, jest: true },
  ignorePatterns: ['dist/', 'node_modules/', '.temp/', 'coverage/'],
  rules: {
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    eqeqeq: ['error', 'always'],
  },
  overrides: [
    {
      // The domain stays pure: both the app and the cloud functions run it.
      files: ['src/core/**/*.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: ['@tarojs/*', 'react', 'react-dom', 'wx-server-sdk', 'fs', 'path', 'better-sqlite3', 'http'] },
        ],
      },
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
