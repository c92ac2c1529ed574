import { EcsError } from '../../openapi/ecs-api';
import type { EcsApi, EcsResult, InstanceListPage } from '../../openapi/ecs-api';
import type {
  ChangeInstanceConfigureReq,
  CreateInstanceData,
  CreateInstanceReq,
  DeleteInstanceReq,
  DescribeImagesReq,
  DescribeImagesResult,
  DescribeInstanceStatusReq,
  DescribeInstanceStatusResult,
  ImageInfo,
  InstanceEcsStatusData,
  ModifyInstancePasswordReq,
  DescribeEcsFamilyInfoReq,
  DescribeInstanceListReq,
  DescribeInstanceReq,
  DescribeTaskEventReq,
  EventIdData,
  EventResultData,
  ExtendDiskReq,
  FamilyInfo,
  InstanceData,
  ModifyInstanceNameData,
  ModifyInstanceNameReq,
  OperateInstanceReq,
  RegionGroup,
} from '../../openapi/models';
import { UPSTREAM_ACTIONS, servicePath } from '../../openapi/upstream/actions';
import type { EcsService, SdkMethodName } from '../../openapi/upstream/actions';
import { signRequest } from '../../openapi/upstream/signature';
import { listOf, readEnvelope, singleObject } from './envelope';
import type { UpstreamEnvelope } from './envelope';
import { Transport } from './transport';
import type { TransportOptions } from './transport';

export interface SignedEcsClientOptions extends TransportOptions {
  accessKeyId: string;
  secretKey: string;
}

type QueryParams = Record<string, string | number | string[] | undefined>;

/** The fourteen SDK methods over the real wire protocol: signed query, JSON body, envelopes. */
export class SignedEcsClient implements EcsApi {
  private readonly transport: Transport;

  constructor(private readonly options: SignedEcsClientOptions) {
    this.transport = new Transport(options);
  }

  async describeRegions(): Promise<EcsResult<RegionGroup[]>> {
    const env = await this.call('DescribeRegions', {});
    return { data: listOf(env.data, 'DescribeRegions', 'Data') as RegionGroup[], requestId: env.requestId };
  }

  /** DescribeEvent on /ecs/v1; an event the ECS service does not know may be a disk event on /ebs/v1. */
  async describeTaskEvent(req: DescribeTaskEventReq): Promise<EcsResult<EventResultData>> {
    const [primary, ...fallbacks] = UPSTREAM_ACTIONS.DescribeTaskEvent.services;
    // Both lookups together get one CDS_TIMEOUT_MS, like every other SDK call.
    const deadline = this.transport.newDeadline();
    let env: UpstreamEnvelope;
    try {
      env = await this.call('DescribeTaskEvent', { EventId: req.EventId }, undefined, primary, deadline);
    } catch (err) {
      const fallback = fallbacks[0];
      if (!fallback || !isNotFound(err)) throw err;
      env = await this.call('DescribeTaskEvent', { EventId: req.EventId }, undefined, fallback, deadline);
    }
    return { data: singleObject(env.data, 'DescribeEvent') as EventResultData, requestId: env.requestId };
  }

  async describeInstanceList(req: DescribeInstanceListReq): Promise<EcsResult<InstanceListPage>> {
    const env = await this.call('DescribeInstanceList', {
      AvailableZoneCode: req.AvailableZoneCode,
      VpcId: req.VpcId,
      SearchInfo: req.SearchInfo,
      EcsIds: req.EcsIds,
      PageNumber: req.PageNumber,
      PageSize: req.PageSize,
    });
    const data = (env.data ?? {}) as Record<string, unknown>;
    const EcsList = listOf(data.EcsList, 'DescribeInstanceList', 'Data.EcsList') as InstanceListPage['EcsList'];
    // Paging fields sit at the top level; without paging parameters they may be absent (all rows).
    const int = (key: string, fallback: number) => {
      const v = Number(env.body[key] ?? data[key]);
      return Number.isInteger(v) ? v : fallback;
    };
    return {
      data: { EcsList, PageNumber: int('PageNumber', 1), PageSize: int('PageSize', EcsList.length), TotalCount: int('TotalCount', EcsList.length) },
      requestId: env.requestId,
    };
  }

  async describeInstance(req: DescribeInstanceReq): Promise<EcsResult<InstanceData>> {
    const env = await this.call('DescribeInstance', { EcsId: req.EcsId });
    return { data: singleObject(env.data, 'DescribeInstance') as InstanceData, requestId: env.requestId };
  }

  async operateInstance(req: OperateInstanceReq): Promise<EcsResult<EventIdData>> {
    const env = await this.call('OperateInstance', {}, { EcsIds: req.EcsIds, OpType: req.OpType, DeleteEip: req.DeleteEip ?? 0 });
    return { data: singleObject(env.data, 'OperateInstance') as EventIdData, requestId: env.requestId };
  }

  async modifyInstanceName(req: ModifyInstanceNameReq): Promise<EcsResult<ModifyInstanceNameData>> {
    const env = await this.call('ModifyInstanceName', {}, { EcsId: req.EcsId, Name: req.Name });
    return { data: singleObject(env.data, 'ModifyInstanceName') as ModifyInstanceNameData, requestId: env.requestId };
  }

  async describeEcsFamilyInfo(req: DescribeEcsFamilyInfoReq): Promise<EcsResult<{ EcsFamilyInfo: FamilyInfo[] }>> {
    const env = await this.call('DescribeEcsFamilyInfo', { AvailableZoneCode: req.AvailableZoneCode, BillingMethod: req.BillingMethod });
    const data = singleObject(env.data, 'DescribeEcsFamilyInfo');
    return { data: { EcsFamilyInfo: listOf(data.EcsFamilyInfo, 'DescribeEcsFamilyInfo', 'Data.EcsFamilyInfo') as FamilyInfo[] }, requestId: env.requestId };
  }

  async changeInstanceConfigure(req: ChangeInstanceConfigureReq): Promise<EcsResult<EventIdData>> {
    const { EcsIds, AvailableZoneCode, EcsFamilyName, Cpu, Ram, Gpu } = req;
    const env = await this.call('ChangeInstanceConfigure', {}, { EcsIds, AvailableZoneCode, EcsFamilyName, Cpu, Ram, Gpu: Gpu ?? 0 });
    return { data: singleObject(env.data, 'ChangeInstanceConfigure') as EventIdData, requestId: env.requestId };
  }

  async extendDisk(req: ExtendDiskReq): Promise<EcsResult<EventIdData>> {
    const env = await this.call('ExtendDisk', {}, { DiskId: req.DiskId, ExtendedSize: req.ExtendedSize });
    return { data: singleObject(env.data, 'ExtendDisk') as EventIdData, requestId: env.requestId };
  }

  /** The body goes as parsed by CreateInstanceReq (defaults set, unknown fields dropped); it holds the password. */
  async createInstance(req: CreateInstanceReq): Promise<EcsResult<CreateInstanceData>> {
    const env = await this.call('CreateInstance', {}, req);
    const data = singleObject(env.data, 'CreateInstance');
    return {
      data: { EventId: String(data.EventId ?? ''), EcsIdSet: listOf(data.EcsIdSet, 'CreateInstance', 'Data.EcsIdSet') as string[] },
      requestId: env.requestId,
    };
  }

  async deleteInstance(req: DeleteInstanceReq): Promise<EcsResult<EventIdData>> {
    const env = await this.call('DeleteInstance', {}, { EcsIds: req.EcsIds, DeleteEip: req.DeleteEip ?? 0 });
    return { data: singleObject(env.data, 'DeleteInstance') as EventIdData, requestId: env.requestId };
  }

  async modifyInstancePassword(req: ModifyInstancePasswordReq): Promise<EcsResult<EventIdData>> {
    const env = await this.call('ModifyInstancePassword', {}, { EcsIds: req.EcsIds, Password: req.Password });
    return { data: singleObject(env.data, 'ModifyInstancePassword') as EventIdData, requestId: env.requestId };
  }

  /** A read, yet a POST with the ids in the body (as the SDK sends it); never retried like the GETs. */
  async describeInstanceStatus(req: DescribeInstanceStatusReq): Promise<EcsResult<DescribeInstanceStatusResult>> {
    const env = await this.call('DescribeInstanceStatus', {}, { EcsIds: req.EcsIds });
    const status = singleObject(env.data, 'DescribeInstanceStatus').EcsStatus;
    if (!status || typeof status !== 'object' || Array.isArray(status))
      throw new EcsError('bad_response', 'UpstreamBadResponse', 'DescribeInstanceStatus: Data.EcsStatus is not an object');
    return { data: { EcsStatus: status as Record<string, InstanceEcsStatusData> }, requestId: env.requestId };
  }

  /** On /ecs/v1.1; ImageIds travel as a JSON array string (`["img-a","img-b"]`), as the SDK sends them. */
  async describeImages(req: DescribeImagesReq): Promise<EcsResult<DescribeImagesResult>> {
    const env = await this.call('DescribeImages', {
      AvailableZoneCode: req.AvailableZoneCode || undefined,
      ImageIds: req.ImageIds?.length ? JSON.stringify(req.ImageIds) : undefined,
    });
    const data = singleObject(env.data, 'DescribeImages');
    return { data: { ImageList: listOf(data.ImageList, 'DescribeImages', 'Data.ImageList') as ImageInfo[] }, requestId: env.requestId };
  }

  /** Signs (fresh nonce per attempt) and sends one action, then reads its envelope. */
  private async call(method: SdkMethodName, query: QueryParams, body?: unknown, service?: EcsService, deadline?: number): Promise<UpstreamEnvelope> {
    const spec = UPSTREAM_ACTIONS[method];
    const params = toQueryParams(query);
    const reply = await this.transport.send(
      { method: spec.method, path: servicePath(service ?? spec.services[0], spec.version), body, action: spec.action },
      async () =>
        (
          await signRequest({
            method: spec.method,
            action: spec.action,
            accessKeyId: this.options.accessKeyId,
            secretKey: this.options.secretKey,
            params,
          })
        ).query,
      deadline,
    );
    return readEnvelope(reply, spec.action);
  }
}

/** Drops unset parameters; lists are comma-joined (EcsIds=a,b), numbers written in decimal. */
function toQueryParams(query: QueryParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) out[key] = value.join(',');
    } else out[key] = String(value);
  }
  return out;
}

function isNotFound(err: unknown): boolean {
  return err instanceof EcsError && err.kind === 'business' && (/NotFound$/.test(err.code) || err.httpStatus === 404);
}
