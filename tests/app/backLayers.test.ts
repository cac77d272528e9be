import { closeLayer, hasOpenLayer, onLayersChange, openLayer, takeBack } from '../../src/services/backLayer';

/**
 * The phone's back in WeChat: the page's BackCatcher (a page-container) shows while a layer is open
 * and, when back closes it, calls takeBack(): the top sheet closes, not the page, and the one under
 * it is next. These tests run as the mini-program does (no browser history).
 */
describe('what the phone’s back closes in WeChat', () => {
  const counts: number[] = [];
  let stop: () => void;
  beforeEach(() => {
    counts.length = 0;
    stop = onLayersChange((open) => counts.push(open));
  });
  afterEach(() => {
    stop();
    // Close whatever a test left open (a bounded loop: a layer may open itself again).
    for (let i = 0; i < 10 && hasOpenLayer(); i++) takeBack();
  });

  it('closes the sheet on top, then the one under it, then lets the page go', () => {
    const closed: string[] = [];
    openLayer(() => closed.push('review sheet'));
    openLayer(() => closed.push('photo chooser'));
    expect(counts).toEqual([1, 2]);
    // A catcher that mounts now (the page rendered with a sheet already open) starts from this.
    expect(hasOpenLayer()).toBe(true);

    expect(takeBack()).toBe(true);
    expect(closed).toEqual(['photo chooser']);
    expect(takeBack()).toBe(true);
    expect(closed).toEqual(['photo chooser', 'review sheet']);
    expect(counts).toEqual([1, 2, 1, 0]);
    // Nothing open: the catcher is hidden and back leaves the page as usual.
    expect(hasOpenLayer()).toBe(false);
    expect(takeBack()).toBe(false);
    expect(closed).toHaveLength(2);
  });

  it('a sheet closed by its own 关闭 is gone at once, and back then skips it', async () => {
    const closed: string[] = [];
    openLayer(() => closed.push('filter'));
    const sheet = openLayer(() => closed.push('unit chooser'));
    await closeLayer(sheet);
    expect(counts).toEqual([1, 2, 1]);
    expect(takeBack()).toBe(true);
    expect(closed).toEqual(['filter']);
  });

  it('a sheet that keeps a half-written comment opens again and catches the next back', () => {
    let asked = 0;
    const keepOpen = () => {
      asked += 1;
      // 继续填写 twice, then 放弃: the sheet stays and arms itself again (as useBackClose does).
      if (asked < 2) openLayer(keepOpen);
    };
    openLayer(keepOpen);
    expect(takeBack()).toBe(true);
    expect(asked).toBe(1);
    expect(hasOpenLayer()).toBe(true);
    expect(takeBack()).toBe(true);
    expect(asked).toBe(2);
    expect(hasOpenLayer()).toBe(false);
    expect(counts).toEqual([1, 0, 1, 0]);
  });
});
