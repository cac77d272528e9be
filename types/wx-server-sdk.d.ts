/** The parts of wx-server-sdk the functions use; the real module is installed by WeChat at deploy time. */
declare module 'wx-server-sdk' {
  const cloud: {
    DYNAMIC_CURRENT_ENV: symbol;
    init(options?: { env?: unknown }): void;
    database(options?: { throwOnNotFound?: boolean }): unknown;
    getWXContext(): { OPENID?: string; APPID?: string; UNIONID?: string; ENV?: string };
    downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
    getTempFileURL(options: { fileList: string[] }): Promise<{
      fileList: Array<{ fileID: string; tempFileURL: string; status: number }>;
    }>;
    uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
    openapi: Record<string, Record<string, (options: Record<string, unknown>) => Promise<Record<string, unknown>>>>;
  };
  export default cloud;
}
