import { z } from '@hono/zod-openapi';
import { BillingMethod, ChinaTime, InstanceStatus, fixedValues } from './common';

// Fields the published upstream examples always carry are required; the others are optional,
// because the real API omits them on some instances and the gateway passes answers through as given.

export const EipSimpleInfo = z
  .object({
    ConfName: z.string().openapi({ description: 'Carrier of the line, e.g. 电信, 移动, 联通 (网络带宽运营商); empty for the private address.', example: '移动' }),
    EipIp: z.string().openapi({ description: 'EIP address; empty when none is bound.', example: '117.161.233.90' }),
  })
  .openapi('EipSimpleInfo');
export type EipSimpleInfo = z.infer<typeof EipSimpleInfo>;

export const SecurityGroupInfo = z
  .object({
    GroupInterconnected: z.boolean().openapi({ description: 'Whether instances in the group can reach each other (安全组内是否可以实例互通).' }),
    Priority: z.number().int().openapi({ description: 'Priority (优先级).', example: 1 }),
    SecurityGroupId: z.string().openapi({ description: 'Security group id (安全组ID).' }),
    SecurityGroupName: z.string().openapi({ description: 'Security group name (安全组名称).', example: 'default' }),
    SecurityGroupType: z.string().openapi({ description: 'Security group type (安全组类型).', example: 'public' }),
  })
  .openapi('SecurityGroupInfo');
export type SecurityGroupInfo = z.infer<typeof SecurityGroupInfo>;

export const GpuCardData = z
  .object({
    GicBusinessName: z.string().openapi({ description: 'GPU model name (GPU 型号的名称).', example: 'NVIDIA RTX A5000' }),
    GpuDriver: z.string().openapi({ description: 'GPU driver version (GPU 驱动版本).', example: 'Datacenter' }),
    GpuTypeId: z.string().openapi({ description: 'GPU type id (GPU 类型 ID).' }),
    RealName: z.array(z.string()).openapi({ description: 'Real GPU model names (GPU 型号的真实名称).' }),
  })
  .openapi('GpuCardData');
export type GpuCardData = z.infer<typeof GpuCardData>;

/** Disk feature: the published upstream examples carry only these two; the emulator uses them. */
export const DiskFeature = fixedValues(['ssd', 'local']);
export type DiskFeature = z.infer<typeof DiskFeature>;

/** Not sent by the upstream: the gateway joins it in by AzId, so answers can feed spec changes and creates. */
const JoinedZoneCode = z.string().optional().openapi({
  description:
    'Availability zone code (可用区代码) of AzId, as spec changes and creates take it. Not sent by the ECS API: ' +
    'the gateway adds it from the cached regions (`GET /v1/regions`); absent when the regions cannot be read.',
  example: 'CN_Hohhot_B',
});

// On the answers an open string (passed through from upstream), with the known values described.
const DiskFeatureField = z
  .string()
  .openapi({ description: 'Disk feature (磁盘特性): ssd (SSD云盘, a cloud disk; can be extended) or local (本地盘).', example: 'ssd' });

const EipMap = <T extends z.ZodTypeAny>(entry: T) =>
  z.record(z.string(), entry).openapi({ description: 'Public address information keyed by gateway / private IP (公网ip信息).' });

export const InstanceSimpleInfo = z
  .object({
    EcsId: z.string().openapi({ description: 'Instance id (实例ID).', example: 'ins-tevgfaaronl12h11' }),
    EcsName: z.string().openapi({ description: 'Instance name (实例名称).', example: 'web-01' }),
    VpcId: z.string().openapi({ description: 'VPC id.' }),
    VpcName: z.string().openapi({ description: 'VPC name (VPC名称).' }),
    Status: InstanceStatus,
    StatusDisplay: z.string().openapi({ description: 'Status display name (状态显示名称).', example: '运行中' }),
    AzId: z.string().openapi({ description: 'Availability zone id (可用区ID).' }),
    AzName: z.string().openapi({ description: 'Availability zone name (可用区名称).' }),
    AvailableZoneCode: JoinedZoneCode,
    RegionId: z.string().openapi({ description: 'Region id (区域ID).' }),
    RegionName: z.string().openapi({ description: 'Region name (区域名称).' }),
    PrivateNet: z.string().openapi({ description: 'Private IP (私网ip).', example: '10.15.100.147' }),
    PubNet: z.string().openapi({ description: 'Default egress gateway IP (默认出网网关ip).' }),
    VirtualNet: z.array(z.string()).openapi({ description: 'Egress gateway IPs of other lines (其他线路出网网关ip列表).' }),
    EipInfo: EipMap(EipSimpleInfo),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    EcsFamilyName: z.string().openapi({ description: 'Instance family name (规格族名称).', example: 'Cpu计算型C4' }),
    SpecFamilyId: z.string().openapi({ description: 'Instance family id (规格族ID).' }),
    CpuSize: z.number().int().openapi({ description: 'CPU cores (CPU核心数).', example: 4 }),
    RamSize: z.number().int().openapi({ description: 'Memory in GB (内存大小).', example: 8 }),
    IsGpu: z.boolean().openapi({ description: 'Whether this is a GPU instance (是否为GPU实例).' }),
    GpuSize: z.number().int().openapi({ description: 'GPU cards (显卡数量).', example: 0 }),
    CardName: z.string().openapi({ description: 'GPU card model (显卡型号); empty for CPU instances.' }),
    BillingMethod: BillingMethod,
    BillingMethodName: z.string().openapi({ description: 'Billing method name (计费方式名称).', example: '按需计费' }),
    EndBillTime: ChinaTime.openapi({ description: 'Expiry time (到期时间), China time.' }),
    IsAutoRenewal: z.string().openapi({ description: 'Auto renewal on expiry, "1" yes / "0" no (到期是否自动续约).', example: '1' }),
    OsType: z.string().openapi({ description: 'OS type (操作系统类型).', example: 'Centos' }),
    OsVersion: z.string().openapi({ description: 'OS version (操作系统版本).', example: '7.4' }),
    OsBit: z.number().int().openapi({ description: 'OS bits (操作系统位数).', example: 64 }),
    ImageName: z.string().openapi({ description: 'Image name (镜像名称).' }),
    SystemDiskType: z.string().openapi({ description: 'System disk type display name (系统盘类型), e.g. 本地盘 or SSD云盘.' }),
    SystemDiskSize: z.number().int().openapi({ description: 'System disk size in GB (系统盘大小).', example: 48 }),
    NoChargeForShutdown: z.number().int().openapi({ description: 'Shut down without charge: 1 yes, 0 no (是否关机不计费).', example: 0 }),
    BindingPubnetIp: z.boolean().optional().openapi({ description: 'Whether a public IP is bound (是否绑定公网 IP).' }),
    CustomerId: z.string().openapi({ description: 'Customer id (客户ID).' }),
    EcsGoodsId: z.string().optional().openapi({ description: 'Instance goods / package id (云主机商品/套餐 ID).' }),
    GpuCardInfo: GpuCardData.optional().openapi({ description: 'GPU card information (GPU 卡信息).' }),
    GpuDriver: z.string().optional().openapi({ description: 'GPU driver version (GPU 驱动版本信息).' }),
    IsHaveSnapshot: z.boolean().optional().openapi({ description: 'Whether the instance has snapshots (是否有快照).' }),
    ProductSource: z.string().optional().openapi({ description: 'Product source tag (产品来源标识).' }),
    ProductSourceDisplay: z.string().optional().openapi({ description: 'Product source display name (产品来源显示名).' }),
    SecurityGroup: z.array(SecurityGroupInfo).optional().openapi({ description: 'Security groups (安全组).' }),
    SubnetId: z.string().optional().openapi({ description: 'Subnet id (子网 ID).' }),
    SupportGpuDriver: z.string().openapi({ description: 'Supported GPU driver (支持的GPU驱动); empty for CPU instances.' }),
    SystemDiskFeature: DiskFeatureField,
    Tag: z.array(z.string()).optional().openapi({ description: 'Tags (标签).' }),
  })
  .openapi('InstanceSimpleInfo', { description: 'One row of the instance list (实例简要信息).' });
export type InstanceSimpleInfo = z.infer<typeof InstanceSimpleInfo>;

export const InstanceRuleInfo = z
  .object({
    Name: z.string().openapi({ description: 'Family name of the spec (规格名称).', example: 'Cpu计算型C4' }),
    CpuNum: z.number().int().openapi({ description: 'CPU cores (CPU核心数).', example: 4 }),
    CpuUnit: z.string().openapi({ description: 'CPU unit (CPU单位).', example: '核' }),
    Ram: z.number().int().openapi({ description: 'Memory (内存大小).', example: 8 }),
    Gpu: z.number().int().openapi({ description: 'GPU cards (GPU数量).', example: 0 }),
    RamUnit: z.string().openapi({ description: 'Memory unit (内存单位).', example: 'GiB' }),
    GpuUnit: z.string().openapi({ description: 'GPU unit (GPU单位).', example: '个' }),
    CategoryId: z.string().optional().openapi({ description: 'Spec category id (规格类别ID).' }),
    ConfName: z.string().optional().openapi({ description: 'Configuration name (配置名称).' }),
    EcsGoodsId: z.string().optional().openapi({ description: 'Goods id (商品ID).' }),
  })
  .openapi('InstanceRuleInfo');
export type InstanceRuleInfo = z.infer<typeof InstanceRuleInfo>;

export const OsInfo = z
  .object({
    ImageId: z.string().openapi({ description: 'Image id (镜像ID).' }),
    ImageName: z.string().openapi({ description: 'Image name (镜像名称).', example: 'Centos 7.4 64位' }),
    OsType: z.string().openapi({ description: 'OS type (操作系统类型).', example: 'Centos' }),
    Bit: z.number().int().openapi({ description: 'OS bits (操作系统位数).', example: 64 }),
    Version: z.string().openapi({ description: 'OS version (操作系统版本).', example: '7.4' }),
    Unit: z.string().optional().openapi({ description: 'Unit (单位).' }),
  })
  .openapi('OsInfo');
export type OsInfo = z.infer<typeof OsInfo>;

const diskFields = {
  ReleaseWithInstance: z.number().int().openapi({ description: 'Released with the instance, 0 no / 1 yes (是否随实例释放).', example: 1 }),
  DiskType: z.string().openapi({ description: 'Disk role: system or data (磁盘类型).', example: 'system' }),
  Name: z.string().openapi({ description: 'Disk name (磁盘名称).' }),
  Size: z.number().int().openapi({ description: 'Size in GB (磁盘大小).', example: 48 }),
  DiskIops: z.number().int().openapi({ description: 'Disk IOPS (磁盘IOPS).', example: 2520 }),
  BandMbps: z.number().int().openapi({ description: 'Disk bandwidth in Mbps (磁盘带宽).', example: 96 }),
  Unit: z.string().openapi({ description: 'Size unit (单位).', example: 'GB' }),
  DiskFeature: DiskFeatureField,
  DiskName: z.string().optional().openapi({ description: 'Disk display name, e.g. SSD云盘 (磁盘显示名称).' }),
  EbsGoodsId: z.string().optional().openapi({ description: 'Disk goods id (磁盘商品 ID).' }),
  EcsGoodsId: z.string().optional().openapi({ description: 'Instance goods id (云主机商品 ID).' }),
  IsFollowDelete: z.number().int().optional().openapi({ description: 'Deleted with the instance, 0 no / 1 yes (是否随实例删除).' }),
};

export const SystemDiskConfInfo = z
  .object({ ...diskFields, DiskId: z.string().openapi({ description: 'Disk id (磁盘ID); extend the disk at `/v1/disks/{DiskId}/extend`.', example: 'disk-dj3g8odrnwqdrybj' }) })
  .openapi('SystemDiskConfInfo');
export type SystemDiskConfInfo = z.infer<typeof SystemDiskConfInfo>;

// The published example names a data disk's id `Id` (the system disk's `DiskId`); the Go SDK of the
// CSI driver reads `DiskId` on data disks too. The emulator answers both.
export const DataDiskConfInfo = z
  .object({
    ...diskFields,
    Id: z.string().openapi({ description: 'Disk id (磁盘ID); extend the disk at `/v1/disks/{DiskId}/extend`.', example: 'disk-y6yknvvr64mvn06a' }),
    DiskId: z.string().optional().openapi({ description: 'The same disk id under the name the system disk uses (not in every upstream answer).', example: 'disk-y6yknvvr64mvn06a' }),
  })
  .openapi('DataDiskConfInfo');
export type DataDiskConfInfo = z.infer<typeof DataDiskConfInfo>;

export const DiskInfo = z
  .object({
    SystemDiskConf: SystemDiskConfInfo,
    DataDiskConf: z.array(DataDiskConfInfo).openapi({ description: 'Data disks (数据盘配置信息列表).' }),
  })
  .openapi('DiskInfo');
export type DiskInfo = z.infer<typeof DiskInfo>;

export const EipInfo = z
  .object({
    ConfName: z.string().openapi({ description: 'Line / carrier name (配置名称).', example: '移动' }),
    EipIp: z.string().openapi({ description: 'EIP address; empty when none.', example: '117.161.233.90' }),
    // Documented as int, published as "" for an address without bandwidth.
    CurrentUseQos: z.union([z.number().int(), z.string()]).optional().openapi({ description: 'Bandwidth in use in Mbps (当前使用带宽); "" when none.', example: 10 }),
    BandwidthName: z.string().optional().openapi({ description: 'Bandwidth name (带宽名称).' }),
  })
  .openapi('EipInfo');
export type EipInfo = z.infer<typeof EipInfo>;

export const PipeInfo = z
  .object({
    VpcName: z.string().openapi({ description: 'VPC name (VPC名称).' }),
    VpcId: z.string().openapi({ description: 'VPC id.' }),
    SubnetId: z.string().openapi({ description: 'Subnet id (子网ID).' }),
    SubnetName: z.string().openapi({ description: 'Subnet name (子网名称).' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    PrivateNet: z.string().openapi({ description: 'Private IP (私网IP).' }),
    PubNet: z.string().openapi({ description: 'Public gateway IP (公网IP).' }),
    VirtualNet: z.array(z.string()).openapi({ description: 'Virtual network addresses (虚拟网络信息).' }),
    EipInfo: EipMap(EipInfo),
  })
  .openapi('PipeInfo');
export type PipeInfo = z.infer<typeof PipeInfo>;

export const BillingInfo = z
  .object({
    BillingMethod: BillingMethod,
    BillingMethodName: z.string().openapi({ description: 'Billing method name (计费方式名称).', example: '包年包月' }),
    BillingStatus: z.string().openapi({ description: 'Billing status (计费状态).', example: '正常' }),
    BillCycleId: z.string().openapi({ description: 'Billing cycle id (计费周期ID).', example: 'month' }),
    BillingMethodStatus: z.string().optional().openapi({ description: 'Billing method status (计费方式状态).' }),
  })
  .openapi('BillingInfo');
export type BillingInfo = z.infer<typeof BillingInfo>;

export const InstanceData = z
  .object({
    EcsId: z.string().openapi({ description: 'Instance id (实例ID).', example: 'ins-ajgaioirpwvdjynj' }),
    EcsName: z.string().openapi({ description: 'Instance name (实例名称).' }),
    RegionId: z.string().openapi({ description: 'Region id (区域ID).' }),
    RegionName: z.string().openapi({ description: 'Region name (区域名称).' }),
    AzId: z.string().openapi({ description: 'Availability zone id (可用区ID).' }),
    AzName: z.string().openapi({ description: 'Availability zone name (可用区名称).' }),
    AvailableZoneCode: JoinedZoneCode,
    Status: InstanceStatus,
    StatusDisplay: z.string().openapi({ description: 'Status display name (实例状态显示名称).', example: '运行中' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    Duration: z.number().int().openapi({ description: 'Running duration (运行时长).' }),
    EndBillTime: ChinaTime.openapi({ description: 'End of billing (计费结束时间), China time.' }),
    IsAutoRenewal: z.string().openapi({ description: 'Auto renewal, "1" yes / "0" no (是否自动续费).' }),
    IsRam: z.boolean().optional().openapi({ description: 'Whether the instance uses a RAM disk (是否内存盘); some answers leave it out.', example: false }),
    TimeZone: z.string().openapi({ description: 'Time zone (时区).', example: 'UTC' }),
    IsGpu: z.boolean().optional().openapi({ description: 'Whether this is a GPU instance (是否为 GPU 实例).' }),
    IsToMonth: z.number().int().optional().openapi({ description: 'Billed monthly, 1 yes / 0 no (是否按月计费).' }),
    RealCardName: z.string().optional().openapi({ description: 'Real GPU model (GPU 实际型号).' }),
    SecurityGroup: z.array(SecurityGroupInfo).optional().openapi({ description: 'Security groups (安全组).' }),
    StockRelease: z.boolean().optional().openapi({ description: 'Stock release flag (库存释放标志).' }),
    Supplier: z.string().optional().openapi({ description: 'Supplier (实例供应商).' }),
    SystemDiskFeature: DiskFeatureField.optional(),
    Tag: z.array(z.string()).optional().openapi({ description: 'Tags (标签).' }),
    NoChargeForShutdown: z.number().int().openapi({ description: 'Shut down without charge: 1 yes, 0 no (关机是否收费).' }),
    EcsRule: InstanceRuleInfo,
    OsInfo: OsInfo,
    Disk: DiskInfo,
    Pipe: PipeInfo,
    BillingInfo: BillingInfo,
  })
  .openapi('InstanceData', { description: 'Instance detail (实例详细数据).' });
export type InstanceData = z.infer<typeof InstanceData>;
