import { createInstance } from '../../../openapi/operations/instances';
import { checkCreateInstance, monthlyTermEnd, type CreatePlan, type CreateRequest } from '../../state/create-rules';
import { nextFreeAddress, usedAddresses } from '../../store/networks';
import { osOf, randomId } from '../../store/store';
import type { InstanceRecord } from '../../store/types';
import type { OperationContext } from '../context';
import { implement } from '../implement';

/**
 * Every rule first (state/create-rules.ts), then the new instances in `building` under one
 * create_ecs event (one task per instance). The password is never stored, echoed or journaled.
 */
export const createInstanceBehaviour = implement(createInstance, {
  message: '创建云服务器任务下发成功',
  run: (ctx, req) => {
    const now = ctx.clock.now();
    const plan = checkCreateInstance(ctx.store.catalog, ctx.account, req, now);
    const billEnd = req.BillingMethod === '1' ? monthlyTermEnd(now, req.Duration ?? 1, req.IsToMonth ?? 1) : undefined;
    const created = newInstances(ctx, plan, req, billEnd);
    for (const r of created) ctx.account.Instances.set(r.EcsId, r);
    const event = ctx.machine.start(ctx.account, 'create_ecs', created.map((instance) => ({ instance })));
    return { EventId: event.EventId, EcsIdSet: created.map((i) => i.EcsId) };
  },
  transitions: {
    // New instances start building; no existing instance can "take" a create.
    create_ecs: { allowedFrom: [], passesThrough: 'building', endsIn: 'running', defaultDurationS: 15, resource: 'ecs', display: '创建云服务器' },
  },
});

/**
 * The records of a create whose rules have passed, in `building`. Each gets its own disks (ids
 * `disk-…`; data disks keep ReleaseWithInstance, default 1) and one public address per PubnetInfo entry.
 */
function newInstances(ctx: OperationContext, plan: CreatePlan, req: CreateRequest, billEnd: number | undefined): InstanceRecord[] {
  const used = usedAddresses(ctx.account, plan.subnet.SubnetId);
  const now = ctx.clock.now();
  return plan.names.map((name, i): InstanceRecord => {
    const ecsId = randomId('ins-');
    const address = plan.addresses[i] ?? nextFreeAddress(plan.subnet, used);
    used.add(address);
    const tag = ecsId.slice(4, 12);
    return {
      EcsId: ecsId,
      EcsName: name,
      Status: 'building',
      AvailableZoneCode: req.AvailableZoneCode,
      VpcId: plan.vpc.VpcId,
      VpcName: plan.vpc.VpcName,
      SubnetId: plan.subnet.SubnetId,
      SubnetName: plan.subnet.SubnetName,
      PrivateNet: address,
      PublicIps: (req.PubnetInfo ?? []).map((p) => ctx.store.newPublicIp(p.BandwidthConfName || '移动', p.BandwidthType === 'Traffic' ? 0 : (p.Qos ?? 0))),
      EcsFamilyName: plan.familyName,
      Spec: { ...plan.spec },
      BillingMethod: req.BillingMethod,
      IsAutoRenewal: req.BillingMethod === '1' && req.IsAutoRenewal === 0 ? '0' : '1',
      Os: osOf(plan.image),
      SystemDisk: { DiskId: randomId('disk-'), Name: `${req.SystemDisk.DiskFeature}_system_${tag}`, DiskType: 'system', Size: req.SystemDisk.Size, DiskFeature: req.SystemDisk.DiskFeature, ReleaseWithInstance: 1, Status: 'running' },
      DataDisks: (req.DataDisk ?? []).map((d, n) => ({
        DiskId: randomId('disk-'),
        Name: `${d.DiskFeature}_data${n + 1}_${tag}`,
        DiskType: 'data',
        Order: n + 1,
        Size: d.Size,
        DiskFeature: d.DiskFeature,
        // Monthly data disks are kept (the request model refuses 1 for them).
        ReleaseWithInstance: req.BillingMethod === '1' ? 0 : (d.ReleaseWithInstance ?? 1),
        Status: 'running',
      })),
      NoChargeForShutdown: 0,
      CreateTime: now,
      BillEnd: billEnd,
      SecurityGroup: structuredClone(plan.securityGroups),
      Tag: [],
      FailNextTransition: false,
    };
  });
}
