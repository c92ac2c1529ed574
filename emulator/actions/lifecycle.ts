import {
  CreateInstanceReq,
  DeleteInstanceReq,
  ModifyInstancePasswordReq,
  type CreateInstanceResult,
  type EventIdData,
} from '../../openapi/models';
import type { z } from 'zod';
import { EmulatorError } from '../errors';
import { checkCreateInstance, monthlyTermEnd } from '../state/create-rules';
import { instancesOrThrow, parseWith, type ActionHandler } from './context';

// An instance's birth, death and password: each checks every rule first, then starts its
// transitions under one event (one task per instance). The password is never stored, echoed or
// journaled: only the fact that it changed is (the reset_pwd event).

export const createInstance: ActionHandler<z.output<typeof CreateInstanceReq>, CreateInstanceResult> = {
  message: '创建云服务器任务下发成功',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(CreateInstanceReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const now = ctx.clock.now();
    const plan = checkCreateInstance(ctx.store.catalog, ctx.account, req, now);
    const billEnd = req.BillingMethod === '1' ? monthlyTermEnd(now, req.Duration ?? 1, req.IsToMonth ?? 1) : undefined;
    const created = ctx.store.addCreated(ctx.account, plan, req, billEnd);
    const event = ctx.machine.start(
      ctx.account,
      'create_ecs',
      created.map((instance) => ({ instance })),
    );
    return { EventId: event.EventId, EcsIdSet: created.map((i) => i.EcsId) };
  },
};

/**
 * Deleting: `deleting`, then gone. Refused whole (nothing changes) for a monthly instance (its term
 * ends it; the upstream sells no early release through this API) and for an instance mid-transition
 * (wait for it to end). DeleteEip is accepted; public addresses are not separate resources here, so
 * they leave with the instance either way.
 */
export const deleteInstance: ActionHandler<z.output<typeof DeleteInstanceReq>, EventIdData> = {
  message: '删除云服务器任务下发成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(DeleteInstanceReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instances = instancesOrThrow(ctx, req.EcsIds);
    const monthly = instances.filter((i) => i.BillingMethod === '1');
    if (monthly.length)
      throw new EmulatorError('UnsupportedOperation', `monthly instances end with their term and cannot be deleted: ${monthly.map((i) => i.EcsId).join(',')}`);
    ctx.machine.assertCanTake('delete_ecs', instances);
    const event = ctx.machine.start(
      ctx.account,
      'delete_ecs',
      instances.map((instance) => ({ instance, extra: { DeleteEip: req.DeleteEip } })),
    );
    return { EventId: event.EventId };
  },
};

/** Allowed from running and shutdown (not during free shutdown); the status does not change. */
export const modifyInstancePassword: ActionHandler<ModifyInstancePasswordReq, EventIdData> = {
  message: '云服务器管理员用户密码修改任务下发成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(ModifyInstancePasswordReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instances = instancesOrThrow(ctx, req.EcsIds);
    ctx.machine.assertCanTake('reset_pwd', instances);
    const event = ctx.machine.start(
      ctx.account,
      'reset_pwd',
      instances.map((instance) => ({ instance })),
    );
    return { EventId: event.EventId };
  },
};
