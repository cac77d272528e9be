import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import { bindProblem, INVITE_CODE_LENGTH, normalizeInviteCode } from './meLogic';
import { useBind } from '../../hooks/useBind';

/**
 * The first thing a new user sees: the invite code from the admin (pre-filled when they came by its
 * link or mini-program code) and their name. Once bound they land on their unit's tasks.
 */
export default function BindForm({ initialCode, hint }: { initialCode: string; hint?: string }) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { bind, busy, error, clearError } = useBind();

  useEffect(() => {
    if (initialCode) setCode(initialCode);
  }, [initialCode]);

  const submit = async () => {
    const found = bindProblem(code, name);
    setProblem(found);
    if (found) return;
    if (await bind(code, name.trim())) {
      void Taro.showToast({ title: '绑定成功', icon: 'success', duration: 1500 });
      void Taro.switchTab({ url: '/pages/tasks/index' });
    }
  };

  const message = problem ?? error?.message ?? null;

  return (
    <View className="me-bind">
      <Text className="me-bind__title">绑定单位</Text>
      <Text className="me-bind__intro">
        输入管理员发给您的邀请码和您的姓名，绑定后就能看到本单位的任务、按时报送材料。
      </Text>
      {hint ? <Text className="me-bind__hint">{hint}</Text> : null}

      <View className="me-field">
        <Text className="me-field__label">邀请码</Text>
        <Input
          className="me-field__input me-field__input--code"
          value={code}
          type="text"
          maxlength={40}
          placeholder={`${INVITE_CODE_LENGTH}位字母或数字`}
          placeholderClass="me-field__placeholder"
          confirmType="next"
          onInput={(event) => {
            const next = normalizeInviteCode(event.detail.value);
            setCode(next);
            setProblem(null);
            clearError();
            return next;
          }}
        />
      </View>

      <View className="me-field">
        <Text className="me-field__label">您的姓名</Text>
        <Input
          className="me-field__input"
          value={name}
          type="text"
          maxlength={20}
          placeholder="如：张丽"
          placeholderClass="me-field__placeholder"
          confirmType="done"
          onInput={(event) => {
            setName(event.detail.value);
            setProblem(null);
            clearError();
          }}
          onConfirm={() => void submit()}
        />
      </View>

      {message ? (
        <View className="me-bind__error" role="alert">
          <Text>{message}</Text>
        </View>
      ) : null}

      <AppButton className="me-button me-button--primary" loading={busy} onClick={() => void submit()}>
        {busy ? '正在绑定…' : '绑定'}
      </AppButton>
      <Text className="me-bind__foot">没有邀请码？请联系管理员，说明您的单位和岗位。</Text>
    </View>
  );
}
