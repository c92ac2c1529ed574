import type { Catalog } from './catalog';
import type { AccountState, InstanceRecord, SubnetRecord, VpcRecord } from './types';

// Each account's private networks: one VPC per region, one subnet per AZ of that region. The ids
// are readable and fixed (region / AZ code plus the account's CustomerId), so docs and tests can
// name them and every account's ids differ.

const slug = (code: string) => code.toLowerCase().replaceAll('_', '-');

export const vpcIdOf = (regionCode: string, customerId: string) => `vpc-${slug(regionCode)}-${customerId.toLowerCase()}`;
export const subnetIdOf = (azCode: string, customerId: string) => `subnet-${slug(azCode)}-${customerId.toLowerCase()}`;

/** The default networks of an account; subnet n of the catalog gets 10.(16+n).0.0/16. */
export function defaultVpcs(catalog: Catalog, customerId: string): VpcRecord[] {
  let azIndex = 0;
  return catalog.Regions.flatMap((group) =>
    group.RegionList.map((region) => ({
      VpcId: vpcIdOf(region.RegionCode, customerId),
      VpcName: `${region.RegionName}-VPC`,
      RegionCode: region.RegionCode,
      Subnets: region.AzList.map((az) => ({
        SubnetId: subnetIdOf(az.AvailableZoneCode, customerId),
        SubnetName: `${az.AzName}-subnet`,
        AvailableZoneCode: az.AvailableZoneCode,
        Cidr: `10.${16 + (azIndex++ % 200)}.0.0/16`,
      })),
    })),
  );
}

export function findVpc(account: AccountState, vpcId: string): VpcRecord | undefined {
  return account.Vpcs.find((v) => v.VpcId === vpcId);
}

/** The subnet of the account and the VPC it belongs to. */
export function findSubnet(account: AccountState, subnetId: string): { vpc: VpcRecord; subnet: SubnetRecord } | undefined {
  for (const vpc of account.Vpcs) {
    const subnet = vpc.Subnets.find((s) => s.SubnetId === subnetId);
    if (subnet) return { vpc, subnet };
  }
  return undefined;
}

/** The account's default subnet of an AZ (seeded instances live there). */
export function defaultSubnet(account: AccountState, azCode: string): { vpc: VpcRecord; subnet: SubnetRecord } | undefined {
  for (const vpc of account.Vpcs) {
    const subnet = vpc.Subnets.find((s) => s.AvailableZoneCode === azCode);
    if (subnet) return { vpc, subnet };
  }
  return undefined;
}

const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** Whether ip is a usable host address of the subnet (not its network or broadcast address). */
export function inSubnet(subnet: SubnetRecord, ip: string): boolean {
  if (!IPV4.test(ip)) return false;
  const [base, bits] = subnet.Cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const offset = toInt(ip) - toInt(base);
  return offset > 0 && offset < size - 1;
}

/** Private addresses in use in a subnet by the account's instances. */
export function usedAddresses(account: AccountState, subnetId: string, also: readonly InstanceRecord[] = []): Set<string> {
  const used = new Set<string>();
  // A deleted instance keeps its address while it can be recovered; a destroyed one frees it.
  const binned = [...account.RecycleBin.values()].filter((i) => i.Status !== 'destroy');
  for (const i of [...account.Instances.values(), ...binned, ...also]) if (i.SubnetId === subnetId) used.add(i.PrivateNet);
  return used;
}

/** The lowest free host address from .10 of the subnet (the first ones are kept for gateways). */
export function nextFreeAddress(subnet: SubnetRecord, used: Set<string>): string {
  const [base, bits] = subnet.Cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  for (let offset = 10; offset < size - 1; offset++) {
    const ip = toIp(toInt(base) + offset);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`subnet ${subnet.SubnetId} has no free address`);
}
