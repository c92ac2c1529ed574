import type {
  ChangeInstanceConfigureReq,
  CreateInstanceResult,
  CreateInstanceReq,
  DeleteInstanceReq,
  DescribeImagesReq,
  DescribeImagesResult,
  DescribeInstanceStatusReq,
  DescribeInstanceStatusResult,
  ModifyInstancePasswordReq,
  DescribeEcsFamilyInfoReq,
  DescribeEcsFamilyInfoResult,
  DescribeInstanceListReq,
  DescribeInstanceListResult,
  DescribeInstanceReq,
  DescribeTaskEventReq,
  EventIdData,
  EventResultData,
  ExtendDiskReq,
  InstanceData,
  ModifyInstanceNameResult,
  ModifyInstanceNameReq,
  OperateInstanceReq,
  RegionGroup,
} from './models';

/** What every call answers: the action's `Data` and the upstream RequestId when it gave one. */
export interface EcsResult<T> {
  data: T;
  requestId?: string;
}

/**
 * The fourteen ECS SDK methods. The gateway's routes depend on this interface only; the signed
 * upstream client and the in-process emulator both implement it. Failures are thrown as EcsError.
 */
export interface EcsApi {
  describeRegions(): Promise<EcsResult<RegionGroup[]>>;
  describeTaskEvent(req: DescribeTaskEventReq): Promise<EcsResult<EventResultData>>;
  describeInstanceList(req: DescribeInstanceListReq): Promise<EcsResult<DescribeInstanceListResult>>;
  describeInstance(req: DescribeInstanceReq): Promise<EcsResult<InstanceData>>;
  operateInstance(req: OperateInstanceReq): Promise<EcsResult<EventIdData>>;
  modifyInstanceName(req: ModifyInstanceNameReq): Promise<EcsResult<ModifyInstanceNameResult>>;
  describeEcsFamilyInfo(req: DescribeEcsFamilyInfoReq): Promise<EcsResult<DescribeEcsFamilyInfoResult>>;
  changeInstanceConfigure(req: ChangeInstanceConfigureReq): Promise<EcsResult<EventIdData>>;
  extendDisk(req: ExtendDiskReq): Promise<EcsResult<EventIdData>>;
  createInstance(req: CreateInstanceReq): Promise<EcsResult<CreateInstanceResult>>;
  deleteInstance(req: DeleteInstanceReq): Promise<EcsResult<EventIdData>>;
  modifyInstancePassword(req: ModifyInstancePasswordReq): Promise<EcsResult<EventIdData>>;
  describeInstanceStatus(req: DescribeInstanceStatusReq): Promise<EcsResult<DescribeInstanceStatusResult>>;
  describeImages(req: DescribeImagesReq): Promise<EcsResult<DescribeImagesResult>>;
}

/**
 * - `business`: the upstream answered with an error code (HTTP >= 400, or 200 with Code != Success).
 * - `timeout`: no answer within the deadline.
 * - `unreachable`: the connection failed.
 * - `bad_response`: an answer that is not a readable envelope (or an upstream 5xx without one).
 */
export type EcsErrorKind = 'business' | 'timeout' | 'unreachable' | 'bad_response';

export class EcsError extends Error {
  override readonly name = 'EcsError';
  /**
   * Only on a `timeout` of a call the upstream may still act on (a POST past its deadline): the
   * same call, still running; it settles with the call's real result, or rejects with the EcsError
   * it finally ended with. Whoever needs the outcome (the Idempotency-Key store) waits for it.
   */
  late?: Promise<EcsResult<unknown>>;
  constructor(
    readonly kind: EcsErrorKind,
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
    readonly requestId?: string,
  ) {
    super(message);
  }
}
