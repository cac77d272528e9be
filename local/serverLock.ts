import { readFileSync, rmSync, writeFileSync } from 'fs';
import { dataPaths } from './dataPaths';

/**
 * `<dataDir>/server.pid`: the local cloud writes its process id there while it serves, so that
 * `npm run restore` can refuse to swap the database under a running server. A file left by a
 * server that was killed is recognised as stale.
 */

export function writeServerPid(dataDir: string): void {
  writeFileSync(dataPaths(dataDir).pidFile, `${process.pid}\n`, { mode: 0o644 });
}

/** Removes the pid file if it is this process's. */
export function removeServerPid(dataDir: string): void {
  const path = dataPaths(dataDir).pidFile;
  try {
    if (Number(readFileSync(path, 'utf8').trim()) === process.pid) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

/** The id of a live local cloud serving `dataDir`, or null. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(dataPaths(dataDir).pidFile, 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null; // no such process
  }
  // The id may have been reused by another program since: on Linux, ask what it runs.
  try {
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /start\.[cm]?[jt]s/.test(command) ? pid : null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && process.platform === 'linux' ? null : pid;
  }
}
