import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, withScreenshot } from './browser';
import { exifOrientationOf, jpegSize, makeCameraPhoto } from './cameraPhoto';
import { setUpLocalCloud } from './localCloud';
import { emulateLink, OFFLINE, WEAK_SIGNAL, WireMeter } from './weakLink';

/**
 * A township clerk on an old phone in the countryside (issue 12): Chromium at 360 px with the network
 * emulated over CDP at ≈ 400 kbit/s and 400 ms. A 5 MB camera photo is made small on the phone and
 * reported; an upload cut off by going offline goes on by itself when the signal returns, and lands
 * once; a task with photos loads their thumbnails only; the first screen comes compressed.
 */

const STAFF = 'demo-staff-xijiao';

describe('field conditions: a weak signal', () => {
  const app = setUpLocalCloud({ width: 360 });
  let photo: string;
  let uprightPhoto: string;
  let fresh: string[];

  const api = (action: string, payload: unknown) => app.api(STAFF, action, payload);
  const submitButton = (page: Page) => page.locator('.task-page__submit >> visible=true');
  const gridCells = (page: Page) => page.locator('.evidence-grid__cell >> visible=true');

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weak-signal-e2e-'));
    photo = join(dir, 'IMG_20261128_101530.jpg');
    uprightPhoto = join(dir, 'IMG_20261128_101604.jpg');
    writeFileSync(photo, await makeCameraPhoto(app.browser, { orientation: 6 }));
    writeFileSync(uprightPhoto, await makeCameraPhoto(app.browser, { orientation: 1 }));
    const list = await api('tasks.list', {});
    fresh = list.tasks
      .filter((task: any) => task.status === 'pending' && task.evidenceCount === 0)
      .map((task: any) => task.id);
    expect(fresh.length).toBeGreaterThanOrEqual(5);
  }, 120_000);

  async function openTask(page: Page, taskId: string): Promise<void> {
    await page.goto(`${app.url}/#/pages/task/index?id=${taskId}`);
    await submitButton(page).waitFor({ timeout: 60_000 });
  }

  async function pickPhotos(page: Page, paths: string[]): Promise<void> {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.locator('.task-page__add-button--main >> visible=true').click(),
    ]);
    await chooser.setFiles(paths);
  }

  /** Waits until the one file in the queue has sent `percent` % of itself. */
  async function uploadUnderWay(page: Page, percent: number): Promise<void> {
    await page.waitForFunction(
      (least) => Number(document.querySelector('.upload-queue__item')?.getAttribute('data-progress') || 0) >= least,
      percent,
      { timeout: 60_000 },
    );
  }

  /** The waiting file lands, once: it is on the task, the queue is empty and the draft holds no file. */
  async function landsOnce(page: Page, taskId: string, timeout: number): Promise<any> {
    await gridCells(page).first().waitFor({ timeout });
    await page.locator('.upload-queue__item').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForTimeout(1500);
    const after = await api('tasks.get', { id: taskId });
    expect(after.evidence).toHaveLength(1);
    expect(await gridCells(page).count()).toBe(1);
    const stored = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
      `task-draft:${taskId}`,
    );
    expect(stored?.data?.files ?? []).toHaveLength(0);
    return after;
  }

  async function fileBytes(url: string): Promise<Buffer> {
    const reply = await fetch(new URL(url, app.url), { headers: { 'X-Openid': STAFF } });
    expect(reply.status).toBe(200);
    return Buffer.from(await reply.arrayBuffer());
  }

  it('a 5 MB camera photo held upright is made small on the phone, sent over the slow link and reported', async () => {
    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-photo-report', async () => {
      await emulateLink(page);
      const taskId = fresh[0];
      await openTask(page, taskId);
      // What leaves the phone is counted, not timed: a shared CI machine would make seconds wobble.
      const uploads: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/upload') uploads.push(request.method());
      });
      await pickPhotos(page, [photo]);
      // The clerk sees it happen: made small, then the percent sent.
      const item = page.locator('.upload-queue__item');
      await item.waitFor();
      await page.locator('.upload-queue__item[data-status="uploading"]').waitFor({ timeout: 60_000 });
      await page.getByText(/正在上传 \d+%/).waitFor();
      await expect(item.innerText()).resolves.toMatch(/5\.\d MB → \d+ KB/);
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-photo-uploading.png') });
      await submitButton(page).click();
      await page.locator('.task-page__head [data-light="blue"]').waitFor({ timeout: 60_000 });
      // Two requests crossed the weak link, the photo and its thumbnail, each made small (their sizes
      // as stored are checked below): the 5 MB original never went.
      expect(uploads).toEqual(['POST', 'POST']);

      const after = await api('tasks.get', { id: taskId });
      expect(after.task.status).toBe('submitted');
      expect(after.evidence).toHaveLength(1);
      const [piece] = after.evidence;
      expect(piece.kind).toBe('image');
      expect(piece.mime).toBe('image/jpeg');
      // A few hundred KB, not 5 MB.
      expect(piece.size).toBeLessThan(600 * 1024);
      expect(piece.thumbUrl).toEqual(expect.any(String));

      // Upright: the phone was held upright (EXIF 6), so the stored photo is portrait, 1200×1600, with
      // no orientation left for a viewer to apply, and the camera's top-left corner now top-right.
      const stored = await fileBytes(piece.url);
      expect(stored.length).toBe(piece.size);
      expect(jpegSize(stored)).toEqual({ width: 1200, height: 1600 });
      expect(exifOrientationOf(stored)).toBe(1);
      const corners = await page.evaluate(async (base64) => {
        const image = new Image();
        image.src = `data:image/jpeg;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const at = (x: number, y: number) => Array.from(context.getImageData(x, y, 1, 1).data.slice(0, 3));
        return { topRight: at(canvas.width - 20, 20), topLeft: at(20, 20) };
      }, stored.toString('base64'));
      expect(corners.topRight[0]).toBeGreaterThan(200);
      expect(corners.topRight[1]).toBeLessThan(60);
      expect(corners.topLeft[0] - corners.topLeft[1]).toBeLessThan(100);

      // The thumbnail: about 320 px on its long side, a few tens of KB.
      const thumb = await fileBytes(piece.thumbUrl);
      expect(thumb.length).toBeLessThan(60 * 1024);
      expect(jpegSize(thumb)).toEqual({ width: 240, height: 320 });
    });
  }, 180_000);

  it('offline in the middle of an upload, back online: it goes on by itself and lands once', async () => {
    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-offline-resume', async () => {
      // Slower than the weak signal, so the upload is long enough to cut.
      const cdp = await emulateLink(page, { ...WEAK_SIGNAL, uploadThroughput: (120 * 1000) / 8 });
      const taskId = fresh[1];
      await openTask(page, taskId);
      let uploads = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/upload') uploads += 1;
      });
      await pickPhotos(page, [uprightPhoto]);
      await uploadUnderWay(page, 15);
      await cdp.send('Network.emulateNetworkConditions', OFFLINE);
      const failed = page.locator('.upload-queue__item[data-status="failed"]');
      await failed.waitFor({ timeout: 30_000 });
      await expect(failed.innerText()).resolves.toContain('自动接着传');
      await expect(failed.innerText()).resolves.not.toContain('请点');
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-offline-waiting.png') });
      // Offline, nothing is tried in vain, and the file stays in the draft.
      await page.waitForTimeout(2000);
      await expect(failed.count()).resolves.toBe(1);
      const draft = await page.evaluate(
        (key) => JSON.parse(localStorage.getItem(key) ?? '{}').data,
        `task-draft:${taskId}`,
      );
      expect(draft.files).toHaveLength(1);
      expect((await api('tasks.get', { id: taskId })).evidence).toHaveLength(0);

      await cdp.send('Network.emulateNetworkConditions', WEAK_SIGNAL);
      await landsOnce(page, taskId, 60_000);
      expect(uploads).toBeGreaterThanOrEqual(2);
    });
  }, 180_000);

  it('the page reloaded in the middle of an upload: the photo comes back by itself, not chosen again, and lands once', async () => {
    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-reload-resume', async () => {
      const cdp = await emulateLink(page, { ...WEAK_SIGNAL, uploadThroughput: (120 * 1000) / 8 });
      const taskId = fresh[4];
      await openTask(page, taskId);
      await pickPhotos(page, [uprightPhoto]);
      await uploadUnderWay(page, 10);
      await page.reload();
      await cdp.send('Network.emulateNetworkConditions', WEAK_SIGNAL);
      await submitButton(page).waitFor({ timeout: 60_000 });
      // It is never offered as "choose again": the bytes were kept in the browser.
      await expect(page.getByText('需要重新选择').count()).resolves.toBe(0);
      // It lands, and nothing is left behind: not in the draft, not in the browser's store.
      const after = await landsOnce(page, taskId, 90_000);
      expect(after.evidence[0].thumbUrl).toEqual(expect.any(String));
      const keptFiles = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const request = indexedDB.open('fazhi-kept-files');
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const count = request.result.transaction('files').objectStore('files').count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
      expect(keptFiles).toBe(0);
    });
  }, 240_000);

  it('a task with two 5 MB photos loads their thumbnails only; the full photo when one is opened; back stays on the task', async () => {
    const taskId = fresh[2];
    const setup = await app.phoneAs(STAFF);
    await openTask(setup, taskId);
    await pickPhotos(setup, [photo, uprightPhoto]);
    await gridCells(setup).nth(1).waitFor({ timeout: 90_000 });
    await setup.context().close();
    const { evidence } = await api('tasks.get', { id: taskId });
    expect(evidence).toHaveLength(2);

    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-thumbnails', async () => {
      await emulateLink(page);
      const images: Array<{ url: string; bytes: number }> = [];
      const bodies: Array<Promise<unknown>> = [];
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'image') return;
        const image = { url: new URL(response.url()).pathname, bytes: 0 };
        images.push(image);
        bodies.push(
          response
            .body()
            .then((body) => (image.bytes = body.length))
            .catch(() => undefined),
        );
      });
      await openTask(page, taskId);
      await gridCells(page).nth(1).waitFor();
      await page.waitForFunction(
        () =>
          Array.from(document.querySelectorAll('.evidence-grid img')).filter(
            (image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0,
          ).length >= 2,
        undefined,
        { timeout: 30_000 },
      );
      await page.waitForTimeout(1000);
      await Promise.all(bodies);
      const total = images.reduce((sum, image) => sum + image.bytes, 0);
      expect(total).toBeLessThanOrEqual(150 * 1024);
      const fullPaths = evidence.map((piece: any) => new URL(piece.url, app.url).pathname);
      expect(images.filter((image) => fullPaths.includes(image.url))).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-thumbnails.png') });

      // Opened: now the full photo comes, in the app's viewer.
      await gridCells(page).first().locator('.evidence-grid__tile').click();
      const viewer = page.locator('.photo-viewer');
      await viewer.waitFor();
      await page.waitForFunction(
        () => (document.querySelector('.photo-viewer img') as HTMLImageElement | null)?.complete === true,
        undefined,
        { timeout: 60_000 },
      );
      expect(images.some((image) => fullPaths.includes(image.url))).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-photo-viewer.png') });

      // Back closes the viewer and stays on the task.
      const address = page.url();
      await page.goBack();
      await viewer.waitFor({ state: 'detached' });
      expect(page.url()).toBe(address);
      await submitButton(page).waitFor();
      await expect(page.locator('.task-page__head >> visible=true').count()).resolves.toBe(1);
    });
  }, 240_000);

  it('on the weak link the task list comes in under 200 KB, and a tap on a task shows its skeleton before its data', async () => {
    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-open-task', async () => {
      const cdp = await emulateLink(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const meter = new WireMeter(cdp);
      // Scripts asked for and not yet arrived, and when the last one was asked for.
      const scriptsInFlight = new Set<unknown>();
      let lastScriptAskedAt = Date.now();
      page.on('request', (request) => {
        if (request.resourceType() !== 'script') return;
        scriptsInFlight.add(request);
        lastScriptAskedAt = Date.now();
      });
      const arrived = (request: { resourceType(): string }) => scriptsInFlight.delete(request);
      page.on('requestfinished', arrived);
      page.on('requestfailed', arrived);
      await page.goto(`${app.url}/#/pages/tasks/index`, { waitUntil: 'commit' });
      const row = page.locator(`[data-task-id="${fresh[3]}"] >> visible=true`);
      await row.waitFor({ timeout: 60_000 });
      // Bytes, not seconds (bench/weakSignal.ts times it): at 400 kbit/s, 200 KB is about 4 s.
      const bytesBeforeList = meter.total();
      expect(bytesBeforeList).toBeGreaterThan(10 * 1024);
      expect(bytesBeforeList).toBeLessThanOrEqual(200 * 1024);
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-task-list.png') });

      // The task page's code comes while the clerk reads the list (asked for half a second after it
      // shows), so the tap downloads no script. Wait as a clerk reads: long enough for it to have been
      // asked for (on a busy machine that can be before this test saw the list), and until no script
      // is on its way.
      const listSeenAt = Date.now();
      const prefetched = () =>
        Date.now() - listSeenAt > 2_000 && scriptsInFlight.size === 0 && Date.now() - lastScriptAskedAt > 1_000;
      while (!prefetched() && Date.now() - listSeenAt < 60_000) await page.waitForTimeout(250);
      expect(prefetched()).toBe(true);
      const scriptsAfterTap: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scriptsAfterTap.push(request.url());
      });
      // The task's data is held back until the skeleton has been seen: feedback comes before the network answers.
      let releaseTask: () => void = () => undefined;
      const taskHeld = new Promise<void>((resolve) => (releaseTask = resolve));
      await page.route('**/api/tasks.get', async (route) => {
        await taskHeld;
        await route.continue();
      });
      await row.click();
      await page.locator('.skeleton >> visible=true').first().waitFor({ timeout: 10_000 });
      await expect(page.locator('.task-page__head >> visible=true').count()).resolves.toBe(0);
      releaseTask();
      await page.locator('.task-page__head >> visible=true').waitFor({ timeout: 60_000 });
      expect(scriptsAfterTap).toEqual([]);
    });
  }, 120_000);

  it('the first screen comes compressed and cached: a shell at once, the scripts brotli, index.html revalidated', async () => {
    const index = await fetch(`${app.url}/`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('vary')).toContain('Accept-Encoding');
    const etag = index.headers.get('etag');
    expect(etag).toBeTruthy();
    const html = await index.text();
    expect(html).toContain('boot-shell');
    const again = await fetch(`${app.url}/`, {
      headers: { 'Accept-Encoding': 'br, gzip', 'If-None-Match': etag as string },
    });
    expect(again.status).toBe(304);

    const scripts = [...html.matchAll(/src="(\/js\/[^"]+\.js)"/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const reply = await fetch(`${app.url}${script}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(reply.headers.get('content-encoding')).toBe('br');
      expect(reply.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const plain = await fetch(`${app.url}${script}`, { headers: { 'Accept-Encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(Number(reply.headers.get('content-length'))).toBeLessThan(Number(plain.headers.get('content-length')));
    }

    // With the scripts still on their way, the page already shows the app's name and that it is loading.
    const page = await app.phoneAs(STAFF);
    await withScreenshot(page, 'weak-shell', async () => {
      await page.route('**/js/**', () => undefined);
      await page.goto(`${app.url}/#/pages/tasks/index`, { waitUntil: 'commit' });
      await page.getByText('法治政府建设任务清单').waitFor();
      await page.getByText('正在加载…').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'weak-shell.png') });
    });
  }, 60_000);
});
