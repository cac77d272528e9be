/**
 * H5: the bytes of files still waiting to upload, kept in the browser's IndexedDB so that a reload
 * (or the phone closing the tab) does not make the clerk choose them again. (Taro builds this file
 * for H5 only; browserFileStore.ts stands in for it in the mini-program, which saves files itself.)
 * Every call settles quietly: a browser without room or without IndexedDB only loses the convenience.
 */

const DATABASE = 'fazhi-kept-files';
const STORE = 'files';

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  if (!opening) {
    opening = new Promise((resolve) => {
      try {
        const request = indexedDB.open(DATABASE, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => resolve(null);
        request.onblocked = () => resolve(null);
      } catch {
        resolve(null);
      }
    });
  }
  return opening;
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const database = await open();
  if (!database) return null;
  return new Promise((resolve) => {
    try {
      const transaction = database.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result ?? null);
      transaction.onerror = () => resolve(null);
      transaction.onabort = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

export const browserFileStore = {
  available: true,
  async put(id: string, blob: Blob): Promise<void> {
    await run('readwrite', (store) => store.put(blob, id));
  },
  async get(id: string): Promise<Blob | null> {
    const found = await run<unknown>('readonly', (store) => store.get(id));
    return found instanceof Blob ? found : null;
  },
  async remove(id: string): Promise<void> {
    await run('readwrite', (store) => store.delete(id));
  },
};
