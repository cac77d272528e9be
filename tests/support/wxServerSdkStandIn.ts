/**
 * A stand-in for the `wx-server-sdk` module: `init`, `database` (the in-memory cloud database),
 * `getWXContext` (OPENID settable per call), cloud storage over an in-memory file map, and
 * `openapi.subscribeMessage.send` recording what it was asked to send.
 */
import { makePng } from './sampleFiles';
import { createCloudDatabase, Storage, type StandInDatabase } from './cloudDatabase';

export const STAND_IN_ENV = 'stand-in.env';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
}

export interface WxServerSdkStandInOptions {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** Shares data with an existing stand-in database. */
  storage?: Storage;
}

function fileNotFound(operation: string, fileID: string): Error {
  return Object.assign(new Error(`${operation}:fail file ${fileID} does not exist`), { errCode: -404011 });
}

export function createWxServerSdkStandIn(options: WxServerSdkStandInOptions = {}) {
  const storage = options.storage ?? new Storage();
  const files = new Map<string, Buffer>();
  const sentMessages: SubscribeMessage[] = [];
  const miniProgramCodes: Array<{ scene: string; page?: string }> = [];
  const databases = new Map<boolean, StandInDatabase>();
  let openid = options.openid ?? '';
  let initOptions: unknown;

  return {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init(config?: unknown) {
      initOptions = config;
    },
    get initOptions() {
      return initOptions;
    },
    database(config: { throwOnNotFound?: boolean; env?: unknown } = {}): StandInDatabase {
      const throwOnNotFound = config.throwOnNotFound ?? true;
      let db = databases.get(throwOnNotFound);
      if (!db) {
        db = createCloudDatabase({ throwOnNotFound }, storage);
        databases.set(throwOnNotFound, db);
      }
      return db;
    },
    /** The calling user of the next calls; '' means no user (a timer trigger). */
    setOpenid(next: string) {
      openid = next;
    },
    getWXContext() {
      return {
        OPENID: openid || undefined,
        APPID: options.appid ?? 'wx-stand-in-appid',
        UNIONID: options.unionid,
        ENV: STAND_IN_ENV,
        SOURCE: openid ? 'wx_client' : 'wx_trigger',
      };
    },
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer | string }) {
      if (!cloudPath || cloudPath.startsWith('/')) throw new Error('uploadFile:fail invalid cloudPath');
      const fileID = `cloud://${STAND_IN_ENV}/${cloudPath}`;
      files.set(fileID, Buffer.from(fileContent));
      return { fileID, statusCode: 200, errMsg: 'uploadFile:ok' };
    },
    async downloadFile({ fileID }: { fileID: string }) {
      const content = files.get(fileID);
      if (!content) throw fileNotFound('downloadFile', fileID);
      return { fileContent: Buffer.from(content), statusCode: 200, errMsg: 'downloadFile:ok' };
    },
    async getTempFileURL({ fileList }: { fileList: Array<string | { fileID: string; maxAge?: number }> }) {
      // Documented: at most 50 files a call.
      if (fileList.length > 50) throw new Error('getTempFileURL:fail fileList length exceeds 50');
      return {
        fileList: fileList.map((entry) => {
          const fileID = typeof entry === 'string' ? entry : entry.fileID;
          return files.has(fileID)
            ? {
                fileID,
                tempFileURL: `https://${STAND_IN_ENV}.tcb.example/${encodeURI(fileID.slice(8))}`,
                status: 0,
                errMsg: 'ok',
              }
            : { fileID, tempFileURL: '', status: -1, errMsg: 'file not exist' };
        }),
        errMsg: 'getTempFileURL:ok',
      };
    },
    async deleteFile({ fileList }: { fileList: string[] }) {
      return {
        fileList: fileList.map((fileID) =>
          files.delete(fileID) ? { fileID, status: 0, errMsg: 'ok' } : { fileID, status: -1, errMsg: 'file not exist' },
        ),
      };
    },
    openapi: {
      wxacode: {
        /** A mini-program code image for the scene, as WeChat answers (a PNG buffer). */
        async getUnlimited({ scene, page }: { scene: string; page?: string }) {
          if (!scene || scene.length > 32) throw Object.assign(new Error('invalid scene'), { errCode: 40169 });
          miniProgramCodes.push({ scene, page });
          return {
            buffer: makePng(4, 4, scene.length),
            contentType: 'image/png',
            errCode: 0,
            errMsg: 'openapi.wxacode.getUnlimited:ok',
          };
        },
      },
      subscribeMessage: {
        async send(message: SubscribeMessage) {
          sentMessages.push(structuredClone(message));
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
    },
    /** Test hooks. */
    files,
    sentMessages,
    miniProgramCodes,
    storage,
  };
}

export type WxServerSdkStandIn = ReturnType<typeof createWxServerSdkStandIn>;
