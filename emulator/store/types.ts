import type { EcsService } from '../../openapi/upstream/actions';
import type { AccountSubject, BillingMethod, DiskFeature, EventStatus, InstanceStatus, OsInfo, ResourceType, SecurityGroupInfo, SpecListInfo } from '../../openapi/models';
import type { EventType } from '../../openapi/operations';

/** Disk status is not part of the wire models; it is kept to refuse a second extension while one runs. */
export type DiskStatus = 'available' | 'updating';

export interface DiskRecord {
  DiskId: string;
  Name: string;
  DiskType: 'system' | 'data';
  Size: number;
  DiskFeature: DiskFeature;
  ReleaseWithInstance: 0 | 1;
  Status: DiskStatus;
}

/** One public line: egress gateway IP and the EIP bound to it. */
export interface PublicIpRecord {
  GatewayIp: string;
  ConfName: string;
  EipIp: string;
  Qos: number;
}

/** The one record both InstanceSimpleInfo and InstanceData are derived from (store/views.ts). */
export interface InstanceRecord {
  EcsId: string;
  EcsName: string;
  Status: InstanceStatus;
  AvailableZoneCode: string;
  VpcId: string;
  VpcName: string;
  SubnetId: string;
  SubnetName: string;
  PrivateNet: string;
  PublicIps: PublicIpRecord[];
  EcsFamilyName: string;
  Spec: SpecListInfo;
  BillingMethod: BillingMethod;
  IsAutoRenewal: '0' | '1';
  Os: Required<OsInfo>;
  SystemDisk: DiskRecord;
  DataDisks: DiskRecord[];
  NoChargeForShutdown: 0 | 1;
  /** Emulator-clock ms. */
  CreateTime: number;
  /** End of a monthly term bought by CreateInstance (emulator-clock ms); seeded monthly instances run 30 days. */
  BillEnd?: number;
  SecurityGroup: SecurityGroupInfo[];
  Tag: string[];
  /** Set by the FailNextTransition fault; consumed by the next transition that starts. */
  FailNextTransition: boolean;
}

export interface TaskRecord {
  TaskId: string;
  ResourceId: string;
  ResourceType: ResourceType;
  TaskType: TransitionKind;
  Status: EventStatus;
  CreateTime: number;
  UpdateTime: number;
  EndTime: number | null;
}

export interface EventRecord {
  EventId: string;
  EventType: TransitionKind;
  /** Instance events are served on /ecs/v1, disk events on /ebs/v1. */
  Service: EcsService;
  CreateTime: number;
  Tasks: TaskRecord[];
}

/**
 * Each transition starts an event of its own type: the API's event types, plus the three the
 * instance lifecycle starts (create_ecs is the upstream's published name; delete_ecs and reset_pwd
 * follow its console's operation names).
 */
export type TransitionKind = EventType;

/** A transition in flight: it settles when the emulator clock reaches DueAt. */
export interface PendingTransition {
  Seq: number;
  Kind: TransitionKind;
  EventId: string;
  TaskId: string;
  EcsId: string;
  DueAt: number;
  /** Decided when the transition starts (FailNextTransition fault). */
  Fail: boolean;
  DiskId?: string;
  NewSize?: number;
  DeleteEip?: 0 | 1;
  TargetFamily?: string;
  TargetSpec?: SpecListInfo;
}

export interface AccountState {
  AccessKeyId: string;
  SecretKey: string;
  CustomerId: string;
  Instances: Map<string, InstanceRecord>;
  Events: Map<string, EventRecord>;
  Pending: PendingTransition[];
  /** One VPC per region, with one subnet per AZ (store/networks.ts). */
  Vpcs: VpcRecord[];
  /** The account's own (private) images; public ones are in the catalog. */
  PrivateImages: ImageRecord[];
  /** Data disks kept when their instance was deleted (ReleaseWithInstance 0): detached, no longer served by an instance. */
  KeptDisks: DiskRecord[];
  /** Billing subjects with their balance (DescribeAccountSubject); seedable per access key. */
  Subjects: AccountSubject[];
}

export interface SubnetRecord {
  SubnetId: string;
  SubnetName: string;
  AvailableZoneCode: string;
  /** IPv4 CIDR private addresses are taken from, e.g. 10.16.0.0/16. */
  Cidr: string;
}

export interface VpcRecord {
  VpcId: string;
  VpcName: string;
  RegionCode: string;
  Subnets: SubnetRecord[];
}

/** An image of one AZ; the wire view (ImageInfo) adds the AZ's id and name and the display fields. */
export interface ImageRecord {
  ImageId: string;
  ImageName: string;
  AvailableZoneCode: string;
  OsType: string;
  OsVersion: string;
  OsBit: number;
  /** Smallest system disk the image fits on, GB. */
  OsSize: number;
  /** `cpu` and/or `gpu`: which instances the image suits. */
  SupportType: ('cpu' | 'gpu')[];
  /** The GPU driver a GPU image carries ('' for CPU images); it must match the spec's. */
  SupportGpuDriver: string;
  TemplateType: 'public' | 'private';
  Username: string;
  IsOptimized: 0 | 1;
  /** Emulator-clock ms. */
  CreateTime: number;
}

export interface AccessKey {
  AccessKeyId: string;
  SecretKey: string;
}
