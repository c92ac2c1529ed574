import { describeEcsAttachDisks } from '../../../openapi/operations/disks';
import { cloudDisks, toEbsDisk } from '../../store/disks';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';

/** The instance's cloud disks, system first, then the data disks in slot order; local disks are not EBS disks. */
export const describeEcsAttachDisksBehaviour = implement(describeEcsAttachDisks, {
  message: '获取实例挂载的云盘信息成功！',
  run: (ctx, req) => {
    const instance = instanceOrThrow(ctx, req.InstanceId);
    const DiskList = cloudDisks(ctx.account)
      .filter((l) => l.instance === instance)
      .map((l) => toEbsDisk(ctx.store.catalog, l));
    return { DiskList };
  },
});
