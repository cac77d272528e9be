import {
  evidenceName,
  INTERRUPTED_MESSAGE,
  isEmptyDraft,
  mergeDraft,
  queueToDraft,
  REPICK_MESSAGE,
  restoreQueue,
  type DraftFile,
} from '../../src/services/draftModel';
import { mergeEvidence, submitBlocker } from '../../src/pages/task/logic';
import type { Evidence } from '../../src/contract/replies';

const NOW = '2026-11-28T02:00:00.000Z';

describe('task drafts', () => {
  it('keeps the note and the submission id until they are cleared', () => {
    const withNote = mergeDraft(null, { note: '已开展专项监督1次' }, NOW);
    const withId = mergeDraft(withNote, { requestId: 'r123456789' }, NOW);
    expect(withId).toMatchObject({ note: '已开展专项监督1次', requestId: 'r123456789' });
    const cleared = mergeDraft(withId, { note: undefined, requestId: undefined }, NOW);
    expect(isEmptyDraft(cleared)).toBe(true);
  });

  it('is not empty while a file waits to be uploaded', () => {
    const file: DraftFile = { key: 'f1', name: '照片.jpg', size: 10, kind: 'image', path: 'blob:x' };
    expect(isEmptyDraft(mergeDraft(null, { files: [file] }, NOW))).toBe(false);
    expect(isEmptyDraft(mergeDraft(null, { files: [] }, NOW))).toBe(true);
  });
});

describe('the upload queue after the app was closed', () => {
  const onPhone: DraftFile = { key: 'a', name: '照片1.jpg', size: 100, kind: 'image', path: 'wxfile://store_1.jpg' };
  const gone: DraftFile = { key: 'b', name: '照片2.jpg', size: 100, kind: 'image', path: 'blob:http://x/1' };
  const uploaded: DraftFile = { ...gone, key: 'c', fileId: 'local-1', mime: 'image/jpeg' };
  const refused: DraftFile = { ...onPhone, key: 'd', refused: true, message: '只能上传图片、PDF、Word、Excel 文件' };

  it('drops nothing: a file still on the phone waits to go again, a vanished one asks to be chosen again', () => {
    const restored = restoreQueue([onPhone, gone, uploaded, refused], (path) => path.startsWith('wxfile://'));
    expect(restored.map((item) => [item.key, item.status, item.message])).toEqual([
      ['a', 'failed', INTERRUPTED_MESSAGE],
      ['b', 'repick', REPICK_MESSAGE],
      ['c', 'failed', INTERRUPTED_MESSAGE],
      ['d', 'failed', '只能上传图片、PDF、Word、Excel 文件'],
    ]);
  });

  it('saves the queue without its live status', () => {
    const saved = queueToDraft([{ ...onPhone, status: 'uploading' }]);
    expect(saved).toEqual([onPhone]);
  });

  it('names evidence the way the server accepts: no folders or controls, at most 120 characters, extension kept', () => {
    expect(evidenceName('a/b\\c.pdf')).toBe('c.pdf');
    expect(evidenceName('会议照片\u202Egpj.exe')).toBe('会议照片gpj.exe');
    const long = `${'很'.repeat(200)}.docx`;
    expect(evidenceName(long)).toHaveLength(120);
    expect(evidenceName(long).endsWith('.docx')).toBe(true);
  });
});

describe('任务详情: evidence and 报送', () => {
  const piece = (id: string): Evidence => ({
    id,
    fileId: `cloud://env/${id}.png`,
    thumbUrl: null,
    name: `${id}.png`,
    size: 1,
    mime: 'image/png',
    kind: 'image',
    url: `/files/${id}`,
    unitId: 'xijiao',
    uploaderName: '王经办',
    createdAt: NOW,
  });

  it('shows what the server listed plus what was added since, once each, without what was removed', () => {
    const merged = mergeEvidence([piece('a'), piece('b')], [piece('b'), piece('c')], new Set(['a']));
    expect(merged.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('holds 报送 back while picked files are not on the task yet', () => {
    expect(submitBlocker(0)).toBeNull();
    expect(submitBlocker(2)).toContain('还有2个文件没有传上去');
    expect(submitBlocker(2)).not.toContain('重试');
  });
});
