/**
 * The clerk's phone on a weak signal: the local cloud serving the built H5 app, Chromium at 360 px
 * with the network emulated over CDP at about 3G in the countryside (400 kbit/s each way, 400 ms
 * round trip), and four figures (issue 12):
 *   bytesBeforeTaskList           compressed bytes on the wire before the task list shows (≤ 200 KB)
 *   taskListVisibleMs             from opening the app to the task list showing (≤ 5000)
 *   imageBytesTaskWithTwoPhotos   image bytes a task with two 5 MB photos loads until one is opened (≤ 150 KB)
 *   photoSubmitMs                 a 5 MB camera photo chosen, uploaded and 报送 done (≤ 20000)
 * `npm run bench` calls measureWeakSignal(); `tsx bench/weakSignal.ts` runs it alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { ensureH5Build } from '../local/h5Build';
import { startLocalServer, type RunningServer } from '../tests/support/localServer';
import { launchBrowser, phoneAs } from '../tests/e2e/browser';
import { makeCameraPhoto } from '../tests/e2e/cameraPhoto';
import { emulateLink, WireMeter } from '../tests/e2e/weakLink';

const STAFF = 'demo-staff-xijiao';
const WIDTH = 360;

export interface WeakSignalOptions {
  /** Give up on the photo after this long (today's app never finishes). */
  photoTimeoutMs?: number;
  /** Skip the H5 build check (the build must be there). */
  noBuild?: boolean;
  log?: (line: string) => void;
}

async function weakPhone(browser: Browser): Promise<{ page: Page; meter: WireMeter }> {
  const page = await phoneAs(browser, STAFF, WIDTH);
  const cdp = await emulateLink(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { page, meter: new WireMeter(cdp) };
}

async function api<T>(server: RunningServer, action: string, payload: unknown): Promise<T> {
  const reply = await fetch(`${server.url}/api/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Openid': STAFF },
    body: JSON.stringify(payload),
  });
  const body = (await reply.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${action}: ${body.error?.message}`);
  return body.data;
}

interface TaskRow {
  id: string;
  status: string;
  light: string;
  evidenceCount: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chooses files in the task page's 拍照/相册 picker, as a phone would after two taps. */
async function pickPhotos(page: Page, paths: string[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator('.task-page__add-button--main >> visible=true').click(),
  ]);
  await chooser.setFiles(paths);
}

export async function measureWeakSignal(options: WeakSignalOptions = {}): Promise<Record<string, number>> {
  const log = options.log ?? (() => undefined);
  const photoTimeoutMs = options.photoTimeoutMs ?? 180_000;
  if (!options.noBuild) ensureH5Build(log);
  const server = await startLocalServer();
  const browser = await launchBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'weak-signal-'));
  try {
    const photo = join(dir, 'IMG_20261128_101530.jpg');
    const photo2 = join(dir, 'IMG_20261128_101604.jpg');
    writeFileSync(photo, await makeCameraPhoto(browser));
    writeFileSync(photo2, await makeCameraPhoto(browser, { orientation: 1 }));
    const { tasks } = await api<{ tasks: TaskRow[] }>(server, 'tasks.list', {});
    const fresh = tasks.filter((task) => task.status === 'pending' && task.evidenceCount === 0).map((task) => task.id);
    if (fresh.length < 2) throw new Error('the demo data has too few fresh tasks');
    const results: Record<string, number> = {};

    // 1. The clerk opens the app: bytes and time until the task list shows.
    {
      const { page, meter } = await weakPhone(browser);
      const started = Date.now();
      await page.goto(`${server.url}/#/pages/tasks/index`, { waitUntil: 'commit' });
      await page.locator('[data-task-id] >> visible=true').first().waitFor({ timeout: 120_000 });
      results.taskListVisibleMs = Date.now() - started;
      results.bytesBeforeTaskList = meter.total();
      log(`task list: ${results.taskListVisibleMs} ms, ${Math.round(results.bytesBeforeTaskList / 1024)} KB`);
      await page.context().close();
    }

    // 2. A 5 MB camera photo over the weak link, then 报送 at once (it waits for the upload).
    {
      const { page } = await weakPhone(browser);
      await page.goto(`${server.url}/#/pages/task/index?id=${fresh[0]}`);
      await page.locator('.task-page__submit >> visible=true').waitFor({ timeout: 120_000 });
      const started = Date.now();
      await pickPhotos(page, [photo]);
      await page.locator('.task-page__submit >> visible=true').click();
      let submitted = false;
      while (Date.now() - started < photoTimeoutMs) {
        const detail = await api<{ task: { status: string } }>(server, 'tasks.get', { id: fresh[0] });
        if (detail.task.status === 'submitted') {
          submitted = true;
          break;
        }
        await sleep(250);
      }
      results.photoSubmitMs = submitted ? Date.now() - started : Number.POSITIVE_INFINITY;
      log(`photo submitted: ${submitted ? `${results.photoSubmitMs} ms` : `not within ${photoTimeoutMs} ms`}`);
      await page.context().close();
    }

    // 3. A task with two 5 MB photos (added on a good link), opened on the weak one.
    {
      const setup = await phoneAs(browser, STAFF, WIDTH);
      await setup.goto(`${server.url}/#/pages/task/index?id=${fresh[1]}`);
      await setup.locator('.task-page__submit >> visible=true').waitFor();
      await pickPhotos(setup, [photo, photo2]);
      for (let waited = 0; waited < 120_000; waited += 500) {
        const detail = await api<{ evidence: unknown[] }>(server, 'tasks.get', { id: fresh[1] });
        if (detail.evidence.length >= 2) break;
        await sleep(500);
      }
      await setup.context().close();

      const { page, meter } = await weakPhone(browser);
      await page.goto(`${server.url}/#/pages/task/index?id=${fresh[1]}`);
      await page.locator('.evidence-grid__cell >> visible=true').nth(1).waitFor({ timeout: 120_000 });
      // Until the tiles have drawn (or 30 s: the originals would take minutes).
      await page
        .waitForFunction(
          () =>
            Array.from(document.querySelectorAll('.evidence-grid img')).every(
              (image) => (image as HTMLImageElement).complete,
            ),
          undefined,
          { timeout: 30_000 },
        )
        .catch(() => undefined);
      await sleep(1000);
      results.imageBytesTaskWithTwoPhotos = meter.images();
      log(`task with two photos: ${Math.round(results.imageBytesTaskWithTwoPhotos / 1024)} KB of images`);
      await page.context().close();
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const timeout = /^--photo-timeout=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--photo-timeout=')) ?? '');
  measureWeakSignal({
    log: console.log,
    noBuild: process.argv.includes('--no-build'),
    photoTimeoutMs: timeout ? Number(timeout[1]) : undefined,
  })
    .then((results) => console.log(JSON.stringify(results, null, 2)))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
