import { ensureH5Build } from '../local/h5Build';

/**
 * The end-to-end tests drive the H5 build: make it once, before any test starts a server.
 * (SKIP_H5_BUILD=1 skips it when only back-end tests are run during development.)
 */
export default function globalSetup(): void {
  if (process.env.SKIP_H5_BUILD === '1') return;
  ensureH5Build((line) => process.stdout.write(`${line}\n`));
}
