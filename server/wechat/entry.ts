import type { ActionName } from '../../src/contract/actions';
import type { Envelope } from '../../src/contract/envelope';
import type { HandlerTable } from '../handler';
import { handleCall } from '../router';
import { callerOpenid, createCloudContext } from './cloudContext';
import { ensureDeploymentReady } from './cloudSetup';

/**
 * What a deployed function is: its context, made once per instance, and the first-call setup
 * (collections, the district, the first admin's invite) that every call waits for. A setup that
 * fails comes back as an envelope the app can show, and is tried again by the next call.
 */
export function createCloudFunction(env: NodeJS.ProcessEnv = process.env) {
  const api = createCloudContext(env);
  const ready = () => ensureDeploymentReady(api.db, api.store, env, api.now());

  async function serve<A extends ActionName>(
    event: { action?: unknown; payload?: unknown },
    handlers: HandlerTable<A>,
  ): Promise<Envelope> {
    // Read before anything is awaited: the context belongs to this invocation.
    const openid = callerOpenid();
    try {
      await ready();
    } catch (error) {
      api.log?.('deployment setup failed', { error });
      return { ok: false, error: { code: 'INTERNAL', message: '系统正在准备，请稍后再试' } };
    }
    return handleCall({ action: event.action, payload: event.payload, openid }, api, handlers);
  }

  return { api, ready, serve };
}
