import type { z } from 'zod';
import type { CreateInstanceReq, FamilyInfo, SecurityGroupInfo, SpecListInfo } from '../../openapi/models';
import { EmulatorError, invalidParameter } from '../errors';
import { familiesFor, findAz, stockOf, type Catalog } from '../store/catalog';
import { findImage, imageSuits } from '../store/images';
import { findSubnet, findVpc, inSubnet, usedAddresses } from '../store/networks';
import { defaultSecurityGroup } from '../store/store';
import type { AccountState, ImageRecord, SubnetRecord, VpcRecord } from '../store/types';
import { chinaTime } from './clock';

export type CreateRequest = z.output<typeof CreateInstanceReq>;

/** Everything a create needs once every rule has passed. */
export interface CreatePlan {
  familyName: string;
  spec: SpecListInfo;
  image: ImageRecord;
  vpc: VpcRecord;
  subnet: SubnetRecord;
  /** One per instance: the asked addresses, or undefined for the next free one. */
  addresses: (string | undefined)[];
  names: string[];
  securityGroups: SecurityGroupInfo[];
}

/** What an order (instances bought, or a price quote) names of the catalogue. */
export interface SpecOrder {
  AvailableZoneCode: string;
  BillingMethod: '0' | '1';
  /** Absent (a quote may leave it out): the first family of the zone with the spec. */
  EcsFamilyName?: string;
  Cpu: number;
  Ram: number;
  Gpu: number;
}

/** The family and spec an order names: sold in the zone for the billing method, and on sale (else SpecSoldOut). */
export function orderedSpec(catalog: Catalog, req: SpecOrder): { family: FamilyInfo; spec: SpecListInfo } {
  const az = req.AvailableZoneCode;
  const same = (s: SpecListInfo) => s.Cpu === req.Cpu && s.Ram === req.Ram && s.Gpu === req.Gpu;
  const families = familiesFor(catalog, az, req.BillingMethod);
  const family = req.EcsFamilyName === undefined ? families.find((f) => f.SpecList.some(same)) : families.find((f) => f.EcsFamilyName === req.EcsFamilyName);
  if (!family) throw invalidParameter('EcsFamilyName', req.EcsFamilyName === undefined ? `no family in ${az} has the spec Cpu=${req.Cpu} Ram=${req.Ram} Gpu=${req.Gpu}` : `no family ${req.EcsFamilyName} in ${az} for billing method ${req.BillingMethod}`);
  const spec = family.SpecList.find(same);
  if (!spec) throw invalidParameter('Cpu/Ram/Gpu', `family ${family.EcsFamilyName} has no spec Cpu=${req.Cpu} Ram=${req.Ram} Gpu=${req.Gpu} in ${az}`);
  if (stockOf(catalog, { AvailableZoneCode: az, EcsFamilyName: family.EcsFamilyName, ...spec }) === 'SELLOUT')
    throw new EmulatorError('SpecSoldOut', `spec Cpu=${spec.Cpu} Ram=${spec.Ram} Gpu=${spec.Gpu} of ${family.EcsFamilyName} is sold out in ${az}`);
  return { family, spec };
}

/**
 * A create's rules that need the catalog and the account (the request model has checked the
 * shape, counts, Duration and PubnetInfo already). Each refusal names the field; nothing changes.
 */
export function checkCreateInstance(catalog: Catalog, account: AccountState, req: CreateRequest, now: number): CreatePlan {
  const az = req.AvailableZoneCode;
  if (!findAz(catalog, az)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${az}`);

  const { family, spec } = orderedSpec(catalog, { ...req, Gpu: req.Gpu ?? 0 });

  const image = findImage(catalog, account, az, req.ImageId);
  if (!image) throw invalidParameter('ImageId', `no image ${req.ImageId} (id or name) in ${az}`);
  const unsuited = imageSuits(image, spec);
  if (unsuited) throw invalidParameter('ImageId', unsuited);

  const localFamily = catalog.LocalDiskFamilies.includes(family.EcsFamilyName);
  if (req.SystemDisk.DiskFeature === 'local' && !localFamily)
    throw invalidParameter('SystemDisk.DiskFeature', `local disks only for local-disk families (${catalog.LocalDiskFamilies.join(', ')}), not ${family.EcsFamilyName}`);
  if (req.SystemDisk.Size < image.OsSize) throw invalidParameter('SystemDisk.Size', `image ${image.ImageId} needs a system disk of at least ${image.OsSize} GB`);
  const dataDisks = req.DataDisk ?? [];
  if (new Set(dataDisks.map((d) => d.DiskFeature)).size > 1) throw invalidParameter('DataDisk', 'must not mix local and ssd data disks');
  if (dataDisks.some((d) => d.DiskFeature === 'local') && !localFamily)
    throw invalidParameter('DataDisk.DiskFeature', `local disks only for local-disk families, not ${family.EcsFamilyName}`);

  // Another account's VPC or subnet is answered as not found, like any other id of another account.
  const vpc = findVpc(account, req.VpcInfo.VpcId);
  if (!vpc) throw invalidParameter('VpcInfo.VpcId', `no VPC ${req.VpcInfo.VpcId}`);
  const region = findAz(catalog, az)!.region;
  if (vpc.RegionCode !== region.RegionCode) throw invalidParameter('VpcInfo.VpcId', `VPC ${vpc.VpcId} is in region ${vpc.RegionCode}, not ${region.RegionCode} of ${az}`);
  const found = findSubnet(account, req.SubnetInfo.SubnetId);
  if (!found) throw invalidParameter('SubnetInfo.SubnetId', `no subnet ${req.SubnetInfo.SubnetId}`);
  if (found.vpc.VpcId !== vpc.VpcId) throw invalidParameter('SubnetInfo.SubnetId', `subnet ${found.subnet.SubnetId} belongs to VPC ${found.vpc.VpcId}, not ${vpc.VpcId}`);
  if (found.subnet.AvailableZoneCode !== az) throw invalidParameter('SubnetInfo.SubnetId', `subnet ${found.subnet.SubnetId} is in ${found.subnet.AvailableZoneCode}, not ${az}`);

  const asked = req.SubnetInfo.IpAddress;
  if (asked) {
    const used = usedAddresses(account, found.subnet.SubnetId);
    asked.forEach((ip, i) => {
      if (!inSubnet(found.subnet, ip)) throw invalidParameter(`SubnetInfo.IpAddress.${i}`, `${ip} is not a host address of ${found.subnet.Cidr}`);
      if (used.has(ip) || asked.indexOf(ip) !== i) throw invalidParameter(`SubnetInfo.IpAddress.${i}`, `${ip} is already in use`);
    });
  }

  const own = defaultSecurityGroup(account);
  const securityGroups = (req.SecurityGroups ?? []).map((g, i) => {
    if (g.SecurityGroupId !== own.SecurityGroupId) throw invalidParameter(`SecurityGroups.${i}.SecurityGroupId`, `no security group ${g.SecurityGroupId}`);
    return own;
  });

  return {
    familyName: family.EcsFamilyName,
    spec,
    image,
    vpc,
    subnet: found.subnet,
    addresses: Array.from({ length: req.Number }, (_, i) => asked?.[i]),
    names: instanceNames(req, now),
    securityGroups: securityGroups.length ? securityGroups : [own],
  };
}

/**
 * `Name`, or `ecs-<creation date>` when it is empty or absent (date in UTC when UtcTime=1, else
 * China time). A StartNumber of 1 or more numbers the instances from it (`web7`, `web8`…); without
 * one every instance gets the same name, as the upstream documents ("不需要服务器编号可不传").
 */
export function instanceNames(req: Pick<CreateRequest, 'Name' | 'StartNumber' | 'Number' | 'UtcTime'>, now: number): string[] {
  const date = (req.UtcTime === 1 ? new Date(now).toISOString().slice(0, 10) : chinaTime(now).slice(0, 10)).replaceAll('-', '');
  const base = req.Name?.trim() || `ecs-${date}`;
  return Array.from({ length: req.Number }, (_, i) => (req.StartNumber && req.StartNumber > 0 ? `${base}${req.StartNumber + i}` : base));
}

/**
 * End of a monthly term: Duration months after purchase (default 1); with IsToMonth (the default)
 * the term runs to the first day of the month after that (bought 07-22 for a month → 08-01).
 */
export function monthlyTermEnd(now: number, duration = 1, toMonth: 0 | 1 = 1): number {
  const china = new Date(now + 8 * 3600_000);
  const y = china.getUTCFullYear();
  const m = china.getUTCMonth() + duration;
  const end = toMonth === 1 ? Date.UTC(y, m, 1) : Date.UTC(y, m, china.getUTCDate(), china.getUTCHours(), china.getUTCMinutes(), china.getUTCSeconds());
  return end - 8 * 3600_000;
}
