import { z } from '@hono/zod-openapi';
import { BillingMethod, binaryFlag, fixedValues } from './common';
import { DiskFeature } from './instance';
import { UpstreamId, resourceId } from './ids';
import { AvailableZoneCode, Password, text } from './requests';

// Creating instances: the SDK's CreateInstanceReq with its nested shapes, field names verbatim. The
// gateway validates REST bodies with it and the emulator validates wire bodies with the same, so
// every rule the SDK's check() applies, and every documented limit, is stated once here.

export const MAX_INSTANCES_PER_CREATE = 100;
export const MAX_MONTHLY_DURATION = 36;

const binary = (description: string) => binaryFlag.openapi({ description, example: 1 });
const positiveInt = () => z.number().int('must be an integer').min(1, 'must be at least 1');
const ipv4 = z.ipv4({ error: 'must be an IPv4 address' });

export const CreateInstanceSystemDisk = z
  .object({
    DiskFeature: DiskFeature.openapi({ description: 'System disk type (盘类型): local (本地盘, local-disk families only) or ssd (SSD云盘).', example: 'ssd' }),
    Size: positiveInt().openapi({ description: 'Size in GB (盘大小); at least the image\'s OsSize.', example: 48 }),
  })
  .openapi('CreateInstanceSystemDisk', { description: 'System disk of the new instances (系统盘信息).' });
export type CreateInstanceSystemDisk = z.infer<typeof CreateInstanceSystemDisk>;

export const CreateInstanceDataDisk = z
  .object({
    DiskFeature: DiskFeature.openapi({ description: 'Data disk type (盘类型): local or ssd; one call does not mix them.', example: 'ssd' }),
    Size: positiveInt().openapi({ description: 'Size in GB (盘大小).', example: 48 }),
    SnapshotId: text(128).min(1, 'must not be empty').optional().openapi({ description: 'Create the disk from this snapshot (快照id).' }),
    ReleaseWithInstance: binary('1: deleted with the instance (随实例删除, the default), 0: kept. Monthly instances keep their data disks: must be 0.').optional(),
  })
  .openapi('CreateInstanceDataDisk', { description: 'One data disk of each new instance (数据盘信息).' });
export type CreateInstanceDataDisk = z.infer<typeof CreateInstanceDataDisk>;

export const CreateInstanceVpcInfo = z
  .object({ VpcId: resourceId('a VPC').openapi({ description: 'VPC id (私有网络id).', example: 'vpc-cn-huhhot-e100001' }) })
  .openapi('CreateInstanceVpcInfo', { description: 'The VPC of the new instances (vpc信息).' });
export type CreateInstanceVpcInfo = z.infer<typeof CreateInstanceVpcInfo>;

export const CreateInstanceSubnetInfo = z
  .object({
    SubnetId: resourceId('a subnet').openapi({ description: 'Private subnet id (子网id).', example: 'subnet-cn-hohhot-b-e100001' }),
    IpAddress: z
      .array(ipv4)
      .max(MAX_INSTANCES_PER_CREATE)
      .optional()
      .openapi({ description: 'Private IPs to give the new instances, one per instance (count = Number).', example: ['10.0.0.10'] }),
  })
  .openapi('CreateInstanceSubnetInfo', { description: 'The private subnet of the new instances (私有网络信息).' });
export type CreateInstanceSubnetInfo = z.infer<typeof CreateInstanceSubnetInfo>;

export const CreateInstanceSecurityGroup = z
  .object({ SecurityGroupId: resourceId('a security group').openapi({ description: 'Security group id (安全组id).', example: 'sg-p9fpfbrg6r1ft5vs' }) })
  .openapi('CreateInstanceSecurityGroup', { description: 'One security group; earlier ones take precedence (安全组).' });
export type CreateInstanceSecurityGroup = z.infer<typeof CreateInstanceSecurityGroup>;

export const BandwidthType = fixedValues(['Bandwidth', 'BandwidthMonth', 'Traffic'])
  .openapi('BandwidthType', {
    description: 'Public bandwidth billing: Bandwidth (固定带宽, on demand), BandwidthMonth (固定带宽包月, monthly instances), Traffic (流量按需).',
    example: 'Traffic',
  });
export type BandwidthType = z.infer<typeof BandwidthType>;

export const CreateInstancePubnetInfo = z
  .object({
    SubnetId: resourceId('a public subnet or virtual gateway').openapi({ description: 'Public subnet id, or the virtual gateway id when IpType is virtual (子网id).' }),
    BandwidthConfName: text(64).optional().openapi({ description: 'Bandwidth line name, e.g. 电信 (带宽线路名称).' }),
    IpType: text(64).optional().openapi({ description: 'default_gateway (默认出网网关) or virtual (虚拟出网网关); legacy, may be empty.' }),
    EipIds: z
      .array(resourceId('an EIP'))
      .max(MAX_INSTANCES_PER_CREATE)
      .optional()
      .openapi({ description: 'Bind these existing EIPs, one per instance (count = Number); omit to allocate new public IPs.' }),
    BandwidthType: BandwidthType.optional(),
    Qos: z.number().int('must be an integer').min(0, 'must not be negative').optional().openapi({ description: 'Bandwidth in Mbit/s (公网带宽值); > 0 for Bandwidth and BandwidthMonth.', example: 10 }),
  })
  .openapi('CreateInstancePubnetInfo', { description: 'Public network of the new instances: new public IPs or existing EIPs (公有网络信息).' });
export type CreateInstancePubnetInfo = z.infer<typeof CreateInstancePubnetInfo>;

const createInstanceFields = z.object({
  AvailableZoneCode,
  EcsFamilyName: text(64).min(1, 'must not be empty').openapi({ description: 'Instance family (规格族名称), from `GET /v1/families`.', example: 'Cpu计算型C4' }),
  Cpu: positiveInt().openapi({ description: 'CPU cores (Cpu).', example: 2 }),
  Ram: positiveInt().openapi({ description: 'Memory in GB (内存).', example: 4 }),
  Gpu: z.number().int('must be an integer').min(0, 'must not be negative').default(0).openapi({ description: 'GPU cards (显卡数量); 0 for CPU families.', example: 0 }),
  Number: z
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(MAX_INSTANCES_PER_CREATE, `must be at most ${MAX_INSTANCES_PER_CREATE}`)
    .default(1)
    .openapi({ description: `How many instances to create (购买数量), 1–${MAX_INSTANCES_PER_CREATE}.`, example: 1 }),
  BillingMethod,
  Password,
  ImageId: text(128).min(1, 'must not be empty').openapi({ description: 'Image id or image name (镜像id或者镜像名称), from `GET /v1/images`.', example: 'img-centos-7-9-cn-hohhot-b' }),
  SystemDisk: CreateInstanceSystemDisk,
  DataDisk: z.array(CreateInstanceDataDisk).max(16, 'must list at most 16 data disks').optional().openapi({ description: 'Data disks of each new instance (数据盘信息).' }),
  VpcInfo: CreateInstanceVpcInfo,
  SubnetInfo: CreateInstanceSubnetInfo,
  SecurityGroups: z.array(CreateInstanceSecurityGroup).max(16, 'must list at most 16 security groups').optional().openapi({ description: 'Security groups, highest priority first (安全组列表).' }),
  PubnetInfo: z.array(CreateInstancePubnetInfo).max(16, 'must list at most 16 entries').optional().openapi({ description: 'Public networks (公有网络信息).' }),
  Name: text(64).optional().openapi({ description: 'Instance name (云服务器名); empty or absent: `ecs-<creation date>`.', example: 'web' }),
  StartNumber: z.number().int('must be an integer').min(0, 'must not be negative').optional().openapi({ description: 'First number appended to Name (名称编号起始数字).', example: 1 }),
  Duration: positiveInt().optional().openapi({
    description: `Monthly only: months to buy (包月时长), at most ${MAX_MONTHLY_DURATION}; above 12 a multiple of 12.`,
    example: 1,
  }),
  IsToMonth: binary('Monthly only: 1 runs the term to the end of the month (default), 0 to the same day (包月是否到月底).').optional(),
  IsAutoRenewal: binary('Monthly only: 1 renews automatically (default), 0 does not (是否自动续约).').optional(),
  UtcTime: binary('1: times in UTC, 0: China time UTC+8 (default) (是否utc时间).').optional(),
  DnsList: z
    .array(ipv4)
    .length(2, 'must list exactly 2 DNS servers: primary and secondary')
    .optional()
    .openapi({ description: 'Primary and secondary DNS server (dns 解析); absent: the default DNS.', example: ['114.114.114.114', '8.8.8.8'] }),
  TestAccount: text(64).optional().openapi({ description: 'Test account name (测试账户名称).' }),
});

type CreateInstanceFields = z.infer<typeof createInstanceFields>;

/** The fields an order and a price quote share (a quote takes these with the same rules). */
export const orderFields = createInstanceFields.pick({ AvailableZoneCode: true, EcsFamilyName: true, Cpu: true, Ram: true, Gpu: true, Number: true, BillingMethod: true, Duration: true, IsToMonth: true });

/** A monthly term: at most MAX_MONTHLY_DURATION months, above 12 a multiple of 12. */
export function monthlyDurationRule(v: { BillingMethod?: unknown; Duration?: unknown }, ctx: z.RefinementCtx): void {
  if (v.BillingMethod !== '1' || typeof v.Duration !== 'number') return;
  if (v.Duration > MAX_MONTHLY_DURATION) ctx.addIssue({ code: 'custom', path: ['Duration'], message: `must be at most ${MAX_MONTHLY_DURATION} months` });
  else if (v.Duration > 12 && v.Duration % 12 !== 0) ctx.addIssue({ code: 'custom', path: ['Duration'], message: 'above 12 months must be a multiple of 12' });
}

/**
 * Rules across fields, stated on the raw input so that they are reported together with every field
 * failure (`when` runs them even when some field is wrong); each reads defensively for that reason.
 */
function crossFieldRules(v: Partial<CreateInstanceFields>, ctx: z.RefinementCtx): void {
  const number = typeof v.Number === 'number' ? v.Number : 1;
  const monthly = v.BillingMethod === '1';
  const fail = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const ips = v.SubnetInfo?.IpAddress;
  if (Array.isArray(ips) && ips.length !== number) fail(['SubnetInfo', 'IpAddress'], `must list one address per instance: ${number} (Number), not ${ips.length}`);

  monthlyDurationRule(v, ctx);

  if (Array.isArray(v.DataDisk)) {
    const features = new Set(v.DataDisk.map((d) => d?.DiskFeature).filter(Boolean));
    if (features.size > 1) fail(['DataDisk'], 'must not mix local and ssd data disks');
    v.DataDisk.forEach((d, i) => {
      if (monthly && d?.ReleaseWithInstance === 1) fail(['DataDisk', i, 'ReleaseWithInstance'], 'must be 0 for monthly billing (monthly data disks are kept)');
    });
  }

  if (Array.isArray(v.PubnetInfo)) {
    v.PubnetInfo.forEach((p, i) => {
      if (!p || typeof p !== 'object') return;
      if (Array.isArray(p.EipIds) && p.EipIds.length > 0) {
        if (p.EipIds.length !== number) fail(['PubnetInfo', i, 'EipIds'], `must list one EIP per instance: ${number} (Number), not ${p.EipIds.length}`);
        return;
      }
      if (p.BandwidthType === undefined) fail(['PubnetInfo', i, 'BandwidthType'], 'is required to allocate new public IPs (or list EipIds)');
      if (p.BandwidthType === 'Bandwidth' || p.BandwidthType === 'BandwidthMonth') {
        if (!(typeof p.Qos === 'number' && p.Qos > 0)) fail(['PubnetInfo', i, 'Qos'], `must be greater than 0 for ${p.BandwidthType}`);
        if (monthly && p.BandwidthType === 'Bandwidth') fail(['PubnetInfo', i, 'BandwidthType'], 'monthly instances take BandwidthMonth for fixed bandwidth');
        if (v.BillingMethod === '0' && p.BandwidthType === 'BandwidthMonth') fail(['PubnetInfo', i, 'BandwidthType'], 'on-demand instances take Bandwidth for fixed bandwidth');
      }
    });
  }
}

export const CreateInstanceReq = createInstanceFields
  .superRefine((v, ctx) => crossFieldRules(v, ctx), { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
  .openapi('CreateInstanceReq', { description: 'What to create: spec, image, disks, network, billing and login.' });
export type CreateInstanceReq = z.input<typeof CreateInstanceReq>;

export const CreateInstanceResult = z
  .object({
    EventId: UpstreamId.openapi({ description: 'Event id; poll it at `/v1/events/{EventId}`.', example: 'd0b1d5b7-7549-41dc-972c-c40270b53bd7' }),
    EcsIdSet: z.array(UpstreamId).openapi({ description: 'Ids of the instances being created (创建的资源id列表).', example: ['ins-72ys37squwzemjlx'] }),
  })
  .openapi('CreateInstanceResult', { description: 'Result of a create: the event and the new instance ids.' });
export type CreateInstanceResult = z.infer<typeof CreateInstanceResult>;
