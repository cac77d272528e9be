import { MAX_UPLOAD_BYTES, UPLOAD_MESSAGES } from '../../src/contract/limits';
import {
  autoRetryDelayMs,
  failedItem,
  INTERRUPTED_MESSAGE,
  isResumable,
  NETWORK_LOST_MESSAGE,
  queueStatusText,
  queueToDraft,
  refusalBeforeUpload,
  restoreQueue,
  resumeAll,
  type QueueItem,
} from '../../src/services/draftModel';
import { submitBlocker } from '../../src/pages/task/logic';

const photo: QueueItem = {
  key: 'p',
  name: '现场照片.jpg',
  size: 5_400_000,
  kind: 'image',
  path: 'blob:1',
  status: 'uploading',
};

describe('an upload that fails on a weak signal', () => {
  it('stays in the queue, says it will go again by itself, and counts the try', () => {
    const failed = failedItem({ ...photo, progress: 63 }, { message: '网络不稳定', retryable: true });
    expect(failed).toMatchObject({ status: 'failed', message: NETWORK_LOST_MESSAGE, tries: 1 });
    expect(failed.refused).toBeUndefined();
    expect(failed.progress).toBeUndefined();
    expect(failedItem(failed, { message: 'x', retryable: true }).tries).toBe(2);
    expect(isResumable(failed)).toBe(true);
    expect(queueStatusText(failed)).not.toContain('重试');
  });

  it('a refusal says why in the server’s words and is never tried again', () => {
    const refused = failedItem(photo, { message: UPLOAD_MESSAGES.unsupported, retryable: false });
    expect(refused).toMatchObject({ status: 'failed', refused: true, message: UPLOAD_MESSAGES.unsupported });
    expect(isResumable(refused)).toBe(false);
    expect(queueStatusText(refused)).toBe(`传不了：${UPLOAD_MESSAGES.unsupported}`);
    expect(queueStatusText(refused)).not.toContain('重试');
  });

  it('goes again when the connection returns: every resumable file waits, refused and vanished ones stay', () => {
    const queue: QueueItem[] = [
      failedItem(photo, { message: '', retryable: true }),
      { ...failedItem({ ...photo, key: 'r' }, { message: UPLOAD_MESSAGES.tooLarge, retryable: false }) },
      { ...photo, key: 'g', status: 'repick', message: '需要重新选择' },
      { ...photo, key: 'u', status: 'uploading' },
    ];
    const resumed = resumeAll(queue);
    expect(resumed.map((item) => [item.key, item.status])).toEqual([
      ['p', 'waiting'],
      ['r', 'failed'],
      ['g', 'repick'],
      ['u', 'uploading'],
    ]);
    expect(resumed[0].message).toBeUndefined();
    // What a photo had done already (made small, uploaded) is kept: it goes on from there.
    const halfway = { ...failedItem({ ...photo, prepared: true, fileId: 'f1' }, { message: '', retryable: true }) };
    expect(resumeAll([halfway])[0]).toMatchObject({ status: 'waiting', prepared: true, fileId: 'f1' });
  });

  it('after the app was closed, what was on its way waits to go again by itself (not for a tap)', () => {
    const restored = restoreQueue(queueToDraft([{ ...photo, path: 'wxfile://kept.jpg', saved: true }]), (path) =>
      path.startsWith('wxfile://'),
    );
    expect(restored[0]).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(INTERRUPTED_MESSAGE).not.toContain('重试');
    expect(isResumable(restored[0])).toBe(true);
  });

  it('tries again after growing pauses while the phone says it is online', () => {
    expect([1, 2, 3, 4, 5, 9].map(autoRetryDelayMs)).toEqual([5_000, 15_000, 30_000, 60_000, 120_000, 120_000]);
    expect(autoRetryDelayMs(0)).toBe(5_000);
  });

  it('keeps progress out of the draft: it is live only', () => {
    const [saved] = queueToDraft([{ ...photo, progress: 40, thumbPath: 'blob:t', thumbFileId: 't1', adding: true }]);
    expect(saved).not.toHaveProperty('progress');
    expect(saved).not.toHaveProperty('status');
    expect(saved).toMatchObject({ thumbPath: 'blob:t', thumbFileId: 't1', adding: true });
  });

  it('shows each step: made small, the percent sent', () => {
    expect(queueStatusText({ ...photo, status: 'preparing' })).toBe('正在压缩照片…');
    expect(queueStatusText({ ...photo, status: 'uploading', progress: 42 })).toBe('正在上传 42%');
    expect(queueStatusText({ ...photo, status: 'waiting' })).toBe('等待上传');
  });
});

describe('files that cannot go at all', () => {
  it('are refused before a byte is sent: empty, over 20 MB, or a type we do not take', () => {
    expect(refusalBeforeUpload({ name: 'a.pdf', size: 0, kind: 'document' })).toBe(UPLOAD_MESSAGES.empty);
    expect(refusalBeforeUpload({ name: 'a.pdf', size: MAX_UPLOAD_BYTES + 1, kind: 'document' })).toBe(
      UPLOAD_MESSAGES.tooLarge,
    );
    expect(refusalBeforeUpload({ name: 'a.pdf', size: MAX_UPLOAD_BYTES, kind: 'document' })).toBeNull();
    expect(refusalBeforeUpload({ name: '通知.zip', size: 10, kind: 'document' })).toBe(UPLOAD_MESSAGES.unsupported);
    expect(refusalBeforeUpload({ name: '照片.jpg', size: 300_000, kind: 'image' })).toBeNull();
  });

  it('hold 报送 back with what to do, not with a 重试 that is not there', () => {
    expect(submitBlocker({ refused: 0, waiting: 0 })).toBeNull();
    expect(submitBlocker({ refused: 1, waiting: 0 })).toBe('有1个文件传不了（原因见上面），请删除后再报送');
    expect(submitBlocker({ refused: 0, waiting: 2 })).toContain('有网络时会自动接着传');
    expect(submitBlocker({ refused: 1, waiting: 1 })).toContain('传不了的请删除');
    for (const counts of [
      { refused: 1, waiting: 0 },
      { refused: 0, waiting: 1 },
    ]) {
      expect(submitBlocker(counts)).not.toContain('重试');
    }
  });
});
