import type { DiskFeature, SecurityGroupInfo } from '../../openapi/models';
import { EmulatorError, describeIssues } from '../errors';
import { defaultCatalog, defaultPrices, familiesFor, findAz, type Catalog } from './catalog';
import { defaultDiskSnapshots } from './disk-snapshots';
import { defaultImageFor, defaultPrivateImages, defaultPublicImages, findImage, imageSuits } from './images';
import { defaultSubnet, defaultVpcs, nextFreeAddress, usedAddresses } from './networks';
import { DEFAULT_SEED, DEFAULT_SUBJECTS, InstanceSpec, SeedSchema, type DetachedDiskParsed, type InstanceSpecParsed } from './seed';
import type { AccessKey, AccountState, DiskRecord, ImageRecord, InstanceRecord, PublicIpRecord } from './types';

/** In-memory state of every account plus the shared catalog. */
export class EmulatorStore {
  readonly accounts = new Map<string, AccountState>();
  catalog: Catalog = defaultCatalog();
  /** Where the emulator's own pages are served (console links point there); a Node server sets the origin it listens on. */
  consoleOrigin = 'http://127.0.0.1:8788';
  private ipCounter = 0;

  /** How many public addresses were handed out (snapshots carry it so addresses stay unique). */
  get publicIpCounter(): number {
    return this.ipCounter;
  }
  set publicIpCounter(n: number) {
    this.ipCounter = n;
  }

  constructor(
    readonly keys: readonly AccessKey[],
    private readonly now: () => number,
    seed: unknown = DEFAULT_SEED,
  ) {
    if (keys.length === 0) throw new Error('at least one access key is required');
    this.reset(seed);
  }

  /** Replaces every account's state by the seed; on a bad seed nothing changes. */
  reset(seed: unknown = DEFAULT_SEED): void {
    const parsed = SeedSchema.safeParse(seed ?? {});
    if (!parsed.success) throw new EmulatorError('InvalidParameter', `seed: ${describeIssues(parsed.error.issues)}`);
    const catalog = defaultCatalog();
    if (parsed.data.Regions) catalog.Regions = parsed.data.Regions;
    if (parsed.data.Families) catalog.Families = parsed.data.Families;
    if (parsed.data.LocalDiskFamilies) catalog.LocalDiskFamilies = parsed.data.LocalDiskFamilies;
    catalog.Images = defaultPublicImages(catalog);
    if (parsed.data.Regions || parsed.data.Families) catalog.Prices = defaultPrices(catalog.Regions, catalog.Families.flatMap((o) => o.EcsFamilyInfo));
    const accounts = new Map<string, AccountState>();
    this.keys.forEach((k, i) => {
      const CustomerId = `E${100001 + i}`;
      accounts.set(k.AccessKeyId, {
        AccessKeyId: k.AccessKeyId,
        SecretKey: k.SecretKey,
        CustomerId,
        Instances: new Map(),
        Events: new Map(),
        Pending: [],
        Vpcs: defaultVpcs(catalog, CustomerId),
        PrivateImages: defaultPrivateImages(catalog, CustomerId),
        KeptDisks: [],
        Subjects: structuredClone(parsed.data.AccountSubjects?.[k.AccessKeyId] ?? DEFAULT_SUBJECTS),
        DiskSnapshots: [],
        RecycleBin: new Map(),
        Billing: { MeteredUntil: this.now(), InArrears: false },
      });
    });
    const unknownKeys = Object.keys(parsed.data.AccountSubjects ?? {}).filter((ak) => !accounts.has(ak));
    if (unknownKeys.length) throw new EmulatorError('InvalidParameter', `seed.AccountSubjects: no account ${unknownKeys.join(', ')}`);
    const saved = { catalog: this.catalog, ipCounter: this.ipCounter };
    this.catalog = catalog;
    this.ipCounter = 0;
    try {
      this.insert(accounts, parsed.data.Instances, 'seed.Instances');
      this.insertDetached(accounts, parsed.data.Disks);
    } catch (e) {
      Object.assign(this, saved);
      throw e;
    }
    for (const a of accounts.values()) a.DiskSnapshots = defaultDiskSnapshots(a);
    this.accounts.clear();
    for (const [k, v] of accounts) this.accounts.set(k, v);
  }

  /** The seed's detached disks, `waiting` in their AZ; ids unique across every disk of the emulator. */
  private insertDetached(accounts: Map<string, AccountState>, disks: DetachedDiskParsed[]): void {
    disks.forEach((d, i) => {
      const at = `seed.Disks.${i}`;
      const ak = d.AccessKeyId ?? this.keys[0]!.AccessKeyId;
      const account = accounts.get(ak);
      if (!account) throw new EmulatorError('InvalidParameter', `${at}.AccessKeyId: unknown account ${ak}`);
      if (!findAz(this.catalog, d.AvailableZoneCode)) throw new EmulatorError('InvalidParameter', `${at}.AvailableZoneCode: unknown availability zone ${d.AvailableZoneCode}`);
      const taken = [...accounts.values()].some((a) => findDiskIn(a, d.DiskId) || a.KeptDisks.some((k) => k.DiskId === d.DiskId));
      if (taken) throw new EmulatorError('InvalidParameter', `${at}: id ${d.DiskId} is already in use`);
      account.KeptDisks.push({ DiskId: d.DiskId, Name: d.Name ?? d.DiskId, DiskType: 'data', Size: d.Size, DiskFeature: 'ssd', ReleaseWithInstance: 0, Status: 'waiting', AvailableZoneCode: d.AvailableZoneCode });
    });
  }

  account(accessKeyId: string): AccountState | undefined {
    return this.accounts.get(accessKeyId);
  }

  /** Creates instances from partial descriptions (POST /_emulator/instances); all or none. */
  createInstances(specs: unknown[]): InstanceRecord[] {
    const parsed = specs.map((s, i) => {
      const r = InstanceSpec.safeParse(s);
      if (!r.success) throw new EmulatorError('InvalidParameter', `Instances.${i}: ${describeIssues(r.error.issues)}`);
      return r.data;
    });
    return this.insert(this.accounts, parsed, 'Instances');
  }

  /** A new public address on the default line: gateway IP and EIP, unique within the emulator's life. */
  newPublicIp(ConfName: string, Qos: number): PublicIpRecord {
    const n = ++this.ipCounter;
    return { GatewayIp: `10.15.1.${40 + (n % 200)}`, ConfName, EipIp: `117.161.${233 + Math.floor(n / 150) % 20}.${90 + (n % 150)}`, Qos };
  }

  findInstanceAnywhere(ecsId: string): { account: AccountState; instance: InstanceRecord } | undefined {
    for (const account of this.accounts.values()) {
      const instance = account.Instances.get(ecsId);
      if (instance) return { account, instance };
    }
    return undefined;
  }

  private insert(accounts: Map<string, AccountState>, specs: InstanceSpecParsed[], where: string): InstanceRecord[] {
    const staged: [AccountState, InstanceRecord][] = [];
    const ids = new Set<string>();
    specs.forEach((spec, i) => {
      const at = `${where}.${i}`;
      const ak = spec.AccessKeyId ?? this.keys[0]!.AccessKeyId;
      const account = accounts.get(ak);
      if (!account) throw new EmulatorError('InvalidParameter', `${at}.AccessKeyId: unknown account ${ak}`);
      const record = this.build(spec, account, at, staged.filter(([a]) => a === account).map(([, r]) => r));
      const diskIds = [record.SystemDisk, ...record.DataDisks].map((d) => d.DiskId);
      for (const id of [record.EcsId, ...diskIds]) {
        const taken = ids.has(id) || [...accounts.values()].some((a) => a.Instances.has(id) || a.RecycleBin.has(id) || findDiskIn(a, id));
        if (taken) throw new EmulatorError('InvalidParameter', `${at}: id ${id} is already in use`);
        ids.add(id);
      }
      staged.push([account, record]);
    });
    for (const [account, record] of staged) account.Instances.set(record.EcsId, record);
    return staged.map(([, r]) => r);
  }

  private build(spec: InstanceSpecParsed, account: AccountState, at: string, staged: InstanceRecord[]): InstanceRecord {
    const loc = findAz(this.catalog, spec.AvailableZoneCode);
    if (!loc) throw new EmulatorError('InvalidParameter', `${at}.AvailableZoneCode: unknown availability zone ${spec.AvailableZoneCode}`);
    const families = familiesFor(this.catalog, spec.AvailableZoneCode, spec.BillingMethod);
    const wantGpu = (spec.Gpu ?? 0) > 0;
    const family = spec.EcsFamilyName
      ? families.find((f) => f.EcsFamilyName === spec.EcsFamilyName)
      : families.find((f) => f.SpecList.some((s) => s.Gpu > 0 === wantGpu));
    if (!family) throw new EmulatorError('InvalidParameter', `${at}.EcsFamilyName: ${noFamily(spec, wantGpu, families.map((f) => f.EcsFamilyName))}`);
    const matching = family.SpecList.filter(
      (s) => (spec.Cpu === undefined || s.Cpu === spec.Cpu) && (spec.Ram === undefined || s.Ram === spec.Ram) && (spec.Gpu === undefined || s.Gpu === spec.Gpu),
    );
    // A named family takes its first matching spec; otherwise the first whose CPU/GPU kind matches.
    const specRow = matching.find((s) => spec.EcsFamilyName !== undefined || s.Gpu > 0 === wantGpu);
    if (!specRow) throw new EmulatorError('InvalidParameter', `${at}: family ${family.EcsFamilyName} has no spec Cpu=${spec.Cpu} Ram=${spec.Ram} Gpu=${spec.Gpu}`);
    const image = spec.ImageId ? findImage(this.catalog, account, spec.AvailableZoneCode, spec.ImageId) : defaultImageFor(this.catalog, spec.AvailableZoneCode, specRow);
    if (!image) throw new EmulatorError('InvalidParameter', `${at}.ImageId: ${spec.ImageId ? `no image ${spec.ImageId} in ${spec.AvailableZoneCode}` : `no public image in ${spec.AvailableZoneCode} suits the spec`}`);
    const unsuited = imageSuits(image, specRow);
    if (unsuited) throw new EmulatorError('InvalidParameter', `${at}.ImageId: ${unsuited}`);
    if (spec.SystemDisk.Size < image.OsSize) throw new EmulatorError('InvalidParameter', `${at}.SystemDisk.Size: image ${image.ImageId} needs at least ${image.OsSize} GB`);
    const net = defaultSubnet(account, spec.AvailableZoneCode);
    if (!net) throw new EmulatorError('InvalidParameter', `${at}.AvailableZoneCode: the account has no subnet in ${spec.AvailableZoneCode}`);
    const ecsId = spec.EcsId ?? randomId('ins-');
    const disk = (d: { DiskId?: string; Size: number; DiskFeature: DiskFeature; Name?: string }, type: 'system' | 'data'): DiskRecord => ({
      DiskId: d.DiskId ?? randomId('disk-'),
      Name: d.Name ?? `${d.DiskFeature}_${type}_${ecsId.slice(4, 12)}`,
      DiskType: type,
      Size: d.Size,
      DiskFeature: d.DiskFeature,
      ReleaseWithInstance: type === 'system' ? 1 : 0,
      Status: 'running',
    });
    return {
      EcsId: ecsId,
      EcsName: spec.EcsName ?? ecsId,
      Status: spec.Status,
      AvailableZoneCode: spec.AvailableZoneCode,
      VpcId: net.vpc.VpcId,
      VpcName: net.vpc.VpcName,
      SubnetId: net.subnet.SubnetId,
      SubnetName: net.subnet.SubnetName,
      PrivateNet: nextFreeAddress(net.subnet, usedAddresses(account, net.subnet.SubnetId, staged)),
      PublicIps: spec.PublicIp ? [this.newPublicIp('移动', 10)] : [],
      EcsFamilyName: family.EcsFamilyName,
      Spec: { ...specRow },
      BillingMethod: spec.BillingMethod,
      IsAutoRenewal: '1',
      Os: osOf(image),
      SystemDisk: disk(spec.SystemDisk, 'system'),
      DataDisks: spec.DataDisks.map((d, n) => ({ ...disk(d, 'data'), Order: n + 1 })),
      NoChargeForShutdown: spec.NoChargeForShutdown,
      CreateTime: this.now(),
      SecurityGroup: [defaultSecurityGroup(account)],
      Tag: spec.Tag,
      FailNextTransition: false,
    };
  }
}

/** Every account has one security group, `sg-default-<customer id>`. */
export const defaultSecurityGroup = (account: AccountState): SecurityGroupInfo => ({
  GroupInterconnected: true,
  Priority: 1,
  SecurityGroupId: `sg-default-${account.CustomerId.toLowerCase()}`,
  SecurityGroupName: 'default',
  SecurityGroupType: 'public',
});

/** The OsInfo an instance shows for the image it was built from. */
export const osOf = (image: ImageRecord): InstanceRecord['Os'] => ({
  ImageId: image.ImageId,
  ImageName: image.ImageName,
  OsType: image.OsType,
  Bit: image.OsBit,
  Version: image.OsVersion,
  Unit: '',
});

export function findDiskIn(account: AccountState, diskId: string): { instance: InstanceRecord; disk: DiskRecord } | undefined {
  for (const instance of account.Instances.values())
    for (const disk of [instance.SystemDisk, ...instance.DataDisks]) if (disk.DiskId === diskId) return { instance, disk };
  return undefined;
}

/** `prefix` + 16 lower-case letters and digits, like the upstream's ids. */
export function randomId(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** Names what is missing: the named family, a default CPU/GPU family, or any family at all (custom seeds). */
function noFamily(spec: InstanceSpecParsed, gpu: boolean, sold: string[]): string {
  const where = `in ${spec.AvailableZoneCode} for billing method ${spec.BillingMethod}`;
  const offered = sold.length ? `families sold there: ${sold.join(', ')}` : `the seed's Families sell none there`;
  return spec.EcsFamilyName !== undefined
    ? `family ${spec.EcsFamilyName} is not sold ${where} (${offered})`
    : `no ${gpu ? 'GPU' : 'CPU'} family to default to ${where} (${offered}); name one in EcsFamilyName or add one to Families`;
}
