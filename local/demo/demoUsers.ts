import type { Role } from '../../src/core/model';
import type { Directory } from '../../src/core/units';

export interface DemoUser {
  openid: string;
  name: string;
  role: Role;
  unitId: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const GIVEN = [
  '丽',
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
  '刚',
  '桂英',
];

function personName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]}${GIVEN[(index * 7) % GIVEN.length]}`;
}

/**
 * The demo identities: a 经办人 for every unit, 审核人 for each unit that leads items, a 区领导 and
 * an admin. Openids are readable so a tester can pick one by name.
 */
export function demoUsers(directory: Directory, leadUnitIds: string[]): DemoUser[] {
  const users: DemoUser[] = [
    { openid: 'demo-leader', name: '赵区长', role: 'leader', unitId: unitIdOf(directory, '区政府办公室') },
    { openid: 'demo-admin', name: '钱管理', role: 'admin', unitId: unitIdOf(directory, '区司法局') },
  ];
  leadUnitIds.forEach((unitId, index) => {
    users.push({ openid: `demo-reviewer-${unitId}`, name: personName(100 + index), role: 'reviewer', unitId });
  });
  directory.units
    .filter((unit) => !unit.disabled)
    .forEach((unit, index) => {
      users.push({ openid: `demo-staff-${unit.id}`, name: personName(index), role: 'staff', unitId: unit.id });
    });
  return users;
}

function unitIdOf(directory: Directory, name: string): string {
  const unit = directory.units.find((candidate) => candidate.name === name) ?? directory.units[0];
  return unit.id;
}
