import {
  INSTANCE_STATUS_DISPLAY,
  type BillingInfo,
  type DataDiskConfInfo,
  type EipInfo,
  type GpuCardData,
  type ImageInfo,
  type InstanceData,
  type InstanceRuleInfo,
  type InstanceSimpleInfo,
  type PipeInfo,
  type SystemDiskConfInfo,
} from '../../openapi/models';
import { chinaTime } from '../state/clock';
import { findAz, stableId, type Catalog } from './catalog';
import type { AccountState, DiskRecord, ImageRecord, InstanceRecord } from './types';

// The two wire views of one InstanceRecord. Every optional field of the models is filled, so a
// client sees a complete answer, and list and detail can never disagree.

const BILLING_NAME = { '0': '按需计费', '1': '包年包月' } as const;
/** On-demand instances have no end of billing; the upstream shows a far-future date. */
const ON_DEMAND_END = '2099-01-01 00:00:00';
const MONTH_MS = 30 * 24 * 3600_000;

type Full<T> = { [K in keyof T]-?: T[K] };
/** Instance answers as the upstream sends them: without AvailableZoneCode, which the gateway joins in. */
type Upstream<T> = Full<Omit<T, 'AvailableZoneCode'>>;

function endBillTime(r: InstanceRecord): string {
  return r.BillingMethod === '0' ? ON_DEMAND_END : chinaTime(r.BillEnd ?? r.CreateTime + MONTH_MS);
}

function location(catalog: Catalog, r: InstanceRecord) {
  const loc = findAz(catalog, r.AvailableZoneCode);
  return {
    RegionId: loc?.region.RegionId ?? '',
    RegionName: loc?.region.RegionName ?? '',
    AzId: loc?.az.AzId ?? '',
    AzName: loc?.az.AzName ?? '',
  };
}

const pubNet = (r: InstanceRecord) => r.PublicIps[0]?.GatewayIp ?? '';
const virtualNet = (r: InstanceRecord) => r.PublicIps.slice(1).map((p) => p.GatewayIp);
const diskTypeDisplay = (d: DiskRecord) => (d.DiskFeature === 'local' ? '本地盘' : 'SSD云盘');
const goodsId = (r: InstanceRecord) => stableId(`goods:${r.EcsFamilyName}:${r.Spec.Cpu}:${r.Spec.Ram}:${r.Spec.Gpu}`);
const isGpu = (r: InstanceRecord) => r.Spec.Gpu > 0;

function gpuCard(r: InstanceRecord): Full<GpuCardData> {
  return {
    GicBusinessName: r.Spec.GpuShowType,
    GpuDriver: r.Spec.SupportGpuDriver,
    GpuTypeId: r.Spec.GpuTypeId,
    RealName: isGpu(r) ? [r.Spec.GpuShowType] : [],
  };
}

export function toSimpleInfo(catalog: Catalog, account: AccountState, r: InstanceRecord): Upstream<InstanceSimpleInfo> {
  const eip: InstanceSimpleInfo['EipInfo'] = { [r.PrivateNet]: { ConfName: '', EipIp: '' } };
  for (const p of r.PublicIps) eip[p.GatewayIp] = { ConfName: p.ConfName, EipIp: p.EipIp };
  return {
    EcsId: r.EcsId,
    EcsName: r.EcsName,
    VpcId: r.VpcId,
    VpcName: r.VpcName,
    Status: r.Status,
    StatusDisplay: INSTANCE_STATUS_DISPLAY[r.Status],
    ...location(catalog, r),
    PrivateNet: r.PrivateNet,
    PubNet: pubNet(r),
    VirtualNet: virtualNet(r),
    EipInfo: eip,
    CreateTime: chinaTime(r.CreateTime),
    EcsFamilyName: r.EcsFamilyName,
    SpecFamilyId: stableId(`family:${r.EcsFamilyName}`),
    CpuSize: r.Spec.Cpu,
    RamSize: r.Spec.Ram,
    IsGpu: isGpu(r),
    GpuSize: r.Spec.Gpu,
    CardName: r.Spec.GpuShowType,
    BillingMethod: r.BillingMethod,
    BillingMethodName: BILLING_NAME[r.BillingMethod],
    EndBillTime: endBillTime(r),
    IsAutoRenewal: r.IsAutoRenewal,
    OsType: r.Os.OsType,
    OsVersion: r.Os.Version,
    OsBit: r.Os.Bit,
    ImageName: r.Os.ImageName,
    SystemDiskType: diskTypeDisplay(r.SystemDisk),
    SystemDiskSize: r.SystemDisk.Size,
    NoChargeForShutdown: r.NoChargeForShutdown,
    BindingPubnetIp: r.PublicIps.some((p) => p.EipIp !== ''),
    CustomerId: account.CustomerId,
    EcsGoodsId: goodsId(r),
    GpuCardInfo: gpuCard(r),
    GpuDriver: r.Spec.SupportGpuDriver,
    IsHaveSnapshot: false,
    ProductSource: 'ecs',
    ProductSourceDisplay: '云服务器',
    SecurityGroup: structuredClone(r.SecurityGroup),
    SubnetId: r.SubnetId,
    SupportGpuDriver: r.Spec.SupportGpuDriver,
    SystemDiskFeature: r.SystemDisk.DiskFeature,
    Tag: [...r.Tag],
  };
}

function diskView(r: InstanceRecord, d: DiskRecord) {
  // IOPS and bandwidth grow with size, as cloud disks do.
  const ssd = d.DiskFeature === 'ssd';
  return {
    ReleaseWithInstance: d.ReleaseWithInstance,
    DiskType: d.DiskType,
    Name: d.Name,
    Size: d.Size,
    DiskIops: ssd ? Math.min(1800 + 30 * d.Size, 50000) : 10000,
    BandMbps: ssd ? Math.min(80 + Math.floor(d.Size / 3), 350) : 500,
    Unit: 'GB',
    DiskFeature: d.DiskFeature,
    DiskName: diskTypeDisplay(d),
    EbsGoodsId: stableId(`ebs-goods:${d.DiskFeature}`),
    EcsGoodsId: goodsId(r),
    IsFollowDelete: d.ReleaseWithInstance,
  };
}

// CurrentUseQos is published as "" for the private address, but the Go SDK decodes it as an int:
// the emulator answers 0 so the official SDK can read every answer.
export function toInstanceData(catalog: Catalog, r: InstanceRecord, now: number): Upstream<InstanceData> {
  const eip: PipeInfo['EipInfo'] = { [r.PrivateNet]: { ConfName: '', EipIp: '', CurrentUseQos: 0, BandwidthName: '' } satisfies Full<EipInfo> };
  for (const p of r.PublicIps) eip[p.GatewayIp] = { ConfName: p.ConfName, EipIp: p.EipIp, CurrentUseQos: p.Qos, BandwidthName: `${p.ConfName}${p.Qos}M` };
  const rule: Full<InstanceRuleInfo> = {
    Name: r.EcsFamilyName,
    CpuNum: r.Spec.Cpu,
    CpuUnit: '核',
    Ram: r.Spec.Ram,
    Gpu: r.Spec.Gpu,
    RamUnit: 'GiB',
    GpuUnit: '个',
    CategoryId: stableId(`family:${r.EcsFamilyName}`),
    ConfName: `${r.Spec.Cpu}核${r.Spec.Ram}GiB${r.Spec.Gpu ? ` ${r.Spec.Gpu}*${r.Spec.GpuShowType}` : ''}`,
    EcsGoodsId: goodsId(r),
  };
  const system: Full<SystemDiskConfInfo> = { ...diskView(r, r.SystemDisk), DiskId: r.SystemDisk.DiskId };
  const data: Full<DataDiskConfInfo>[] = r.DataDisks.map((d) => ({ ...diskView(r, d), Id: d.DiskId, DiskId: d.DiskId }));
  const billing: Full<BillingInfo> = {
    BillingMethod: r.BillingMethod,
    BillingMethodName: BILLING_NAME[r.BillingMethod],
    BillingStatus: '正常',
    BillCycleId: r.BillingMethod === '0' ? 'hour' : 'month',
    BillingMethodStatus: r.NoChargeForShutdown ? 'no_charge_for_shutdown' : 'normal',
  };
  return {
    EcsId: r.EcsId,
    EcsName: r.EcsName,
    ...location(catalog, r),
    Status: r.Status,
    StatusDisplay: INSTANCE_STATUS_DISPLAY[r.Status],
    CreateTime: chinaTime(r.CreateTime),
    // Whole days since creation, at least 1 (the upstream example shows 1 for a new instance).
    Duration: Math.max(1, Math.ceil((now - r.CreateTime) / 86_400_000)),
    EndBillTime: endBillTime(r),
    IsAutoRenewal: r.IsAutoRenewal,
    TimeZone: 'UTC',
    IsGpu: isGpu(r),
    IsToMonth: r.BillingMethod === '1' ? 1 : 0,
    RealCardName: r.Spec.GpuShowType,
    SecurityGroup: structuredClone(r.SecurityGroup),
    StockRelease: false,
    Supplier: 'capitalonline',
    SystemDiskFeature: r.SystemDisk.DiskFeature,
    Tag: [...r.Tag],
    NoChargeForShutdown: r.NoChargeForShutdown,
    IsRam: false,
    EcsRule: rule,
    OsInfo: { ...r.Os },
    Disk: { SystemDiskConf: system, DataDiskConf: data },
    Pipe: {
      VpcName: r.VpcName,
      VpcId: r.VpcId,
      SubnetId: r.SubnetId,
      SubnetName: r.SubnetName,
      CreateTime: chinaTime(r.CreateTime),
      PrivateNet: r.PrivateNet,
      PubNet: pubNet(r),
      VirtualNet: virtualNet(r),
      EipInfo: eip,
    },
    BillingInfo: billing,
  };
}

/** The wire view of an image: the record plus its AZ's id and name and the status fields. */
export function toImageInfo(catalog: Catalog, image: ImageRecord): Full<ImageInfo> {
  const az = findAz(catalog, image.AvailableZoneCode)?.az;
  return {
    AvailableZoneCode: image.AvailableZoneCode,
    AzId: az?.AzId ?? '',
    AzName: az?.AzName ?? '',
    CreateTime: chinaTime(image.CreateTime),
    ImageId: image.ImageId,
    ImageName: image.ImageName,
    IsOptimized: image.IsOptimized,
    OsBit: image.OsBit,
    OsSize: image.OsSize,
    OsType: image.OsType,
    OsVersion: image.OsVersion,
    Status: 'running',
    StatusDisplay: '可用',
    SupportGpuDriver: image.SupportGpuDriver,
    SupportType: [...image.SupportType],
    TemplateType: image.TemplateType,
    Username: image.Username,
  };
}
