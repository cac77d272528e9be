import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import AppButton from '../AppButton';
import { INSTRUCTION_MAX_CHARS } from '../../contract/limits';
import { ApiError } from '../../services/api';
import './index.scss';

/**
 * Where a leader writes a 批示: on a task, or on a unit as a whole. Sent, it reaches the unit's people
 * at the top of their task (or task list) and as a reminder; `onSent` reloads what shows it.
 */
export default function InstructionBox({
  target,
  busy,
  onSend,
  onSent,
}: {
  /** Who will read it, for the hint: 西郊街道. */
  target: string;
  busy: boolean;
  onSend: (text: string) => Promise<unknown>;
  onSent: () => void;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    const trimmed = text.trim();
    if (!trimmed) {
      setProblem('请先写批示内容');
      return;
    }
    setProblem(null);
    try {
      const sent = await onSend(trimmed);
      if (!sent) return;
      setText('');
      void Taro.showToast({ title: '批示已发送', icon: 'success' });
      onSent();
    } catch (caught) {
      setProblem(caught instanceof ApiError ? caught.message : '批示没有发出，请重试');
    }
  };

  return (
    <View className="instruction-box">
      <Textarea
        className="instruction-box__input"
        value={text}
        maxlength={INSTRUCTION_MAX_CHARS}
        placeholder={`写给${target}的批示，如：请抓紧办理，月底前报送`}
        onInput={(event) => {
          setText(event.detail.value);
          if (problem) setProblem(null);
        }}
      />
      {problem ? (
        <View className="instruction-box__problem" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <View className="instruction-box__row">
        <Text className="instruction-box__hint">{`发送后${target}的经办人会收到提醒`}</Text>
        <AppButton className="instruction-box__send" loading={busy} onClick={() => void send()}>
          发送批示
        </AppButton>
      </View>
    </View>
  );
}
