import { NOTE_MAX_CHARS } from '../../src/contract/limits';
import { opensTaskList } from '../../src/services/routes';
import { clipNote, clippedNoteMessage, NOTE_MAX, noteCount } from '../../src/pages/task/logic';
import { tileImage, TILE_FULL_PHOTO_MAX_BYTES, viewerPhotos } from '../../src/utils/evidence';
import { splitFileName } from '../../src/utils/format';

describe('a long 工作说明', () => {
  it('counts against the server’s limit, orange near it and red at it', () => {
    expect(NOTE_MAX).toBe(NOTE_MAX_CHARS);
    expect(noteCount(0)).toEqual({ text: `0/${NOTE_MAX}`, level: 'ok' });
    expect(noteCount(NOTE_MAX - 101).level).toBe('ok');
    expect(noteCount(NOTE_MAX - 100).level).toBe('near');
    expect(noteCount(NOTE_MAX - 1).level).toBe('near');
    expect(noteCount(NOTE_MAX).level).toBe('full');
  });

  it('cuts a paste past the limit and says by how much', () => {
    expect(clipNote('短')).toEqual({ text: '短', cut: 0 });
    const pasted = '会'.repeat(3290);
    const { text, cut } = clipNote(pasted);
    expect(text).toHaveLength(NOTE_MAX);
    expect(cut).toBe(2290);
    expect(clippedNoteMessage(cut)).toContain('超出了2290字');
    expect(clippedNoteMessage(cut)).toContain(`最多${NOTE_MAX}字`);
  });

  it('never cuts an emoji in half', () => {
    const { text, cut } = clipNote(`${'字'.repeat(NOTE_MAX - 1)}👍👍`);
    expect(cut).toBe(1);
    expect(Array.from(text)).toHaveLength(NOTE_MAX);
    expect(text.endsWith('👍')).toBe(true);
  });
});

describe('photos in grids and lists', () => {
  const photo = { kind: 'image' as const, url: '/files/full', thumbUrl: '/files/thumb', size: 5_000_000 };

  it('show the thumbnail, never the full photo', () => {
    expect(tileImage(photo)).toBe('/files/thumb');
  });

  it('an old photo without a thumbnail shows itself only when it is small; a big one waits to be opened', () => {
    expect(tileImage({ ...photo, thumbUrl: null })).toBeNull();
    expect(tileImage({ ...photo, thumbUrl: null, size: TILE_FULL_PHOTO_MAX_BYTES })).toBe('/files/full');
    expect(tileImage({ ...photo, thumbUrl: undefined, size: 1000 })).toBe('/files/full');
  });

  it('documents have no picture', () => {
    expect(tileImage({ kind: 'document', url: '/files/a.pdf', thumbUrl: null, size: 10 })).toBeNull();
  });

  it('the viewer swipes through the full photos, starting at the one opened', () => {
    const evidence = [
      { ...photo, id: 'a', url: '/files/a' },
      { kind: 'document' as const, id: 'd', url: '/files/d', thumbUrl: null, size: 1 },
      { ...photo, id: 'b', url: '/files/b' },
      { ...photo, id: 'c', url: null },
    ];
    expect(viewerPhotos(evidence, evidence[2])).toEqual({ urls: ['/files/a', '/files/b'], current: '/files/b' });
    expect(viewerPhotos(evidence, evidence[1])).toBeNull();
    expect(viewerPhotos(evidence, evidence[3])).toBeNull();
  });
});

describe('file names', () => {
  it('wrap in their base, never inside the extension: it stays with the character before it', () => {
    expect(splitFileName('工作照片2.png')).toEqual({ head: '工作照片', tail: '2.png' });
    expect(splitFileName('会议纪要.final.docx')).toEqual({ head: '会议纪要.fina', tail: 'l.docx' });
    expect(splitFileName('说明')).toEqual({ head: '说', tail: '明' });
    expect(splitFileName('.png')).toEqual({ head: '.pn', tail: 'g' });
    expect(splitFileName('😀.jpg')).toEqual({ head: '', tail: '😀.jpg' });
  });
});

describe('early calls', () => {
  it('ask for the task list only when the address opens it', () => {
    expect(opensTaskList('')).toBe(true);
    expect(opensTaskList('#/')).toBe(true);
    expect(opensTaskList('#/pages/tasks/index')).toBe(true);
    expect(opensTaskList('#/pages/tasks/index?from=share')).toBe(true);
    expect(opensTaskList('#/pages/task/index?id=x')).toBe(false);
    expect(opensTaskList('#/packages/leader/pages/dashboard/index')).toBe(false);
  });
});
