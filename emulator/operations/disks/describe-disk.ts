import { describeDisk } from '../../../openapi/operations/disks';
import { toEbsDisk } from '../../store/disks';
import { implement } from '../implement';
import { diskOrThrow } from './disk-lookup';

export const describeDiskBehaviour = implement(describeDisk, {
  message: '获取云盘详情成功！',
  run: (ctx, req) => ({ DiskInfo: toEbsDisk(ctx.store.catalog, diskOrThrow(ctx, req.DiskId)) }),
});
