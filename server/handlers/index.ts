import type { ApiAction } from '../../src/contract/actions';
import type { HandlerTable } from '../handler';
import adminInviteCreate from './adminInviteCreate';
import adminUnitsList from './adminUnitsList';
import adminUnitsUpsert from './adminUnitsUpsert';
import adminUsersList from './adminUsersList';
import adminUserUpdate from './adminUserUpdate';
import calendarGet from './calendarGet';
import calendarSet from './calendarSet';
import catalogGet from './catalogGet';
import devUsers from './devUsers';
import eventsRecord from './eventsRecord';
import evidenceAdd from './evidenceAdd';
import evidenceLink from './evidenceLink';
import evidenceRemove from './evidenceRemove';
import exemptionDecide from './exemptionDecide';
import exemptionRequest from './exemptionRequest';
import exemptionRevoke from './exemptionRevoke';
import extensionDecide from './extensionDecide';
import extensionRequest from './extensionRequest';
import guidanceSet from './guidanceSet';
import instructionAdd from './instructionAdd';
import remindersList from './remindersList';
import remindersRead from './remindersRead';
import remindersSubscribe from './remindersSubscribe';
import reportReview from './reportReview';
import reportSubmit from './reportSubmit';
import reportWithdraw from './reportWithdraw';
import reviewQueue from './reviewQueue';
import sessionBind from './sessionBind';
import sessionGet from './sessionGet';
import summaryDistrict from './summaryDistrict';
import summaryUnit from './summaryUnit';
import tasksGet from './tasksGet';
import tasksList from './tasksList';
import urgeSend from './urgeSend';

/** The `api` function's table: one handler per action of the contract, the file builders aside. */
export const API_HANDLERS: HandlerTable<ApiAction> = {
  'session.get': sessionGet,
  'session.bind': sessionBind,
  'dev.users': devUsers,
  'tasks.list': tasksList,
  'tasks.get': tasksGet,
  'events.record': eventsRecord,
  'evidence.add': evidenceAdd,
  'evidence.link': evidenceLink,
  'evidence.remove': evidenceRemove,
  'report.submit': reportSubmit,
  'report.withdraw': reportWithdraw,
  'extension.request': extensionRequest,
  'extension.decide': extensionDecide,
  'exemption.request': exemptionRequest,
  'exemption.decide': exemptionDecide,
  'exemption.revoke': exemptionRevoke,
  'instruction.add': instructionAdd,
  'review.queue': reviewQueue,
  'report.review': reportReview,
  'summary.district': summaryDistrict,
  'summary.unit': summaryUnit,
  'admin.invite.create': adminInviteCreate,
  'admin.users.list': adminUsersList,
  'admin.user.update': adminUserUpdate,
  'admin.units.list': adminUnitsList,
  'admin.units.upsert': adminUnitsUpsert,
  'urge.send': urgeSend,
  'reminders.list': remindersList,
  'reminders.read': remindersRead,
  'reminders.subscribe': remindersSubscribe,
  'catalog.get': catalogGet,
  'guidance.set': guidanceSet,
  'calendar.set': calendarSet,
  'calendar.get': calendarGet,
};
