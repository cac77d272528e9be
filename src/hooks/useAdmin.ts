import type { Role } from '../core/model';
import type { UnitKind } from '../core/units';
import { forgetRecentAnswers, useApi } from './useApi';
import { useMutation } from './useMutation';

/** The admin's reads and writes: the directory, the people, invite codes. Admins only (the server checks). */

export function useDirectory(enabled: boolean) {
  return useApi('admin.units.list', enabled ? {} : null);
}

/** The people of one unit, or of the whole district when `unitId` is null. */
export function usePeople(unitId: string | null, enabled: boolean) {
  return useApi('admin.users.list', enabled ? (unitId ? { unitId } : {}) : null);
}

export interface InviteRequest {
  unitId: string;
  role: Role;
  /** The last day it can be used (Beijing), kept to the end of that day. */
  expiresAt: string;
  maxUses: number;
}

export function useInviteCreate() {
  return useMutation('admin.invite.create');
}

export interface PersonChange {
  openid: string;
  role?: Role;
  unitId?: string;
  disabled?: boolean;
}

export function usePersonUpdate() {
  return useMutation('admin.user.update');
}

export interface UnitDraft {
  id?: string;
  name: string;
  kind: UnitKind;
  tags: string[];
  aliases: string[];
  disabled?: boolean;
}

export function useUnitSave() {
  return useMutation('admin.units.upsert');
}

/** After a change: remembered lists of people and units would be stale. */
export function forgetAdminAnswers(): void {
  forgetRecentAnswers('admin.');
}
