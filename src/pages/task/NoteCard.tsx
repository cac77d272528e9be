import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Section from './Section';
import { clipNote, clippedNoteMessage, NOTE_MAX, noteCount } from './logic';
import type { NoteDraft } from './useNoteDraft';

/**
 * 工作说明: typed while the task can be reported (kept as a draft), else the note as reported. The
 * count turns orange near the limit and red at it; a paste past the limit is cut, and says so.
 */
export default function NoteCard({
  note,
  reported,
  editable,
}: {
  note: NoteDraft;
  reported: string;
  editable: boolean;
}) {
  const [clipped, setClipped] = useState<string | null>(null);
  // Shown for one render when a paste is cut: the box then moves from what was pasted to the cut text.
  const [overflow, setOverflow] = useState<string | null>(null);
  if (!editable) {
    return (
      <Section title="工作说明">
        <Text className="task-page__note-text">{reported || '（没有填写说明）'}</Text>
      </Section>
    );
  }
  const count = noteCount(Array.from(note.text).length);
  return (
    <Section title="工作说明" note={count.text} noteTone={count.level}>
      <Textarea
        className="task-page__note"
        value={overflow ?? note.text}
        // No maxlength: the box would cut a paste without a word. The limit is kept here instead.
        maxlength={-1}
        placeholder="写明做了什么：时间、次数、参加人员、形成的文件（会自动保存草稿）"
        onInput={(event) => {
          const typed = event.detail.value;
          const { text, cut } = clipNote(typed);
          note.change(text);
          if (cut > 0) {
            setOverflow(typed);
            setTimeout(() => setOverflow(null), 0);
            setClipped(clippedNoteMessage(cut));
          } else if (clipped && Array.from(text).length < NOTE_MAX) {
            setClipped(null);
          }
        }}
      />
      {clipped ? (
        <View className="task-page__note-clipped" role="alert">
          <Text>{clipped}</Text>
        </View>
      ) : null}
    </Section>
  );
}
