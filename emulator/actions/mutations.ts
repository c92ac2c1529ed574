import {
  ChangeInstanceConfigureReq,
  ExtendDiskReq,
  OperateInstanceReq,
  type EventIdData,
} from '../../openapi/models';
import type { z } from 'zod';
import { EmulatorError } from '../errors';
import { checkChangeConfigure, checkExtendDisk } from '../state/rules';
import { findDiskIn } from '../store/store';
import { instancesOrThrow, parseWith, type ActionHandler } from './context';

// The three asynchronous actions: each checks every rule first, then starts transitions under one event.

export const operateInstance: ActionHandler<z.output<typeof OperateInstanceReq>, EventIdData> = {
  message: '批量操作云服务器任务下发成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(OperateInstanceReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instances = instancesOrThrow(ctx, req.EcsIds);
    ctx.machine.assertCanTake(req.OpType, instances);
    const event = ctx.machine.start(
      ctx.account,
      req.OpType,
      instances.map((instance) => ({ instance, extra: { DeleteEip: req.DeleteEip } })),
    );
    return { EventId: event.EventId };
  },
};

export const changeInstanceConfigure: ActionHandler<z.output<typeof ChangeInstanceConfigureReq>, EventIdData> = {
  message: '云服务器规格修改成功',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(ChangeInstanceConfigureReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const instances = instancesOrThrow(ctx, req.EcsIds);
    const spec = checkChangeConfigure(ctx.store.catalog, instances, req);
    ctx.machine.assertCanTake('change_ecs_config', instances);
    const event = ctx.machine.start(
      ctx.account,
      'change_ecs_config',
      instances.map((instance) => ({ instance, extra: { TargetFamily: req.EcsFamilyName, TargetSpec: spec } })),
    );
    return { EventId: event.EventId };
  },
};

export const extendDisk: ActionHandler<ExtendDiskReq, EventIdData> = {
  message: '云盘扩容任务下发成功！',
  fromWire: ({ body }) => body,
  parse: (input) => parseWith(ExtendDiskReq, input),
  run: (ctx, req) => {
    ctx.machine.settle(ctx.account);
    const found = findDiskIn(ctx.account, req.DiskId);
    if (!found) throw new EmulatorError('DiskNotFound', `disk ${req.DiskId} not found`);
    checkExtendDisk(found.disk, req.ExtendedSize);
    if (found.disk.Status === 'updating') throw new EmulatorError('InvalidDiskStatus', `disk ${req.DiskId} is updating; wait for its extension to finish`);
    ctx.machine.assertCanTake('extend_disk', [found.instance]);
    const event = ctx.machine.start(ctx.account, 'extend_disk', [{ instance: found.instance, disk: found.disk, extra: { NewSize: req.ExtendedSize } }]);
    return { EventId: event.EventId };
  },
};
