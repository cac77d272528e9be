import type { DemoIdentity } from '../../src/contract/replies';
import { bindProblem, groupDemoIdentities, inviteFromQuery, normalizeInviteCode } from '../../src/pages/me/meLogic';

describe('the invite code as typed, pasted or brought by a link', () => {
  it('is shown in capitals without spaces or punctuation, 8 characters at most', () => {
    expect(normalizeInviteCode('ab')).toBe('AB');
    expect(normalizeInviteCode('abcd2345')).toBe('ABCD2345');
    expect(normalizeInviteCode(' abcd-2345 ')).toBe('ABCD2345');
    expect(normalizeInviteCode('ABCD23456789')).toBe('ABCD2345');
  });

  it('is found inside a pasted message', () => {
    expect(normalizeInviteCode('邀请码：PHTCFJF7，7天内有效')).toBe('PHTCFJF7');
    expect(normalizeInviteCode('请输入邀请码 k3m9qrst 绑定西郊街道')).toBe('K3M9QRST');
  });

  it('comes from ?invite= (the H5 link) or the scene of the mini-program code', () => {
    expect(inviteFromQuery({ invite: 'phtcfjf7' })).toBe('PHTCFJF7');
    expect(inviteFromQuery({ scene: 'PHTCFJF7' })).toBe('PHTCFJF7');
    expect(inviteFromQuery({ scene: encodeURIComponent('invite=PHTCFJF7') })).toBe('PHTCFJF7');
    expect(inviteFromQuery({ scene: '%E4%bad' })).toBe('E4BAD');
    expect(inviteFromQuery({})).toBe('');
  });
});

describe('the bind form', () => {
  it('says what is missing before it is sent', () => {
    expect(bindProblem('', '张丽')).toBe('请输入管理员发给您的邀请码');
    expect(bindProblem('ABCD', '张丽')).toBe('邀请码是8位字母或数字，请核对');
    expect(bindProblem('ABCD2345', '   ')).toBe('请填写您的姓名');
    expect(bindProblem('ABCD2345', '张'.repeat(21))).toBe('姓名最多20个字');
    expect(bindProblem('ABCD2345', ' 张丽 ')).toBeNull();
  });
});

describe('the demo identities', () => {
  const person = (openid: string, role: DemoIdentity['role'], unitKind: DemoIdentity['unitKind']): DemoIdentity => ({
    openid,
    name: openid,
    role,
    unitId: openid,
    unitName: openid,
    unitKind,
  });

  it('come by role, leaders first, and the many 经办人 by kind of unit', () => {
    const groups = groupDemoIdentities([
      person('s-dept', 'staff', 'department'),
      person('r-sfj', 'reviewer', 'department'),
      person('s-town', 'staff', 'township'),
      person('admin', 'admin', 'department'),
      person('s-street', 'staff', 'street'),
      person('leader', 'leader', 'department'),
      person('s-orphan', 'staff', null),
    ]);
    expect(groups.map((group) => group.title)).toEqual(['区领导', '管理员', '审核人', '经办人']);
    expect(groups[3].byKind?.map((group) => [group.title, group.identities.map((one) => one.openid)])).toEqual([
      ['乡镇', ['s-town']],
      ['街道', ['s-street']],
      ['区政府部门', ['s-dept']],
      ['其他单位', ['s-orphan']],
    ]);
  });

  it('leave out roles nobody has', () => {
    expect(groupDemoIdentities([person('leader', 'leader', 'department')]).map((group) => group.role)).toEqual([
      'leader',
    ]);
  });
});
