import type { ExemptionRequest, ExtensionRequest } from '../../src/contract/replies';
import {
  afterSubmitLine,
  decisionProblem,
  earliestExtension,
  exemptionState,
  extensionChoices,
  extensionState,
  reasonProblem,
  reviewersOf,
} from '../../src/pages/task/requestLogic';

const parties = {
  requestedAt: '2026-12-01T02:00:00.000Z',
  requestedBy: 'demo-staff-xijiao',
  requestedByName: '西郊经办人',
  decidedAt: null,
  decidedBy: null,
  decidedByName: null,
  comment: null,
};

describe('任务详情: after 报送', () => {
  it('says who reviews it (the lead units, or 区领导) and that the clerk will be told', () => {
    expect(reviewersOf({ reviewerUnits: ['区司法局'], reviewedByLeaders: false })).toBe('区司法局');
    expect(reviewersOf({ reviewerUnits: [], reviewedByLeaders: true })).toBe('区领导');
    expect(afterSubmitLine({ reviewerUnits: ['区司法局', '区政府办公室'], reviewedByLeaders: false })).toBe(
      '已报送，等待区司法局、区政府办公室审核。审核通过或退回时，会在「我的 › 我的提醒」里告诉你。',
    );
  });
});

describe('任务详情: 延期 and 不涉及', () => {
  it('offers new dates a week, half a month and a month on, from today when overdue, within next year', () => {
    expect(extensionChoices('2026-12-31', '2026-12-02', 2026).map((choice) => choice.date)).toEqual([
      '2027-01-07',
      '2027-01-15',
      '2027-01-30',
    ]);
    expect(extensionChoices('2026-03-01', '2026-12-02', 2026)[0].date).toBe('2026-12-09');
    expect(extensionChoices('2027-12-20', '2026-12-02', 2026).map((choice) => choice.label)).toEqual(['延后一周']);
    expect(earliestExtension('2026-12-31', '2026-12-02')).toBe('2027-01-01');
    expect(earliestExtension('2026-03-01', '2026-12-02')).toBe('2026-12-03');
  });

  it('needs a reason for a request, and a comment to refuse or revoke', () => {
    expect(reasonProblem('  ', '申请延期')).toBe('请写明申请延期的理由');
    expect(reasonProblem('等上级文件', '申请延期')).toBeNull();
    expect(decisionProblem('refuse', '')).toMatch(/不同意时请写明理由/);
    expect(decisionProblem('revoke', '')).toMatch(/撤销时请写明理由/);
    expect(decisionProblem('approve', '')).toBeNull();
  });

  it('shows a 延期 request waiting, late, agreed with the original date, or refused with the comment', () => {
    const asked: ExtensionRequest = {
      ...parties,
      dueDate: '2027-01-15',
      fromDueDate: '2026-12-31',
      reason: '等待上级文件',
      status: 'pending',
      late: false,
    };
    expect(extensionState(asked, '区司法局')).toEqual({
      title: '延期申请待区司法局审批',
      tone: 'wait',
      lines: ['申请延期至2027年1月15日（原截止2026年12月31日）', '理由：等待上级文件'],
    });
    expect(extensionState({ ...asked, late: true }, '区司法局').lines).toContain('申请时已逾期');
    const agreed = extensionState({ ...asked, status: 'approved', decidedByName: '冯军' }, '区司法局');
    expect(agreed.title).toBe('延期已同意');
    expect(agreed.lines).toContain('冯军同意');
    const refused = extensionState(
      { ...asked, status: 'refused', decidedByName: '司法局审核人', comment: '理由不充分' },
      '区司法局',
    );
    expect(refused.tone).toBe('no');
    expect(refused.lines).toContain('司法局审核人不同意：理由不充分');
  });

  it('shows a 不涉及 request waiting, agreed, refused or taken back', () => {
    const asked: ExemptionRequest = {
      ...parties,
      reason: '本单位没有执法职能',
      status: 'pending',
      revokedAt: null,
      revokedByName: null,
      revokeComment: null,
    };
    expect(exemptionState(asked, '区司法局').title).toBe('不涉及申请待区司法局审批');
    expect(exemptionState({ ...asked, status: 'approved' }, '区司法局').title).toBe('已确认不涉及，本项无需报送');
    expect(
      exemptionState(
        { ...asked, status: 'revoked', revokedByName: '审核人', revokeComment: '今年有此项工作' },
        '区司法局',
      ).lines,
    ).toContain('审核人撤销：今年有此项工作');
  });
});
