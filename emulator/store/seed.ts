import { z } from 'zod';
import { AccountSubject, BillingMethod, DescribeEcsFamilyInfoResult, DiskFeature, InstanceStatus, RegionGroup, resourceId } from '../../openapi/models';

// The seed JSON accepted by POST /_emulator/reset (and createEmulator({seed})); the instance
// description is also the body of POST /_emulator/instances. Documented in emulator/README.md.

const size = z.number().int().positive().multipleOf(8, 'must be a multiple of 8');

export const DiskSpec = z
  .object({
    DiskId: resourceId('a disk').optional(),
    Name: z.string().min(1).max(64).optional(),
    Size: size,
    DiskFeature: DiskFeature.default('ssd'),
  })
  .strict();

export const InstanceSpec = z
  .object({
    /** Owner account; default: the first configured access key. */
    AccessKeyId: z.string().min(1).optional(),
    EcsId: z.string().regex(/^ins-[a-z0-9-]{1,60}$/, 'must look like ins-xxxx (lower-case letters, digits, -)').optional(),
    EcsName: z.string().min(1).max(64).optional(),
    AvailableZoneCode: z.string().min(1).default('CN_Hohhot_B'),
    BillingMethod: BillingMethod.default('0'),
    /** Default: the first CPU family of the AZ (or the first GPU family when Gpu > 0). */
    EcsFamilyName: z.string().min(1).optional(),
    Cpu: z.number().int().positive().optional(),
    Ram: z.number().int().positive().optional(),
    Gpu: z.number().int().min(0).optional(),
    Status: InstanceStatus.default('running'),
    SystemDisk: z
      .object({ DiskId: resourceId('a disk').optional(), Size: size.default(48), DiskFeature: DiskFeature.default('ssd') })
      .strict()
      .default({ Size: 48, DiskFeature: 'ssd' }),
    DataDisks: z.array(DiskSpec).max(16).default([]),
    /** Bind one EIP on the default line. */
    PublicIp: z.boolean().default(true),
    NoChargeForShutdown: z.union([z.literal(0), z.literal(1)]).default(0),
    /** An image of the AZ, by ImageId or ImageName; default: the first public image that suits the spec. */
    ImageId: z.string().min(1).optional(),
    Tag: z.array(z.string()).default([]),
  })
  .strict();
export type InstanceSpecParsed = z.output<typeof InstanceSpec>;
/** A partial instance description, as `POST /_emulator/instances` and a seed take it. */
export type InstanceSpecInput = z.input<typeof InstanceSpec>;

/** The families one AZ sells under one billing method: the families answer plus its key. */
export const FamilyOfferSchema = z
  .object({ AvailableZoneCode: z.string().min(1), BillingMethod, ...DescribeEcsFamilyInfoResult.shape })
  .strict();
export type FamilyOffer = z.infer<typeof FamilyOfferSchema>;

/** A detached cloud disk of a seed. */
export const DetachedDiskSpec = z
  .object({
    DiskId: resourceId('a disk'),
    AvailableZoneCode: z.string().min(1),
    Size: size,
    Name: z.string().min(1).max(40).optional(),
    /** Default: the first account. */
    AccessKeyId: z.string().min(1).optional(),
  })
  .strict();

export type DetachedDiskParsed = z.output<typeof DetachedDiskSpec>;

export const SeedSchema = z
  .object({
    /** Default: the built-in regions (store/catalog.ts). */
    Regions: z.array(RegionGroup).min(1).optional(),
    /** Default: the built-in families in every AZ for both billing methods. */
    Families: z.array(FamilyOfferSchema).optional(),
    /** Families whose instances run on local disks; default: Cpu密集计算型I3. */
    LocalDiskFamilies: z.array(z.string().min(1)).optional(),
    Instances: z.array(InstanceSpec).default([]),
    /** Cloud disks no instance holds (status `waiting`), each in its AZ. */
    Disks: z.array(DetachedDiskSpec).default([]),
    /** Billing subjects by access key id; an account not named gets DEFAULT_SUBJECTS. */
    AccountSubjects: z.record(z.string().min(1), z.array(AccountSubject)).optional(),
  })
  .strict();

/** Every account's billing subject unless the seed says otherwise. */
export const DEFAULT_SUBJECTS: AccountSubject[] = [{ Name: 'EMULATOR-TEST', Balance: 2500, Income: 3000, Duration: 365, BeginTime: '2026-01-01', EndTime: '2027-01-01' }];
export type SeedInput = z.input<typeof SeedSchema>;

/** Ids of the default seed's instances and disks (all in the first account). */
export const SEED_IDS = {
  demandCpuSsd: 'ins-demand-cpu-ssd',
  demandCpuLocal: 'ins-demand-cpu-local',
  demandGpuSsd: 'ins-demand-gpu-ssd',
  monthCpuSsd: 'ins-month-cpu-ssd',
  monthGpuSsd: 'ins-month-gpu-ssd',
  /** A detached (waiting) data disk in CN_Hohhot_B, ready to attach. */
  spareDisk: 'disk-spare-hohhot-b',
} as const;

/** The default seed (reloaded by reset without a body); its instances are listed in emulator/README.md. */
export const DEFAULT_SEED: SeedInput = {
  Instances: [
    {
      EcsId: SEED_IDS.demandCpuSsd,
      EcsName: 'web-01',
      AvailableZoneCode: 'CN_Hohhot_B',
      BillingMethod: '0',
      EcsFamilyName: 'Cpu计算型C4',
      Cpu: 4,
      Ram: 8,
      Status: 'running',
      SystemDisk: { DiskId: 'disk-demand-cpu-ssd-sys', Size: 48, DiskFeature: 'ssd' },
      DataDisks: [{ DiskId: 'disk-demand-cpu-ssd-data', Size: 96, DiskFeature: 'ssd' }],
    },
    {
      EcsId: SEED_IDS.demandCpuLocal,
      EcsName: 'db-local-01',
      AvailableZoneCode: 'CN_Hohhot_B',
      BillingMethod: '0',
      EcsFamilyName: 'Cpu密集计算型I3',
      Cpu: 4,
      Ram: 4,
      Status: 'running',
      SystemDisk: { DiskId: 'disk-demand-cpu-local-sys', Size: 48, DiskFeature: 'local' },
    },
    {
      EcsId: SEED_IDS.demandGpuSsd,
      EcsName: 'render-01',
      AvailableZoneCode: 'CN_Suqian_A',
      BillingMethod: '0',
      EcsFamilyName: '专业渲染型rp3',
      Cpu: 16,
      Ram: 32,
      Gpu: 1,
      Status: 'shutdown',
      SystemDisk: { DiskId: 'disk-demand-gpu-ssd-sys', Size: 96, DiskFeature: 'ssd' },
    },
    {
      EcsId: SEED_IDS.monthCpuSsd,
      EcsName: 'batch-01',
      AvailableZoneCode: 'CN_Hohhot_B',
      BillingMethod: '1',
      EcsFamilyName: 'Cpu计算型C4',
      Cpu: 4,
      Ram: 8,
      Status: 'shutdown',
      SystemDisk: { DiskId: 'disk-month-cpu-ssd-sys', Size: 48, DiskFeature: 'ssd' },
      PublicIp: false,
    },
    {
      EcsId: SEED_IDS.monthGpuSsd,
      EcsName: 'train-01',
      AvailableZoneCode: 'CN_Suqian_B',
      BillingMethod: '1',
      EcsFamilyName: '专业渲染型rp3',
      Cpu: 16,
      Ram: 32,
      Gpu: 1,
      Status: 'running',
      SystemDisk: { DiskId: 'disk-month-gpu-ssd-sys', Size: 96, DiskFeature: 'ssd' },
      DataDisks: [{ DiskId: 'disk-month-gpu-ssd-data', Size: 512, DiskFeature: 'ssd' }],
    },
  ],
  Disks: [{ DiskId: SEED_IDS.spareDisk, AvailableZoneCode: 'CN_Hohhot_B', Size: 64, Name: 'spare-data' }],
};
