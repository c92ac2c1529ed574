import type { SpecListInfo } from '../../openapi/models';
import { EmulatorError, invalidParameter } from '../errors';
import type { Catalog } from '../store/catalog';
import { orderedSpec } from './create-rules';
import type { DiskRecord, InstanceRecord } from '../store/types';

export interface ConfigureTarget {
  AvailableZoneCode: string;
  EcsFamilyName: string;
  Cpu: number;
  Ram: number;
  Gpu: number;
}

const specKey = (i: InstanceRecord) => `${i.EcsFamilyName}/${i.Spec.Cpu}/${i.Spec.Ram}/${i.Spec.Gpu}`;
const unsupported = (msg: string) => new EmulatorError('UnsupportedOperation', msg);

/**
 * Every spec-change rule except the status one (the state machine checks that).
 * Answers the target spec row. Input that can never succeed is refused before state is looked at.
 */
export function checkChangeConfigure(catalog: Catalog, instances: readonly InstanceRecord[], target: ConfigureTarget): SpecListInfo {
  const first = instances[0]!;
  const odd = instances.filter(
    (i) => i.AvailableZoneCode !== first.AvailableZoneCode || i.BillingMethod !== first.BillingMethod || specKey(i) !== specKey(first),
  );
  if (odd.length)
    throw unsupported(
      `instances of one call must share availability zone, billing method and current spec; ${odd.map((i) => i.EcsId).join(',')} differ from ${first.EcsId}`,
    );
  if (target.AvailableZoneCode !== first.AvailableZoneCode)
    throw invalidParameter('AvailableZoneCode', `${target.AvailableZoneCode} is not the zone of the instances (${first.AvailableZoneCode})`);
  // The same catalogue rule as an order: the family and spec exist and are on sale (else SpecSoldOut).
  const { family, spec } = orderedSpec(catalog, { ...target, BillingMethod: first.BillingMethod });
  const fromGpu = first.Spec.Gpu > 0;
  if (fromGpu !== spec.Gpu > 0) throw unsupported(`cannot change a ${fromGpu ? 'GPU' : 'CPU'} instance to a ${fromGpu ? 'CPU' : 'GPU'} spec`);
  if (fromGpu && spec.SupportGpuDriver !== first.Spec.SupportGpuDriver)
    throw unsupported(`cannot change the GPU driver (${first.Spec.SupportGpuDriver} to ${spec.SupportGpuDriver})`);
  if (first.BillingMethod === '1' && (spec.Cpu < first.Spec.Cpu || spec.Ram < first.Spec.Ram || spec.Gpu < first.Spec.Gpu))
    throw unsupported(`monthly instances may only grow (now Cpu=${first.Spec.Cpu} Ram=${first.Spec.Ram} Gpu=${first.Spec.Gpu})`);
  const local = instances.filter((i) => hasLocalDisk(i));
  if (local.length && family.EcsFamilyName !== first.EcsFamilyName)
    throw unsupported(`instances with local disks stay in their family ${first.EcsFamilyName}: ${local.map((i) => i.EcsId).join(',')}`);
  if (family.EcsFamilyName === first.EcsFamilyName && spec.Cpu === first.Spec.Cpu && spec.Ram === first.Spec.Ram && spec.Gpu === first.Spec.Gpu)
    throw invalidParameter('EcsFamilyName/Cpu/Ram/Gpu', 'the target spec is the current spec');
  return spec;
}

const hasLocalDisk = (i: InstanceRecord) => [i.SystemDisk, ...i.DataDisks].some((d) => d.DiskFeature === 'local');

/** A disk extension's rules; the instance status and disk status are checked by the caller. */
export function checkExtendDisk(disk: DiskRecord, extendedSize: number): void {
  if (disk.DiskFeature === 'local') throw unsupported(`disk ${disk.DiskId} is a local disk; only ssd cloud disks can be extended`);
  if (extendedSize % 8 !== 0) throw invalidParameter('ExtendedSize', 'must be a multiple of 8');
  if (extendedSize <= disk.Size) throw invalidParameter('ExtendedSize', `must be larger than the current size ${disk.Size} GB`);
}
