import type { SdkMethodName } from '../../openapi/upstream/actions';
import type { ActionHandler } from './context';
import { describeInstance, describeInstanceList, describeInstanceStatus, modifyInstanceName } from './instances';
import { createInstance, deleteInstance, modifyInstancePassword } from './lifecycle';
import { changeInstanceConfigure, extendDisk, operateInstance } from './mutations';
import { describeEcsFamilyInfo, describeEvent, describeImages, describeRegions } from './reference';

/** One handler per SDK method; the wire router pairs them with UPSTREAM_ACTIONS. */
export const ACTION_HANDLERS = {
  DescribeRegions: describeRegions,
  DescribeTaskEvent: describeEvent,
  DescribeInstanceList: describeInstanceList,
  DescribeInstance: describeInstance,
  OperateInstance: operateInstance,
  ModifyInstanceName: modifyInstanceName,
  DescribeEcsFamilyInfo: describeEcsFamilyInfo,
  ChangeInstanceConfigure: changeInstanceConfigure,
  ExtendDisk: extendDisk,
  CreateInstance: createInstance,
  DeleteInstance: deleteInstance,
  ModifyInstancePassword: modifyInstancePassword,
  DescribeInstanceStatus: describeInstanceStatus,
  DescribeImages: describeImages,
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own input type
} satisfies Record<SdkMethodName, ActionHandler<any, unknown>>;

export type { ActionContext, ActionHandler, WireInput } from './context';
