import { Text, Textarea } from '@tarojs/components';
import Section from './Section';
import { NOTE_MAX } from './logic';
import type { NoteDraft } from './useNoteDraft';

/** 工作说明: typed while the task can be reported (kept as a draft), else the note as reported. */
export default function NoteCard({
  note,
  reported,
  editable,
}: {
  note: NoteDraft;
  reported: string;
  editable: boolean;
}) {
  if (!editable) {
    return (
      <Section title="工作说明">
        <Text className="task-page__note-text">{reported || '（没有填写说明）'}</Text>
      </Section>
    );
  }
  return (
    <Section title="工作说明" note={`${note.text.length}/${NOTE_MAX}`}>
      <Textarea
        className="task-page__note"
        value={note.text}
        maxlength={NOTE_MAX}
        placeholder="写明做了什么：时间、次数、参加人员、形成的文件（会自动保存草稿）"
        onInput={(event) => note.change(event.detail.value)}
      />
    </Section>
  );
}
