import { EcsError } from '../../openapi/ecs-api';
import type { EcsApi, EcsResult } from '../../openapi/ecs-api';
import type {
  ChangeInstanceConfigureReq,
  CreateInstanceResult,
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
  DescribeInstanceListResult,
  DescribeInstanceReq,
  DescribeTaskEventReq,
  EventIdData,
  EventResultData,
  ExtendDiskReq,
  FamilyInfo,
  InstanceData,
  ModifyInstanceNameResult,
  ModifyInstanceNameReq,
  OperateInstanceReq,
  RegionGroup,
} from '../../openapi/models';
import { UPSTREAM_ACTIONS, servicePath } from '../../openapi/upstream/actions';
import type { EcsService, SdkMethodName } from '../../openapi/upstream/actions';
import { signRequest } from '../../openapi/upstream/signature';
import { listOf, readEnvelope, singleObject } from './envelope';
import type { UpstreamEnvelope } from './envelope';
import { checkedId, checkedIds } from './checked-values';
import { Transport } from './transport';
import type { TransportOptions, UpstreamReply } from './transport';

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
    return this.call('DescribeRegions', {}, undefined, (env) => listOf(env.data, 'DescribeRegions', 'Data') as RegionGroup[]);
  }

  /** DescribeEvent on /ecs/v1; an event the ECS service does not know may be a disk event on /ebs/v1. */
  async describeTaskEvent(req: DescribeTaskEventReq): Promise<EcsResult<EventResultData>> {
    const [primary, ...fallbacks] = UPSTREAM_ACTIONS.DescribeTaskEvent.services;
    const read = (env: UpstreamEnvelope) => singleObject(env.data, 'DescribeEvent') as EventResultData;
    // Both lookups together get one CDS_TIMEOUT_MS, like every other SDK call.
    const deadline = this.transport.newDeadline();
    try {
      return await this.call('DescribeTaskEvent', { EventId: req.EventId }, undefined, read, primary, deadline);
    } catch (err) {
      const fallback = fallbacks[0];
      if (!fallback || !isNotFound(err)) throw err;
      return this.call('DescribeTaskEvent', { EventId: req.EventId }, undefined, read, fallback, deadline);
    }
  }

  async describeInstanceList(req: DescribeInstanceListReq): Promise<EcsResult<DescribeInstanceListResult>> {
    const query = { AvailableZoneCode: req.AvailableZoneCode, VpcId: req.VpcId, SearchInfo: req.SearchInfo, EcsIds: req.EcsIds, PageNumber: req.PageNumber, PageSize: req.PageSize };
    return this.call('DescribeInstanceList', query, undefined, (env) => {
      const data = (env.data ?? {}) as Record<string, unknown>;
      const EcsList = listOf(data.EcsList, 'DescribeInstanceList', 'Data.EcsList') as DescribeInstanceListResult['EcsList'];
      // Paging fields sit at the top level; without paging parameters they may be absent (all rows).
      const int = (key: string, fallback: number) => {
        const v = Number(env.body[key] ?? data[key]);
        return Number.isInteger(v) ? v : fallback;
      };
      return { EcsList, PageNumber: int('PageNumber', 1), PageSize: int('PageSize', EcsList.length), TotalCount: int('TotalCount', EcsList.length) };
    });
  }

  async describeInstance(req: DescribeInstanceReq): Promise<EcsResult<InstanceData>> {
    return this.call('DescribeInstance', { EcsId: req.EcsId }, undefined, (env) => singleObject(env.data, 'DescribeInstance') as InstanceData);
  }

  async operateInstance(req: OperateInstanceReq): Promise<EcsResult<EventIdData>> {
    return this.call('OperateInstance', {}, { EcsIds: req.EcsIds, OpType: req.OpType, DeleteEip: req.DeleteEip }, eventIdOf('OperateInstance'));
  }

  async modifyInstanceName(req: ModifyInstanceNameReq): Promise<EcsResult<ModifyInstanceNameResult>> {
    return this.call('ModifyInstanceName', {}, { EcsId: req.EcsId, Name: req.Name }, (env) => singleObject(env.data, 'ModifyInstanceName') as ModifyInstanceNameResult);
  }

  async describeEcsFamilyInfo(req: DescribeEcsFamilyInfoReq): Promise<EcsResult<{ EcsFamilyInfo: FamilyInfo[] }>> {
    return this.call('DescribeEcsFamilyInfo', { AvailableZoneCode: req.AvailableZoneCode, BillingMethod: req.BillingMethod }, undefined, (env) => {
      const data = singleObject(env.data, 'DescribeEcsFamilyInfo');
      return { EcsFamilyInfo: listOf(data.EcsFamilyInfo, 'DescribeEcsFamilyInfo', 'Data.EcsFamilyInfo') as FamilyInfo[] };
    });
  }

  async changeInstanceConfigure(req: ChangeInstanceConfigureReq): Promise<EcsResult<EventIdData>> {
    const { EcsIds, AvailableZoneCode, EcsFamilyName, Cpu, Ram, Gpu } = req;
    return this.call('ChangeInstanceConfigure', {}, { EcsIds, AvailableZoneCode, EcsFamilyName, Cpu, Ram, Gpu }, eventIdOf('ChangeInstanceConfigure'));
  }

  async extendDisk(req: ExtendDiskReq): Promise<EcsResult<EventIdData>> {
    return this.call('ExtendDisk', {}, { DiskId: req.DiskId, ExtendedSize: req.ExtendedSize }, eventIdOf('ExtendDisk'));
  }

  /** The body goes as parsed by CreateInstanceReq (defaults set, unknown fields dropped); it holds the password. */
  async createInstance(req: CreateInstanceReq): Promise<EcsResult<CreateInstanceResult>> {
    return this.call('CreateInstance', {}, req, (env) => {
      const data = singleObject(env.data, 'CreateInstance');
      return { EventId: checkedId(data.EventId, 'CreateInstance', 'Data.EventId'), EcsIdSet: checkedIds(data.EcsIdSet, 'CreateInstance', 'Data.EcsIdSet') };
    });
  }

  async deleteInstance(req: DeleteInstanceReq): Promise<EcsResult<EventIdData>> {
    return this.call('DeleteInstance', {}, { EcsIds: req.EcsIds, DeleteEip: req.DeleteEip ?? 0 }, eventIdOf('DeleteInstance'));
  }

  async modifyInstancePassword(req: ModifyInstancePasswordReq): Promise<EcsResult<EventIdData>> {
    return this.call('ModifyInstancePassword', {}, { EcsIds: req.EcsIds, Password: req.Password }, eventIdOf('ModifyInstancePassword'));
  }

  /** A read, yet a POST with the ids in the body (as the SDK sends it); never retried like the GETs. */
  async describeInstanceStatus(req: DescribeInstanceStatusReq): Promise<EcsResult<DescribeInstanceStatusResult>> {
    return this.call('DescribeInstanceStatus', {}, { EcsIds: req.EcsIds }, (env) => {
      const status = singleObject(env.data, 'DescribeInstanceStatus').EcsStatus;
      if (!status || typeof status !== 'object' || Array.isArray(status))
        throw new EcsError('bad_response', 'UpstreamBadResponse', 'DescribeInstanceStatus: Data.EcsStatus is not an object');
      return { EcsStatus: status as Record<string, InstanceEcsStatusData> };
    });
  }

  /** On /ecs/v1.1; ImageIds travel as a JSON array string (`["img-a","img-b"]`), as the SDK sends them. */
  async describeImages(req: DescribeImagesReq): Promise<EcsResult<DescribeImagesResult>> {
    const query = { AvailableZoneCode: req.AvailableZoneCode || undefined, ImageIds: req.ImageIds?.length ? JSON.stringify(req.ImageIds) : undefined };
    return this.call('DescribeImages', query, undefined, (env) => {
      const data = singleObject(env.data, 'DescribeImages');
      return { ImageList: listOf(data.ImageList, 'DescribeImages', 'Data.ImageList') as ImageInfo[] };
    });
  }

  /**
   * Signs (fresh nonce per attempt) and sends one action, then reads its envelope with `read`.
   * A POST past its deadline fails with a timeout whose `late` settles with the real outcome.
   */
  private async call<T>(method: SdkMethodName, query: QueryParams, body: unknown, read: (env: UpstreamEnvelope) => T, service?: EcsService, deadline?: number): Promise<EcsResult<T>> {
    const spec = UPSTREAM_ACTIONS[method];
    const params = toQueryParams(query);
    const result = (reply: UpstreamReply): EcsResult<T> => {
      const env = readEnvelope(reply, spec.action);
      return { data: read(env), requestId: env.requestId };
    };
    let lateReply: Promise<UpstreamReply> | undefined;
    try {
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
        (late) => (lateReply = late),
      );
      return result(reply);
    } catch (err) {
      if (lateReply && err instanceof EcsError && err.kind === 'timeout') {
        err.late = lateReply.then(result);
        err.late.catch(() => undefined); // nobody may wait for it (no Idempotency-Key)
      }
      throw err;
    }
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

/** Data {EventId} of an action that starts an event; the id goes into Location, so it is checked. */
function eventIdOf(action: SdkMethodName): (env: UpstreamEnvelope) => EventIdData {
  return (env) => ({ EventId: checkedId(singleObject(env.data, action).EventId, action, 'Data.EventId') });
}

function isNotFound(err: unknown): boolean {
  return err instanceof EcsError && err.kind === 'business' && (/NotFound$/.test(err.code) || err.httpStatus === 404);
}
