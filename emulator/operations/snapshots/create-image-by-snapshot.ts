import { createImageBySnapshot } from '../../../openapi/operations/snapshots';
import { EmulatorError } from '../../errors';
import { imagesOf } from '../../store/images';
import { randomId } from '../../store/store';
import { implement } from '../implement';
import { assertImageNameFree, makingImage } from '../images/image-rules';
import { assertSnapshotStatus, snapshotOrThrow } from './snapshot-rules';

/**
 * A running system-disk snapshot becomes a private image in its zone, with the OS it was taken
 * with; listed once the event ended (dropped if it failed). The snapshot keeps its status.
 */
export const createImageBySnapshotBehaviour = implement(createImageBySnapshot, {
  message: '系统盘快照创建镜像成功！',
  run: (ctx, req) => {
    const snapshot = snapshotOrThrow(ctx.account, req.SnapshotId);
    if (snapshot.DiskProperty !== 'system' || !snapshot.Os) throw new EmulatorError('UnsupportedOperation', `snapshot ${snapshot.SnapshotId} is of a data disk: images are made from system-disk snapshots`);
    assertSnapshotStatus(snapshot, ['running'], 'an image');
    assertImageNameFree(ctx, snapshot.AvailableZoneCode, req.ImageName, 'ImageName');
    const os = snapshot.Os;
    const source = imagesOf(ctx.store.catalog, ctx.account).find((i) => i.ImageId === os.ImageId);
    const ImageId = randomId('img-');
    ctx.account.PrivateImages.push({
      ImageId,
      ImageName: req.ImageName,
      AvailableZoneCode: snapshot.AvailableZoneCode,
      OsType: os.OsType,
      OsVersion: os.Version,
      OsBit: os.Bit,
      OsSize: snapshot.DiskSize,
      SupportType: source ? [...source.SupportType] : ['cpu'],
      SupportGpuDriver: source?.SupportGpuDriver ?? '',
      TemplateType: 'private',
      Username: source?.Username ?? (os.OsType.toLowerCase().startsWith('windows') ? 'administrator' : 'root'),
      IsOptimized: req.IsOptimized ?? 0,
      CreateTime: ctx.clock.now(),
      Making: true,
      SourceSnapshotId: snapshot.SnapshotId,
    });
    const event = ctx.machine.start(ctx.account, 'create_image_by_snapshot', [{ resourceId: snapshot.SnapshotId, extra: { ImageId, SnapshotId: snapshot.SnapshotId } }]);
    return { EventId: event.EventId, ImageId };
  },
  transitions: {
    create_image_by_snapshot: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 20, resource: 'snapshot', display: '快照创建镜像',
      onSettle: ({ account, pending, failed }) => makingImage(account, pending.ImageId, failed),
    },
  },
});
