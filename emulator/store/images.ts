import type { SpecListInfo } from '../../openapi/models';
import type { Catalog } from './types';
import type { AccountState, ImageRecord } from './types';

// Images are per AZ, as upstream: the same OS has another ImageId in every AZ. Public images are
// shared by every account (catalog); each account also owns one private image.

type ImageTemplate = Omit<ImageRecord, 'ImageId' | 'AvailableZoneCode' | 'CreateTime' | 'TemplateType'> & { key: string };

const slug = (code: string) => code.toLowerCase().replaceAll('_', '-');

/** Public images sold in every AZ: CPU images of three OS types, GPU images for both drivers. */
export const PUBLIC_IMAGES: readonly ImageTemplate[] = [
  { key: 'centos-7-9', ImageName: 'CentOS 7.9 64位', OsType: 'CentOS', OsVersion: '7.9', OsBit: 64, OsSize: 20, SupportType: ['cpu'], SupportGpuDriver: '', Username: 'root', IsOptimized: 1 },
  { key: 'ubuntu-22-04', ImageName: 'Ubuntu 22.04 64位', OsType: 'Ubuntu', OsVersion: '22.04', OsBit: 64, OsSize: 24, SupportType: ['cpu'], SupportGpuDriver: '', Username: 'root', IsOptimized: 1 },
  {
    key: 'windows-2019',
    ImageName: 'Windows Server 2019 数据中心版 64位中文版',
    OsType: 'Windows',
    OsVersion: '2019',
    OsBit: 64,
    OsSize: 40,
    SupportType: ['cpu'],
    SupportGpuDriver: '',
    Username: 'administrator',
    IsOptimized: 0,
  },
  {
    key: 'ubuntu-20-04-gpu-datacenter',
    ImageName: 'Ubuntu 20.04 64位-GPU-Datacenter',
    OsType: 'Ubuntu',
    OsVersion: '20.04',
    OsBit: 64,
    OsSize: 24,
    SupportType: ['gpu'],
    SupportGpuDriver: 'Datacenter',
    Username: 'root',
    IsOptimized: 1,
  },
  {
    key: 'windows-10-gpu-geforce',
    ImageName: 'Windows 10 64位-GPU-GeForce',
    OsType: 'Windows',
    OsVersion: '10',
    OsBit: 64,
    OsSize: 48,
    SupportType: ['gpu'],
    SupportGpuDriver: 'GeForce',
    Username: 'administrator',
    IsOptimized: 0,
  },
];

/** Images are older than any instance: a fixed publication time. */
const PUBLISHED = Date.UTC(2024, 0, 15, 2, 30, 0);

export const publicImageId = (key: string, azCode: string) => `img-${key}-${slug(azCode)}`;
export const privateImageId = (customerId: string) => `img-private-web-${customerId.toLowerCase()}`;

/** Every public image in every AZ of the catalog. */
export function defaultPublicImages(catalog: Catalog): ImageRecord[] {
  const azs = catalog.Regions.flatMap((g) => g.RegionList.flatMap((r) => r.AzList.map((a) => a.AvailableZoneCode)));
  return azs.flatMap((az) =>
    PUBLIC_IMAGES.map(({ key, ...t }) => ({ ...t, SupportType: [...t.SupportType], ImageId: publicImageId(key, az), AvailableZoneCode: az, TemplateType: 'public' as const, CreateTime: PUBLISHED })),
  );
}

/** The account's private image: a CentOS web server image in the catalog's first AZ, on a 48 GB disk. */
export function defaultPrivateImages(catalog: Catalog, customerId: string): ImageRecord[] {
  const az = catalog.Regions[0]?.RegionList[0]?.AzList[0]?.AvailableZoneCode;
  if (!az) return [];
  return [
    {
      ImageId: privateImageId(customerId),
      ImageName: 'web-golden-centos7.9',
      AvailableZoneCode: az,
      OsType: 'CentOS',
      OsVersion: '7.9',
      OsBit: 64,
      OsSize: 48,
      SupportType: ['cpu'],
      SupportGpuDriver: '',
      TemplateType: 'private',
      Username: 'root',
      IsOptimized: 1,
      CreateTime: PUBLISHED,
    },
  ];
}

/** Images the account can use: public ones and its own (but not those still being made). */
export function imagesOf(catalog: Catalog, account: AccountState): ImageRecord[] {
  return [...catalog.Images, ...account.PrivateImages.filter((i) => !i.Making)];
}

/** An image of the AZ by ImageId or by ImageName (a create takes either). */
export function findImage(catalog: Catalog, account: AccountState, azCode: string, idOrName: string): ImageRecord | undefined {
  const here = imagesOf(catalog, account).filter((i) => i.AvailableZoneCode === azCode);
  return here.find((i) => i.ImageId === idOrName) ?? here.find((i) => i.ImageName === idOrName);
}

/** Whether the image suits the spec: CPU images on CPU specs; GPU images on GPU specs of the same driver. */
export function imageSuits(image: ImageRecord, spec: SpecListInfo): string | undefined {
  const gpu = spec.Gpu > 0;
  if (!image.SupportType.includes(gpu ? 'gpu' : 'cpu'))
    return `image ${image.ImageId} (${image.ImageName}) is for ${image.SupportType.join('/')} instances, not ${gpu ? 'GPU' : 'CPU'} ones`;
  if (gpu && image.SupportGpuDriver !== spec.SupportGpuDriver)
    return `image ${image.ImageId} carries the ${image.SupportGpuDriver} GPU driver; the spec needs ${spec.SupportGpuDriver}`;
  return undefined;
}

/** The first public image of the AZ that suits the spec (seeded instances without an ImageId). */
export function defaultImageFor(catalog: Catalog, azCode: string, spec: SpecListInfo): ImageRecord | undefined {
  return catalog.Images.find((i) => i.AvailableZoneCode === azCode && imageSuits(i, spec) === undefined);
}
