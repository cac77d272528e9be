import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import AppButton from '../../components/AppButton';
import { COMMENT_MAX_CHARS } from '../../contract/limits';
import type { TaskDetail } from '../../contract/replies';
import { useRequestDecision, useTaskRequests, type RequestDecision } from '../../hooks/useTaskRequests';
import { ApiError } from '../../services/api';
import Section from './Section';
import {
  decisionProblem,
  earliestExtension,
  exemptionState,
  extensionChoices,
  extensionState,
  latestExtension,
  longDate,
  REASON_MAX,
  reasonProblem,
  reviewersOf,
  type RequestState,
} from './requestLogic';

function failure(caught: unknown): string {
  return caught instanceof ApiError ? caught.message : '没有提交成功，请重试';
}

function StateBox({ state, kind }: { state: RequestState; kind: 'extension' | 'exemption' }) {
  return (
    <View className={`task-request task-request--${state.tone}`} data-request={kind} data-tone={state.tone}>
      <Text className="task-request__title">{state.title}</Text>
      {state.lines.map((line, index) => (
        <Text key={index} className={`task-request__line${line === '申请时已逾期' ? ' task-request__line--late' : ''}`}>
          {line}
        </Text>
      ))}
    </View>
  );
}

function Reason({
  value,
  placeholder,
  onChange,
}: {
  value: string;
  placeholder: string;
  onChange: (v: string) => void;
}) {
  return (
    <Textarea
      className="task-page__reason"
      value={value}
      maxlength={REASON_MAX}
      placeholder={placeholder}
      onInput={(event) => onChange(event.detail.value)}
    />
  );
}

/** 申请延期: a new date (a quick choice or any date from the picker) and the reason. */
function ExtensionForm({
  detail,
  today,
  busy,
  onSend,
  onCancel,
}: {
  detail: TaskDetail;
  today: string;
  busy: boolean;
  onSend: (date: string, reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { task } = detail;
  const choices = extensionChoices(task.dueDate, today, task.year);
  const [date, setDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const late = today > task.dueDate;

  const send = async () => {
    const refusal = date ? reasonProblem(reason, '申请延期') : '请选择新的完成日期';
    setProblem(refusal);
    if (refusal || !date) return;
    try {
      await onSend(date, reason.trim());
    } catch (caught) {
      setProblem(failure(caught));
    }
  };

  return (
    <View className="task-page__form" data-form="extension">
      <Text className="task-page__form-title">申请延期</Text>
      <Text className="task-page__form-hint">
        {`现在的截止日期是${longDate(task.dueDate)}。${reviewersOf(task)}同意后才改为新的日期，同意前仍按原日期计算。`}
      </Text>
      {late ? <Text className="task-page__form-late">已经过了截止日期，申请时会注明“申请时已逾期”。</Text> : null}
      <Text className="task-page__form-label">新的完成日期</Text>
      <View className="task-page__choices">
        {choices.map((choice) => (
          <View
            key={choice.date}
            className={`task-page__choice${date === choice.date ? ' task-page__choice--on' : ''}`}
            data-date={choice.date}
            onClick={() => {
              setDate(choice.date);
              setProblem(null);
            }}
          >
            <Text>{`${choice.label}（${longDate(choice.date).slice(5)}）`}</Text>
          </View>
        ))}
        <Picker
          mode="date"
          value={date ?? earliestExtension(task.dueDate, today)}
          start={earliestExtension(task.dueDate, today)}
          end={latestExtension(task.year)}
          onChange={(event) => {
            setDate(String(event.detail.value));
            setProblem(null);
          }}
        >
          <View className="task-page__choice">
            <Text>选其他日期</Text>
          </View>
        </Picker>
      </View>
      <Text className="task-page__form-chosen">{date ? `延期至 ${longDate(date)}` : '还没有选择日期'}</Text>
      <Text className="task-page__form-label">理由</Text>
      <Reason
        value={reason}
        placeholder="写明为什么需要延期，如：等待上级文件、活动推迟"
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      {problem ? (
        <View className="task-page__form-problem" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <View className="task-page__form-actions">
        <AppButton className="task-page__form-cancel" disabled={busy} onClick={onCancel}>
          取消
        </AppButton>
        <AppButton className="task-page__form-send" loading={busy} onClick={() => void send()}>
          提交延期申请
        </AppButton>
      </View>
    </View>
  );
}

/** 申请不涉及: the reason the item does not apply to the unit this year. */
function ExemptionForm({
  detail,
  busy,
  onSend,
  onCancel,
}: {
  detail: TaskDetail;
  busy: boolean;
  onSend: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const send = async () => {
    const refusal = reasonProblem(reason, '不涉及');
    setProblem(refusal);
    if (refusal) return;
    try {
      await onSend(reason.trim());
    } catch (caught) {
      setProblem(failure(caught));
    }
  };

  return (
    <View className="task-page__form" data-form="exemption">
      <Text className="task-page__form-title">申请不涉及</Text>
      <Text className="task-page__form-hint">
        {`这项工作本单位今年确实没有（如没有相关职能）时申请。${reviewersOf(detail.task)}同意后，这项任务不再计入本单位的任务数和各项比率。`}
      </Text>
      <Text className="task-page__form-label">理由</Text>
      <Reason
        value={reason}
        placeholder="写明为什么本单位不涉及，如：本单位没有行政执法职能"
        onChange={(value) => {
          setReason(value);
          setProblem(null);
        }}
      />
      {problem ? (
        <View className="task-page__form-problem" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <View className="task-page__form-actions">
        <AppButton className="task-page__form-cancel" disabled={busy} onClick={onCancel}>
          取消
        </AppButton>
        <AppButton className="task-page__form-send" loading={busy} onClick={() => void send()}>
          提交不涉及申请
        </AppButton>
      </View>
    </View>
  );
}

/** 同意 / 不同意 an open request, or 撤销不涉及: a comment (needed to refuse or revoke) and the buttons. */
function DecisionBox({
  mode,
  busy,
  onDecide,
}: {
  mode: 'decide' | 'revoke';
  busy: boolean;
  onDecide: (decision: RequestDecision | 'revoke', comment: string) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const decide = async (decision: RequestDecision | 'revoke') => {
    const refusal = decisionProblem(decision, comment);
    setProblem(refusal);
    if (refusal) return;
    try {
      await onDecide(decision, comment.trim());
      setComment('');
    } catch (caught) {
      setProblem(failure(caught));
    }
  };

  return (
    <View className="task-page__form" data-form={mode}>
      <Textarea
        className="task-page__reason"
        value={comment}
        maxlength={COMMENT_MAX_CHARS}
        placeholder={mode === 'revoke' ? '撤销理由（必填），经办人会看到' : '审批意见：不同意时必填，经办人会看到'}
        onInput={(event) => {
          setComment(event.detail.value);
          if (problem) setProblem(null);
        }}
      />
      {problem ? (
        <View className="task-page__form-problem" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}
      <View className="task-page__form-actions">
        {mode === 'revoke' ? (
          <AppButton className="task-page__form-refuse" loading={busy} onClick={() => void decide('revoke')}>
            撤销不涉及
          </AppButton>
        ) : (
          <>
            <AppButton className="task-page__form-refuse" disabled={busy} onClick={() => void decide('refuse')}>
              不同意
            </AppButton>
            <AppButton className="task-page__form-approve" loading={busy} onClick={() => void decide('approve')}>
              同意
            </AppButton>
          </>
        )}
      </View>
    </View>
  );
}

/**
 * 延期和不涉及: the task's requests and where they stand; for the unit, asking for one; for the lead
 * unit (or a leader), deciding the open one and taking back an agreed 不涉及. Nothing shows when
 * there is nothing to say or do.
 */
export default function RequestCard({
  detail,
  today,
  onChanged,
}: {
  detail: TaskDetail;
  today: string;
  onChanged: () => Promise<void>;
}) {
  const { task, can } = detail;
  const requests = useTaskRequests();
  const decisions = useRequestDecision();
  const [form, setForm] = useState<'extension' | 'exemption' | null>(null);
  const deciders = reviewersOf(task);
  const mayAsk = can.requestExtension || can.requestExemption;
  const open = task.openRequest;

  if (!task.extension && !task.exemption && !mayAsk && !can.revokeExemption) return null;

  const done = async (message: string) => {
    setForm(null);
    void Taro.showToast({ title: message, icon: 'success' });
    await onChanged();
  };

  const decide = async (decision: RequestDecision | 'revoke', comment: string) => {
    if (decision === 'revoke') {
      if (await decisions.revoke(task.id, comment)) await done('已撤销不涉及');
      return;
    }
    if (!open) return;
    if (await decisions.decide(open, task.id, decision, comment))
      await done(decision === 'approve' ? '已同意' : '已不同意');
  };

  // The open request first; a decided one after (what was agreed still matters: the date moved).
  const boxes: Array<{ kind: 'extension' | 'exemption'; state: RequestState }> = [];
  if (task.extension) boxes.push({ kind: 'extension', state: extensionState(task.extension, deciders) });
  if (task.exemption) boxes.push({ kind: 'exemption', state: exemptionState(task.exemption, deciders) });
  boxes.sort((a, b) => Number(b.state.tone === 'wait') - Number(a.state.tone === 'wait'));

  return (
    <Section title="延期和不涉及">
      {boxes.map((box) => (
        <StateBox key={box.kind} kind={box.kind} state={box.state} />
      ))}
      {can.decideRequest && open ? <DecisionBox mode="decide" busy={decisions.busy} onDecide={decide} /> : null}
      {can.revokeExemption ? <DecisionBox mode="revoke" busy={decisions.busy} onDecide={decide} /> : null}
      {form === 'extension' ? (
        <ExtensionForm
          detail={detail}
          today={today}
          busy={requests.busy}
          onCancel={() => setForm(null)}
          onSend={async (date, reason) => {
            if (await requests.askExtension(task.id, date, reason)) await done('已提交延期申请');
          }}
        />
      ) : null}
      {form === 'exemption' ? (
        <ExemptionForm
          detail={detail}
          busy={requests.busy}
          onCancel={() => setForm(null)}
          onSend={async (reason) => {
            if (await requests.askExemption(task.id, reason)) await done('已提交不涉及申请');
          }}
        />
      ) : null}
      {mayAsk && form === null ? (
        <View className="task-page__ask">
          <Text className="task-page__ask-hint">{`按时完成有困难，或本单位不涉及这项工作，可以向${deciders}申请：`}</Text>
          <View className="task-page__ask-buttons">
            {can.requestExtension ? (
              <AppButton className="task-page__ask-button" onClick={() => setForm('extension')}>
                申请延期
              </AppButton>
            ) : null}
            {can.requestExemption ? (
              <AppButton className="task-page__ask-button" onClick={() => setForm('exemption')}>
                申请不涉及
              </AppButton>
            ) : null}
          </View>
        </View>
      ) : null}
    </Section>
  );
}
