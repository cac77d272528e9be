import {
  beijingDateTime,
  defaultUses,
  groupPeopleByUnit,
  groupUnitsByKind,
  inviteLastDay,
  inviteProblem,
  searchUnits,
  splitList,
  unitProblem,
} from '../../src/packages/admin/pages/manage/adminLogic';
import type { DirectoryUnit, PersonRow } from '../../src/contract/replies';

const unit = (id: string, name: string, kind: DirectoryUnit['kind'], aliases: string[] = []): DirectoryUnit => ({
  id,
  name,
  kind,
  tags: [],
  aliases,
  disabled: false,
});
const UNITS = [
  unit('zfb', '区政府办公室', 'department', ['区政府办']),
  unit('sfj', '区司法局', 'department'),
  unit('wbb', '区委编办', 'agency'),
  unit('xijiao', '西郊街道', 'street'),
  unit('hetang', '荷塘乡', 'township'),
  unit('lvmeng', '吕蒙乡', 'township'),
];

describe('invites', () => {
  it('serve ten clerks of a unit, one person for other roles', () => {
    expect(defaultUses('staff')).toBe(10);
    expect(defaultUses('reviewer')).toBe(1);
    expect(defaultUses('admin')).toBe(1);
  });

  it('count today as the first of their days, in Beijing', () => {
    // 2026-11-28 09:30 in Beijing
    expect(inviteLastDay(7, new Date('2026-11-28T01:30:00Z'))).toBe('2026-12-04');
    expect(inviteLastDay(1, new Date('2026-11-28T01:30:00Z'))).toBe('2026-11-28');
    // 23:30 on the 27th UTC is already the 28th in Beijing
    expect(inviteLastDay(90, new Date('2026-11-27T23:30:00Z'))).toBe('2027-02-25');
  });

  it('say what to fix before they are made', () => {
    expect(inviteProblem({ unitId: null, days: '7', uses: '10' })).toBe('请选择单位');
    expect(inviteProblem({ unitId: 'x', days: '0', uses: '10' })).toBe('有效期请填1到90天');
    expect(inviteProblem({ unitId: 'x', days: '91', uses: '10' })).toBe('有效期请填1到90天');
    expect(inviteProblem({ unitId: 'x', days: '七', uses: '10' })).toBe('有效期请填1到90天');
    expect(inviteProblem({ unitId: 'x', days: '7', uses: '' })).toBe('可用次数请填1到500次');
    expect(inviteProblem({ unitId: 'x', days: '7', uses: '501' })).toBe('可用次数请填1到500次');
    expect(inviteProblem({ unitId: 'x', days: ' 90 ', uses: '500' })).toBeNull();
  });

  it('show their expiry in Beijing time', () => {
    expect(beijingDateTime('2026-12-04T15:59:59.000Z')).toBe('2026年12月4日 23:59');
    expect(beijingDateTime('2026-12-31T16:05:00.000Z')).toBe('2027年1月1日 00:05');
  });
});

describe('the unit directory', () => {
  it('reads tags and aliases typed on one line, whatever the separator', () => {
    expect(splitList('行政执法部门， 综合行政执法,行政执法部门')).toEqual(['行政执法部门', '综合行政执法']);
    expect(splitList('区政府办、政府办；办公室 ')).toEqual(['区政府办', '政府办', '办公室']);
    expect(splitList('  ')).toEqual([]);
  });

  it('refuses an empty or overlong name before asking the server', () => {
    expect(unitProblem({ name: ' ', tags: '', aliases: '' })).toBe('请填写单位名称');
    expect(unitProblem({ name: '局'.repeat(31), tags: '', aliases: '' })).toBe('单位名称最多30个字');
    expect(unitProblem({ name: '区数据局', tags: 'a'.repeat(21), aliases: '' })).toBe('每个标签最多20个字');
    expect(unitProblem({ name: '区数据局', tags: '行政执法部门', aliases: '数据局' })).toBeNull();
  });

  it('is shown by kind: 乡镇, 街道, 区政府部门, 区直单位', () => {
    expect(groupUnitsByKind(UNITS).map((group) => [group.label, group.units.map((one) => one.id)])).toEqual([
      ['乡镇', ['hetang', 'lvmeng']],
      ['街道', ['xijiao']],
      ['区政府部门', ['zfb', 'sfj']],
      ['区直单位', ['wbb']],
    ]);
  });

  it('is searched by name or alias', () => {
    expect(searchUnits(UNITS, '荷塘').map((one) => one.id)).toEqual(['hetang']);
    expect(searchUnits(UNITS, '政府办').map((one) => one.id)).toEqual(['zfb']);
    expect(searchUnits(UNITS, ' 乡 ').map((one) => one.id)).toEqual(['hetang', 'lvmeng']);
    expect(searchUnits(UNITS, '')).toHaveLength(UNITS.length);
  });
});

describe('people', () => {
  const person = (name: string, role: PersonRow['role'], unitId: string, disabled = false): PersonRow => ({
    openid: `o-${name}`,
    name,
    role,
    unitId,
    unitName: UNITS.find((one) => one.id === unitId)?.name ?? '已撤并单位',
    disabled,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const PEOPLE = [
    person('王丽', 'staff', 'sfj'),
    person('钱管理', 'admin', 'sfj'),
    person('李停', 'staff', 'sfj', true),
    person('陈丽', 'reviewer', 'sfj'),
    person('张伟', 'staff', 'hetang'),
    person('孙老', 'staff', 'gone'),
    person('刘芳', 'staff', 'xijiao'),
  ];

  it('come by unit in the order of the 单位 list, active people by role first, the disabled last', () => {
    const groups = groupPeopleByUnit(PEOPLE, UNITS);
    expect(groups.map((group) => group.unitName)).toEqual(['荷塘乡', '西郊街道', '区司法局', '已撤并单位']);
    expect(groups[2].people.map((one) => one.name)).toEqual(['钱管理', '陈丽', '王丽', '李停']);
  });

  it('are found by name or unit', () => {
    expect(groupPeopleByUnit(PEOPLE, UNITS, '丽').flatMap((group) => group.people.map((one) => one.name))).toEqual([
      '陈丽',
      '王丽',
    ]);
    expect(groupPeopleByUnit(PEOPLE, UNITS, '荷塘').map((group) => group.unitId)).toEqual(['hetang']);
  });
});
