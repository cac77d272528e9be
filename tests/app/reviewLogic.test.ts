import { excerpt } from '../../src/utils/format';
import {
  changeLines,
  filterOptions,
  nextAfter,
  queuePayload,
  requestLine,
  reviewCommentProblem,
  withoutReviewed,
} from '../../src/packages/review/logic';
import type { QueuedTask } from '../../src/contract/replies';

describe('a review decision', () => {
  it('refuses a return without a comment (spaces are no comment), and accepts an approval without one', () => {
    expect(reviewCommentProblem('return', '')).toBe('退回时请写明需要补充或修改的内容');
    expect(reviewCommentProblem('return', '   \n ')).toBe('退回时请写明需要补充或修改的内容');
    expect(reviewCommentProblem('return', '请补充签到表')).toBeNull();
    expect(reviewCommentProblem('approve', '')).toBeNull();
  });

  it('refuses a request refused without a comment', () => {
    expect(reviewCommentProblem('refuse', ' ')).toBe('不同意时请写明理由，经办人会看到');
    expect(reviewCommentProblem('refuse', '理由不充分')).toBeNull();
  });

  it('refuses a comment longer than the server accepts', () => {
    expect(reviewCommentProblem('approve', '长'.repeat(501))).toMatch(/最多500字/);
    expect(reviewCommentProblem('return', '长'.repeat(500))).toBeNull();
  });
});

describe('a note on a card', () => {
  it('shows short notes whole and long ones cut with an ellipsis, on one line', () => {
    expect(excerpt('已按要求落实。')).toBe('已按要求落实。');
    expect(excerpt('第一行\n\n第二行')).toBe('第一行 第二行');
    expect(excerpt('很'.repeat(50), 40)).toBe(`${'很'.repeat(40)}…`);
  });
});

describe('the queue after reviewing', () => {
  const queued = (id: string, version: number) => ({ id, version }) as QueuedTask;

  it('hides a decided report, even in an answer loaded before the decision, until it is resubmitted', () => {
    const reviewed = new Map([['a', 4]]);
    expect(withoutReviewed([queued('a', 3), queued('b', 3)], reviewed).map((t) => t.id)).toEqual(['b']);
    expect(withoutReviewed([queued('a', 5), queued('b', 3)], reviewed).map((t) => t.id)).toEqual(['a', 'b']);
  });
});

describe('working through the queue', () => {
  const row = (id: string, fields: Partial<QueuedTask> = {}) =>
    ({
      id,
      unitId: 'xijiao',
      unitName: '西郊街道',
      itemNo: 1,
      title: '标题',
      queueKind: 'report',
      ...fields,
    }) as QueuedTask;

  it('opens the next row after a decision, the first when the last was decided, none when nothing is left', () => {
    const rows = [row('a'), row('b'), row('c')];
    expect(nextAfter(rows, 'a')?.id).toBe('b');
    expect(nextAfter(rows, 'b')?.id).toBe('c');
    expect(nextAfter(rows, 'c')?.id).toBe('a');
    expect(nextAfter([row('a')], 'a')).toBeNull();
  });

  it('offers the units and items that have something waiting, with how many', () => {
    const { units, items } = filterOptions([
      row('a', { unitId: 'hetang', unitName: '荷塘乡', itemNo: 9 }),
      row('b', { unitId: 'xijiao', unitName: '西郊街道', itemNo: 2 }),
      row('c', { unitId: 'hetang', unitName: '荷塘乡', itemNo: 2 }),
    ]);
    expect(units.map((unit) => [unit.key, unit.count])).toEqual([
      ['hetang', 2],
      ['xijiao', 1],
    ]);
    expect(items.map((item) => [item.key, item.count])).toEqual([
      [2, 2],
      [9, 1],
    ]);
  });

  it('asks the server with the filter’s fields in one order', () => {
    expect(JSON.stringify(queuePayload({ kind: 'extension', unitId: 'xijiao' }))).toBe(
      '{"unitId":"xijiao","kind":"extension"}',
    );
    expect(queuePayload({})).toEqual({});
  });

  it('says what a resubmission changed since it was returned', () => {
    const changes = {
      returnedAt: '',
      returnComment: null,
      added: ['签到表.jpg'],
      removed: ['旧照片.jpg'],
      noteChanged: true,
    };
    expect(changeLines(changes)).toEqual(['新增材料：签到表.jpg', '删除材料：旧照片.jpg', '报送说明：已修改']);
    expect(changeLines({ ...changes, added: [], removed: [], noteChanged: false })).toEqual([
      '材料：没有增减',
      '报送说明：没有修改',
    ]);
  });

  it('puts a 延期 request in one line, with the year when it moves into the next', () => {
    const extension = { dueDate: '2027-01-15', fromDueDate: '2026-12-31' } as QueuedTask['extension'];
    expect(requestLine({ queueKind: 'extension', extension })).toBe('申请延期至2027年1月15日（原截止12月31日）');
    expect(requestLine({ queueKind: 'exemption', extension: null })).toBe('申请不涉及（本单位无此项工作）');
  });
});
