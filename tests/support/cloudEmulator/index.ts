/**
 * A local emulator of the WeChat cloud's server side (CloudBase): database, storage and the two
 * openapi calls the project makes, as a real HTTP server that the real `wx-server-sdk` talks to
 * through its local-debug configuration (`TCB_CONTEXT_CNFG.URL`). It behaves as the service is
 * documented to, never kinder: collections must exist, transactions lock and conflict, limits
 * refuse, every request takes time.
 *
 *   const cloudEmulator = await startCloudEmulator();
 *   const restore = applyEnv(cloudEmulator.sdkEnv('o-staff-1'));
 *   const cloud = require('wx-server-sdk'); // fresh, e.g. inside jest.isolateModules
 *   cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
 *   …
 *   restore(); await cloudEmulator.stop();
 */
import { DatabaseService } from './database';
import { OpenApiService, type CodeRequest, type SentMessage } from './openapi';
import { EmulatorServer, type LoggedRequest } from './server';
import { StorageService, type StoredFile } from './storage';
import { Store } from './store';
import { Transactions } from './transactions';
import { checkFieldNames, cloneValue, idKey, type Doc } from './values';

export type { CodeRequest, Doc, LoggedRequest, SentMessage, StoredFile };

export interface CloudEmulatorOptions {
  envId?: string;
  /** Waited before answering each request (default 8 ms). */
  latencyMs?: number;
  /** How long a transaction may stay open (default 30 s, the service's limit). */
  transactionTimeoutMs?: number;
  /** Pages of the released mini-program: `wxacode.getUnlimited` with `checkPath` accepts only these. */
  releasedPages?: string[];
  /** The function's config.json `permissions.openapi`: other APIs are refused (default: all allowed). */
  openapiPermissions?: string[];
  appId?: string;
}

export interface CloudEmulator {
  /** The API address for `TCB_CONTEXT_CNFG`: `http://127.0.0.1:<port>/admin`. */
  readonly url: string;
  readonly envId: string;
  latencyMs: number;
  readonly requests: readonly LoggedRequest[];
  resetRequests(): void;
  /** How many requests were logged (since the last reset), those `filter` accepts if given. */
  requestCount(filter?: (request: LoggedRequest) => boolean): number;
  readonly sentMessages: readonly SentMessage[];
  readonly codeRequests: readonly CodeRequest[];
  /** The next subscribe message to this openid is refused with 43101, as WeChat refuses it. */
  refuseNextMessage(openid: string): void;
  /** As `options.openapiPermissions`, changeable between calls (null: all allowed). */
  openapiPermissions: readonly string[] | null;
  /** The next `count` commits fail with the conflict error (the SDK retries only those). */
  conflictNextCommits(count?: number): void;
  readonly openTransactions: number;
  collections(): string[];
  /** Committed documents of a collection, copied, in natural order. */
  documents(collection: string): Doc[];
  /** Test data written directly (no request): the collection is created if missing. */
  seed(collection: string, docs: Doc[]): void;
  files(): StoredFile[];
  /** Stores a file directly (no request) and returns its fileID. */
  putFile(cloudPath: string, content: Buffer): string;
  /** The environment the SDK reads: the emulator's address, the env, a caller (omit for a timer). */
  sdkEnv(openid?: string): Record<string, string | undefined>;
  stop(): Promise<void>;
}

/** Sets these variables (undefined deletes one); the function returned puts the old ones back. */
export function applyEnv(vars: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  assign(vars);
  return () => assign(previous);
}

export async function startCloudEmulator(options: CloudEmulatorOptions = {}): Promise<CloudEmulator> {
  const envId = options.envId ?? 'emulator-env-1a2b3c';
  const appId = options.appId ?? 'wx0123456789abcdef';
  const store = new Store();
  const transactions = new Transactions(store, options.transactionTimeoutMs ?? 30_000);
  let origin = '';
  const storage = new StorageService(envId, () => origin);
  const openapi = new OpenApiService(options.releasedPages ?? []);
  openapi.permissions = options.openapiPermissions ?? null;
  const server = new EmulatorServer(
    { envId, database: new DatabaseService(store, transactions), storage, openapi },
    options.latencyMs ?? 8,
  );
  origin = await server.listen();
  const url = `${origin}/admin`;

  return {
    url,
    envId,
    get latencyMs() {
      return server.latencyMs;
    },
    set latencyMs(ms: number) {
      server.latencyMs = ms;
    },
    get requests() {
      return server.log;
    },
    resetRequests: () => void server.log.splice(0),
    requestCount: (filter) => (filter ? server.log.filter(filter).length : server.log.length),
    sentMessages: openapi.sentMessages,
    codeRequests: openapi.codeRequests,
    refuseNextMessage: (openid) => openapi.refuseNextMessage(openid),
    get openapiPermissions() {
      return openapi.permissions;
    },
    set openapiPermissions(permissions: readonly string[] | null) {
      openapi.permissions = permissions;
    },
    conflictNextCommits: (count = 1) => void (transactions.commitConflicts += count),
    get openTransactions() {
      return transactions.openCount;
    },
    collections: () => store.collectionNames(),
    documents: (collection) => [...store.scan(collection)].map((doc) => cloneValue(doc)),
    seed(collection, docs) {
      if (!store.hasCollection(collection)) store.createCollection(collection);
      store.commit(
        docs.map((doc, i) => {
          const { _id = `seed-${store.currentSeq + 1}-${i}`, ...fields } = cloneValue(doc);
          checkFieldNames(fields);
          return { collection, id: idKey(_id), doc: { _id, ...fields } };
        }),
      );
    },
    files: () => storage.list(),
    putFile: (cloudPath, content) => storage.put(cloudPath, content),
    sdkEnv: (openid) => ({
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: url }),
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TCB_ENV: envId,
      SCF_NAMESPACE: envId,
      TENCENTCLOUD_SECRETID: 'AKIDEMULATOR',
      TENCENTCLOUD_SECRETKEY: 'emulator-secret-key',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
      WX_OPENID: openid,
      WX_APPID: appId,
    }),
    async stop() {
      transactions.stop();
      await server.close();
    },
  };
}
