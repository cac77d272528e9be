import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { shanghaiDate, yearOf } from '../core/dates';
import { ApiError } from '../services/api';
import { useApi } from './useApi';
import { useMutation } from './useMutation';

/** This year in Beijing, the year the summaries open on. */
export function currentYear(now = new Date()): number {
  return yearOf(shanghaiDate(now));
}

/** summary.district for a year (null: not yet, e.g. before the session says who the user is). */
export function useDistrictSummary(year: number | null) {
  return useApi('summary.district', year === null ? null : { year });
}

/** summary.unit: one unit's rates, overdue tasks and task list for a year. */
export function useUnitSummary(unitId: string | null, year: number) {
  return useApi('summary.unit', unitId ? { unitId, year } : null);
}

export interface UrgeTarget {
  unitId: string;
  unitName: string;
  /** One task; without it the unit is urged about all its overdue work. */
  taskId?: string;
  /** What the task is, for the confirmation: 第9项「提交（2025年度）」. */
  taskLabel?: string;
}

/**
 * 催办: asks first (it messages real people), then urge.send, and says how many were reminded.
 * Refusals show the server's message.
 */
export function useUrge() {
  const { run, busy } = useMutation('urge.send');

  const urge = useCallback(
    async (target: UrgeTarget): Promise<boolean> => {
      const what = target.taskId ? `${target.taskLabel ?? '这项任务'}` : '逾期未报送的任务';
      const { confirm } = await Taro.showModal({
        title: '催办',
        content: `将提醒${target.unitName}的经办人尽快办理${what}。确定催办吗？`,
        confirmText: '催办',
        confirmColor: '#b4282d',
        cancelText: '取消',
      });
      if (!confirm) return false;
      try {
        const result = await run({ unitId: target.unitId, ...(target.taskId ? { taskId: target.taskId } : {}) });
        if (!result) return false;
        void Taro.showToast({
          title: result.notified > 0 ? `已催办，已提醒${result.notified}人` : '已催办，该单位暂无经办人可提醒',
          icon: 'none',
          duration: 2500,
        });
        return true;
      } catch (caught) {
        const message = caught instanceof ApiError ? caught.message : '催办没有发出，请重试';
        void Taro.showModal({ title: '催办没有发出', content: message, showCancel: false, confirmText: '知道了' });
        return false;
      }
    },
    [run],
  );

  return { urge, urging: busy };
}
