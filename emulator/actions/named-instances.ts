import type { SdkMethodName } from '../../openapi/upstream/actions';
import { findDiskIn } from '../store/store';
import type { AccountState } from '../store/types';
import { requestOf, type ActionInput } from './run-action';

/**
 * The instances a call names, which per-instance call faults match: its `EcsId`, its `EcsIds`
 * (a list filter included), or the instance owning its `DiskId` in the caller's account.
 * Read before the input is validated (faults come first), so input that cannot be read names none.
 */
export function instancesNamed(sdk: SdkMethodName, account: AccountState, input: ActionInput): string[] {
  let request: unknown;
  try {
    request = requestOf(sdk, input);
  } catch {
    return [];
  }
  if (!request || typeof request !== 'object') return [];
  const { EcsId, EcsIds, DiskId } = request as Record<string, unknown>;
  const named = Array.isArray(EcsIds) ? EcsIds.filter((id): id is string => typeof id === 'string') : [];
  if (typeof EcsId === 'string') named.push(EcsId);
  const owner = typeof DiskId === 'string' ? findDiskIn(account, DiskId)?.instance.EcsId : undefined;
  if (owner) named.push(owner);
  return named;
}
