import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Text, View } from '@tarojs/components';
import AppButton from '../../../../components/AppButton';
import QrCode from '../../../../components/QrCode';
import { ROLE_LABEL, type Role } from '../../../../core/model';
import { formatDate } from '../../../../utils/format';
import { useInviteCreate } from '../../../../hooks/useAdmin';
import type { DirectoryUnit, Invite } from '../../../../contract/replies';
import { IS_H5, IS_WEAPP } from '../../../../services/platform';
import {
  beijingDateTime,
  defaultUses,
  inviteLastDay,
  inviteProblem,
  MAX_INVITE_DAYS,
  ROLE_HINT,
  ROLES,
  wholeNumber,
} from './adminLogic';
import UnitChooser from './UnitChooser';

/** The H5 link that opens 我的 with the code filled in. */
function bindLink(code: string): string {
  return IS_H5 ? `${window.location.origin}/#/pages/me/index?invite=${code}` : '';
}

/** 邀请码: for a unit and a role, valid for some days and uses; shown large, to copy or to scan. */
export default function InviteTab({ units }: { units: DirectoryUnit[] }) {
  const [unit, setUnit] = useState<DirectoryUnit | null>(null);
  const [role, setRole] = useState<Role>('staff');
  const [days, setDays] = useState('7');
  const [uses, setUses] = useState(String(defaultUses('staff')));
  const [choosing, setChoosing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const { run, busy } = useInviteCreate();

  if (choosing) {
    return (
      <UnitChooser
        title="给哪个单位生成邀请码"
        units={units}
        currentId={unit?.id ?? null}
        onChoose={(chosen) => {
          setUnit(chosen);
          setChoosing(false);
          setProblem(null);
        }}
        onCancel={() => setChoosing(false)}
      />
    );
  }

  if (invite) return <InviteCard invite={invite} onAnother={() => setInvite(null)} />;

  const dayCount = wholeNumber(days);
  const lastDay = dayCount && dayCount >= 1 && dayCount <= MAX_INVITE_DAYS ? inviteLastDay(dayCount, new Date()) : null;

  const create = async () => {
    const found = inviteProblem({ unitId: unit?.id ?? null, days, uses });
    setProblem(found);
    if (found || !unit || !lastDay) return;
    try {
      const created = await run({ unitId: unit.id, role, expiresAt: lastDay, maxUses: Number(uses) });
      if (created) setInvite(created);
    } catch (caught) {
      setProblem((caught as Error).message);
    }
  };

  return (
    <View className="adm-card">
      <Text className="adm-card__title">生成邀请码</Text>
      <Text className="adm-card__intro">
        把邀请码发给要加入的同志，对方在小程序「我的」页面输入后即绑定到所选单位和角色。
      </Text>

      <Text className="adm-label">单位</Text>
      <View className="adm-select" hoverClass="adm-hover" onClick={() => setChoosing(true)}>
        <Text className={unit ? 'adm-select__value' : 'adm-select__placeholder'}>{unit?.name ?? '请选择单位'}</Text>
        <Text className="adm-select__arrow">›</Text>
      </View>

      <Text className="adm-label">角色</Text>
      <View className="adm-chips">
        {ROLES.map((candidate) => (
          <View
            key={candidate}
            className={`adm-chip${candidate === role ? ' adm-chip--on' : ''}`}
            onClick={() => {
              setRole(candidate);
              setUses(String(defaultUses(candidate)));
            }}
            aria-pressed={candidate === role}
          >
            <Text>{ROLE_LABEL[candidate]}</Text>
          </View>
        ))}
      </View>
      <Text className="adm-help">{ROLE_HINT[role]}</Text>

      <View className="adm-pair">
        <View className="adm-pair__item">
          <Text className="adm-label">有效期（天）</Text>
          <Input
            className="adm-input"
            type="number"
            value={days}
            maxlength={2}
            onInput={(event) => {
              setDays(event.detail.value);
              setProblem(null);
            }}
          />
        </View>
        <View className="adm-pair__item">
          <Text className="adm-label">可用次数</Text>
          <Input
            className="adm-input"
            type="number"
            value={uses}
            maxlength={3}
            onInput={(event) => {
              setUses(event.detail.value);
              setProblem(null);
            }}
          />
        </View>
      </View>
      <Text className="adm-help">
        {lastDay ? `${formatDate(lastDay)}24时前有效（含今天共${dayCount}天）` : `有效期为1到${MAX_INVITE_DAYS}天`}
        {role === 'staff' ? '；一个单位的几位经办人可共用一个邀请码。' : '；这个角色建议一人一码。'}
      </Text>

      {problem ? (
        <View className="adm-error" role="alert">
          <Text>{problem}</Text>
        </View>
      ) : null}

      <AppButton className="adm-button adm-button--primary" loading={busy} onClick={() => void create()}>
        {busy ? '正在生成…' : '生成邀请码'}
      </AppButton>
    </View>
  );
}

function InviteCard({ invite, onAnother }: { invite: Invite; onAnother: () => void }) {
  const link = bindLink(invite.code);
  const copy = () => {
    void Taro.setClipboardData({ data: invite.code });
  };

  return (
    <View className="adm-card adm-invite">
      <Text className="adm-invite__label">邀请码</Text>
      <Text className="adm-invite__code" userSelect>
        {invite.code}
      </Text>
      <AppButton className="adm-button adm-button--primary" onClick={copy}>
        复制邀请码
      </AppButton>
      <View className="adm-invite__facts">
        <Text className="adm-invite__fact">{`${invite.unitName} · ${ROLE_LABEL[invite.role]}`}</Text>
        <Text className="adm-invite__fact">{`${beijingDateTime(invite.expiresAt)} 前有效`}</Text>
        <Text className="adm-invite__fact">{`可供 ${invite.maxUses} 人绑定`}</Text>
      </View>

      {IS_WEAPP && invite.qrUrl ? (
        <View className="adm-invite__qr">
          <Image className="adm-invite__qr-image" src={invite.qrUrl} mode="aspectFit" showMenuByLongpress />
          <Text className="adm-help">对方用微信扫一扫即可打开绑定页面；长按图片可保存或转发。</Text>
        </View>
      ) : null}
      {IS_H5 ? (
        <View className="adm-invite__qr">
          <QrCode text={link} label="绑定页面二维码" />
          <Text className="adm-help">用手机扫码打开绑定页面，邀请码已自动填好。</Text>
          <Text className="adm-invite__link" userSelect>
            {link}
          </Text>
        </View>
      ) : null}

      <Text className="adm-help">对方打开小程序，在「我的」页面输入邀请码和姓名即可绑定。</Text>
      <AppButton className="adm-button" onClick={onAnother}>
        再生成一个
      </AppButton>
    </View>
  );
}
