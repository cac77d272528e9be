import { spillsSideways, withScreenshot } from './browser';
import { setUpLocalCloud } from './localCloud';

describe('the H5 app served by npm start', () => {
  const app = setUpLocalCloud();

  it('lists the catalog by indicator, and an item opens to its official text', async () => {
    const page = await app.phoneAs(null, 320);
    await withScreenshot(page, 'catalog', async () => {
      await page.goto(`${app.url}/#/packages/more/pages/catalog/index`);
      await page.getByText('坚持党对法治政府建设的领导').first().waitFor();
      await expect(page.getByText('昌府办字〔2024〕45号').count()).resolves.toBeGreaterThan(0);
      await expect(page.getByText('推进依法行政能力建设').count()).resolves.toBe(1);
      await page.getByText('全面推进政务诚信建设').click();
      await page.getByText('深化“新官不理旧账”专项整治', { exact: false }).waitFor();
      expect(await spillsSideways(page)).toEqual([]);
    });
  }, 60_000);
});
