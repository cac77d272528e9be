import { ensureH5Build } from '../local/h5Build';

/** The end-to-end tests drive the H5 build: make it once, before any test starts a server. */
export default function globalSetup(): void {
  ensureH5Build((line) => process.stdout.write(`${line}\n`));
}
