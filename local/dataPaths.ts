import { join } from 'path';

/** Where the local cloud keeps what it keeps, under its data folder (`.data/`, or DATA_DIR). */
export interface DataPaths {
  dataDir: string;
  /** The SQLite database. */
  db: string;
  /** Uploaded and generated files, by content hash. */
  uploads: string;
  /** `npm run backup` writes here unless told otherwise. */
  backups: string;
  /** The daily backups the running local cloud takes (only these are pruned). */
  dailyBackups: string;
  /** The process id of the local cloud serving this folder, while it runs. */
  pidFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    db: join(dataDir, 'app.db'),
    uploads: join(dataDir, 'uploads'),
    backups: join(dataDir, 'backups'),
    dailyBackups: join(dataDir, 'backups', 'daily'),
    pidFile: join(dataDir, 'server.pid'),
  };
}
