/**
 * The mini-program keeps waiting files with WeChat's saveFile (filePicker.ts), so it has no browser
 * store: Taro builds browserFileStore.h5.ts for H5 and this stand-in everywhere else.
 */
export const browserFileStore = {
  available: false,
  async put(_id: string, _blob: Blob): Promise<void> {},
  async get(_id: string): Promise<Blob | null> {
    return null;
  },
  async remove(_id: string): Promise<void> {},
};
