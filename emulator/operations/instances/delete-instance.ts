import { detachedDisk } from '../../store/disks';
import { deleteInstance } from '../../../openapi/operations/instances';
import { EmulatorError } from '../../errors';
import { toRecycleBin } from '../../state/lifecycle';
import { instancesOrThrow } from '../context';
import { implement } from '../implement';

/**
 * Deleting: `deleting`, then `deleted` in the recycle bin (hidden from every read, as a gone
 * instance; recoverable by the control API until its retention ends, state/lifecycle.ts). Refused whole (nothing changes) for a monthly instance (its term
 * ends it; the upstream sells no early release through this API) and for an instance mid-transition
 * (wait for it to end). DeleteEip is accepted; public addresses are not separate resources here, so
 * they leave with the instance either way.
 */
export const deleteInstanceBehaviour = implement(deleteInstance, {
  message: '删除云服务器任务下发成功！',
  run: (ctx, req) => {
    const instances = instancesOrThrow(ctx, req.EcsIds);
    const monthly = instances.filter((i) => i.BillingMethod === '1');
    if (monthly.length) throw new EmulatorError('UnsupportedOperation', `monthly instances end with their term and cannot be deleted: ${monthly.map((i) => i.EcsId).join(',')}`);
    ctx.machine.assertCanTake('delete_ecs', instances);
    const event = ctx.machine.start(ctx.account, 'delete_ecs', instances.map((instance) => ({ instance, extra: { DeleteEip: req.DeleteEip, PriorStatus: instance.Status } })));
    return { EventId: event.EventId };
  },
  transitions: {
    // Not mid-transition (wait for it to end) and not while building; the instance leaves the account's reads when it ends.
    delete_ecs: {
      allowedFrom: ['running', 'shutdown', 'error', 'failed'], passesThrough: 'deleting', endsIn: 'deleted', defaultDurationS: 5, resource: 'ecs', display: '删除云服务器',
      next: 'recycle_bin_ecs',
      // Data disks with ReleaseWithInstance 0 are kept, detached, at once; the rest wait in the bin with the instance.
      onEnd: ({ account, instance, pending }) => {
        for (const d of instance.DataDisks) if (d.ReleaseWithInstance === 0) account.KeptDisks.push({ ...detachedDisk(d, instance.AvailableZoneCode), Status: 'waiting' });
        instance.DataDisks = instance.DataDisks.filter((d) => d.ReleaseWithInstance !== 0);
        toRecycleBin(account, instance, pending.PriorStatus);
      },
    },
  },
});
