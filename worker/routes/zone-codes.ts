import type { Context } from 'hono';
import type { RegionGroup } from '../../openapi/models';
import { readCachedReference } from '../cache/reference-cache';
import type { GatewayEnv } from '../env';
import { describeRegions } from '../../openapi/operations/regions';
import { referenceOf } from '../cache/operation-reference';

// Instance answers name their zone by AzId only, while spec changes and creates
// take its AvailableZoneCode. The gateway joins the code in from the cached regions, so callers
// need not; the instance answer never waits on or fails with the regions.

/** AzId → AvailableZoneCode from the cached regions; undefined when they cannot be read. */
async function zoneCodesByAzId(c: Context<GatewayEnv>): Promise<Map<string, string> | undefined> {
  try {
    const { entry } = await readCachedReference(c, await referenceOf(c, describeRegions, {}));
    const groups = (entry.body as { RegionGroups?: RegionGroup[] }).RegionGroups ?? [];
    return new Map(groups.flatMap((g) => g.RegionList ?? []).flatMap((r) => r.AzList ?? []).map((az) => [az.AzId, az.AvailableZoneCode]));
  } catch (err) {
    console.warn('zone codes: regions unavailable, instance answer sent without AvailableZoneCode', err instanceof Error ? err.message : err);
    return undefined;
  }
}

/** The rows with AvailableZoneCode set from their AzId (a code upstream already gave is kept). */
export async function withZoneCodes<T extends { AzId: string; AvailableZoneCode?: string }>(c: Context<GatewayEnv>, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const codes = await zoneCodesByAzId(c);
  if (!codes) return rows;
  return rows.map((row) => {
    const code = row.AvailableZoneCode ?? codes.get(row.AzId);
    return code === undefined ? row : { ...row, AvailableZoneCode: code };
  });
}
