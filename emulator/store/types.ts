import type { EcsService } from '../../openapi/upstream/actions';
import type { AccountSubject, BillingMethod, DiskFeature, EventStatus, InstanceStatus, OsInfo, RegionGroup, ResourceType, SecurityGroupInfo, SpecListInfo } from '../../openapi/models';
import type { FamilyOffer } from './seed';
import type { EventType } from '../../openapi/operations';

/**
 * The upstream's published disk statuses (云盘状态): running = attached (使用中), waiting = detached
 * (待挂载), building while created, mounting/unmounting while attached/detached, updating while
 * extended, creating_snapshot and rollback while a snapshot is taken or rolled back; deleting (the
 * emulator's own word) while a DeleteDisk runs; error when a transition failed.
 */
export type DiskStatus = 'building' | 'build_fail' | 'waiting' | 'mounting' | 'running' | 'unmounting' | 'updating' | 'deleting' | 'error' | 'creating_snapshot' | 'rollback';

export interface DiskRecord {
  DiskId: string;
  Name: string;
  DiskType: 'system' | 'data';
  Size: number;
  DiskFeature: DiskFeature;
  ReleaseWithInstance: 0 | 1;
  Status: DiskStatus;
  /** A data disk's slot on its instance (1–16) while attached: the device's LUN, kept when other disks detach. */
  Order?: number;
}

/** A disk no instance holds: it keeps its AZ of its own. */
export interface KeptDiskRecord extends DiskRecord {
  AvailableZoneCode: string;
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
  /** End of a monthly term bought by a create (emulator-clock ms); seeded monthly instances run 30 days. */
  BillEnd?: number;
  SecurityGroup: SecurityGroupInfo[];
  Tag: string[];
  /** Set by the FailNextTransition fault; consumed by the next transition that starts. */
  FailNextTransition: boolean;
  /** The status a recycled or deleted instance returns to when cancelled or recovered (state/lifecycle.ts). */
  PriorStatus?: InstanceStatus;
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
export type TransitionKind = EventType | LifecycleKind;

/** The billing life's own transitions (state/lifecycle.ts): started by the meter, the control API or a chain, never by a wire call. */
export type LifecycleKind = 'recycle_ecs' | 'cancel_recycle_ecs' | 'recycle_bin_ecs' | 'recover_ecs' | 'destroy_ecs';

/** A transition in flight: it settles when the emulator clock reaches DueAt. */
export interface PendingTransition {
  Seq: number;
  Kind: TransitionKind;
  EventId: string;
  TaskId: string;
  /** The instance it works on; none for a disk-only transition (creating or deleting a detached disk). */
  EcsId?: string;
  DueAt: number;
  /** Decided when the transition starts (FailNextTransition fault). */
  Fail: boolean;
  DiskId?: string;
  /** The disk's status when the transition started: it comes back when the transition ends without a status of its own. */
  DiskWas?: DiskStatus;
  /** The disk statuses still to come before DueAt (a disk path of several), each from its emulator-clock ms on. */
  DiskStages?: { Status: DiskStatus; At: number }[];
  NewSize?: number;
  DeleteEip?: 0 | 1;
  /** delete_disk: its non-permanent snapshots go with it. */
  WithSnapshots?: 0 | 1;
  TargetFamily?: string;
  TargetSpec?: SpecListInfo;
  /** create_image and rollback_disk: the instance's status to return to. */
  PriorStatus?: InstanceStatus;
  ImageId?: string;
  SnapshotId?: string;
  /** rollback_disk: the snapshot its NewSnapshot took first. */
  NewSnapshotId?: string;
  /** sync_image: the zones to copy to. */
  TargetZones?: string[];
  /** rollback_disk: start the instance again afterwards (1, default) or leave it shut down (0). */
  AutoTurnOn?: 0 | 1;
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
  /** Detached data disks (created alone, detached, or kept when their instance was deleted); they live in one AZ. */
  KeptDisks: KeptDiskRecord[];
  /** Billing subjects with their balance; seedable per access key. */
  Subjects: AccountSubject[];
  /** Disk snapshots (not the emulator's own world snapshots). */
  DiskSnapshots: DiskSnapshotRecord[];
  /**
   * Deleted instances (the recycle bin: deleted, then destroying) and the tombstones of destroyed
   * ones (destroy). Hidden from every wire read; the control API shows them.
   */
  RecycleBin: Map<string, InstanceRecord>;
  /** The billing meter's progress (state/billing.ts). */
  Billing: BillingState;
}

export interface BillingState {
  /** Emulator-clock ms up to which the account's servers have been charged. */
  MeteredUntil: number;
  /** The balance ran out: on-demand servers are recycled until a recharge. */
  InArrears: boolean;
}

/** Snapshot statuses of the public document; the emulator reaches creating, running, create_fail, disk_rollback, deleting and error. */
export type SnapshotStatus = 'creating' | 'create_fail' | 'running' | 'deleting' | 'disk_creating' | 'disk_rollback' | 'deleted' | 'error';

/** One snapshot of a disk; a disk's snapshots make up its chain (`sl-disk-…`). */
export interface DiskSnapshotRecord {
  SnapshotId: string;
  /** `sl-<disk id>-<4 chars>`: one chain per disk and zone (a cross-zone copy starts a chain there). */
  ChainId: string;
  SnapshotName: string;
  DiskId: string;
  DiskName: string;
  DiskProperty: 'system' | 'data';
  DiskSize: number;
  /** Emulator-clock ms. */
  CreateTime: number;
  /** `Forever` or a number of days, as the request gave it. */
  ReservedTime: string;
  Status: SnapshotStatus;
  AvailableZoneCode: string;
  IsOptimized: 0 | 1;
  /** The instance the disk belonged to when the snapshot was taken ('' when detached). */
  EcsId: string;
  /** A system disk's snapshot keeps its OS, so an image can be made from it. */
  Os?: InstanceRecord['Os'];
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
  /** Being made (from an instance, a copy or a snapshot): not listed nor usable until its event ends. */
  Making?: true;
  /** A copy in another zone: the image it was copied from. The image and its copies are one image across zones. */
  SourceImageId?: string;
  /** Made from this snapshot (deleted with it under DeleteBindImages). */
  SourceSnapshotId?: string;
}

export interface AccessKey {
  AccessKeyId: string;
  SecretKey: string;
}

/** Regions, families and public images: the slow-changing reference data shared by every account. */
export interface Catalog {
  Regions: RegionGroup[];
  Families: FamilyOffer[];
  /** Public images, per AZ. */
  Images: ImageRecord[];
  /** Families whose instances run on local disks: the only ones a `local` disk may be ordered for. */
  LocalDiskFamilies: string[];
  /** Sold-out specs, by specKey: every other spec of the catalogue is on sale. Set through the control API. */
  SoldOut: string[];
  /** Unit prices per zone and family; disks per GB. */
  Prices: PriceTable;
}

/** Yuan per unit: on demand per hour, monthly per month. */
export interface UnitPrice {
  Hourly: number;
  Monthly: number;
}

export interface PriceTable {
  /** Per zone and family: each CPU core, GB of memory and GPU card. */
  Specs: { AvailableZoneCode: string; EcsFamilyName: string; Cpu: UnitPrice; Ram: UnitPrice; Gpu: UnitPrice }[];
  /** Per GB of disk, by disk feature. */
  Disks: Record<'ssd' | 'local', UnitPrice>;
}

