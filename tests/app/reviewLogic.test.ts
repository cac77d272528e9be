import { excerpt, reviewCommentProblem, withoutReviewed } from '../../src/packages/review/logic';
import type { QueuedTask } from '../../src/contract/replies';

describe('a review decision', () => {
  it('refuses a return without a comment (spaces are no comment), and accepts an approval without one', () => {
    expect(reviewCommentProblem('return', '')).toBe('退回时请写明需要补充或修改的内容');
    expect(reviewCommentProblem('return', '   \n ')).toBe('退回时请写明需要补充或修改的内容');
    expect(reviewCommentProblem('return', '请补充签到表')).toBeNull();
    expect(reviewCommentProblem('approve', '')).toBeNull();
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
