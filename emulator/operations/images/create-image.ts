import { createImage } from '../../../openapi/operations/images';
import type { Catalog } from '../../store/catalog';
import { imagesOf } from '../../store/images';
import { randomId } from '../../store/store';
import type { AccountState, ImageRecord, InstanceRecord } from '../../store/types';
import { instanceOrThrow } from '../context';
import { implement } from '../implement';
import { assertImageNameFree, makingImage } from './image-rules';

/** The private image an instance makes: its OS, its system disk's size, what its spec runs on. */
function imageOf(catalog: Catalog, account: AccountState, instance: InstanceRecord, name: string, isOptimized: 0 | 1, now: number): ImageRecord {
  const source = imagesOf(catalog, account).find((i) => i.ImageId === instance.Os.ImageId);
  const gpu = instance.Spec.Gpu > 0;
  return {
    ImageId: randomId('img-'),
    ImageName: name,
    AvailableZoneCode: instance.AvailableZoneCode,
    OsType: instance.Os.OsType,
    OsVersion: instance.Os.Version,
    OsBit: instance.Os.Bit,
    OsSize: instance.SystemDisk.Size,
    SupportType: [gpu ? 'gpu' : 'cpu'],
    SupportGpuDriver: gpu ? instance.Spec.SupportGpuDriver : '',
    TemplateType: 'private',
    Username: source?.Username ?? (instance.Os.OsType.toLowerCase().startsWith('windows') ? 'administrator' : 'root'),
    IsOptimized: isOptimized,
    CreateTime: now,
    Making: true,
  };
}

/**
 * A running or shut-down instance is imaged: it shows creating_image meanwhile and returns to its
 * status after; the private image is listed once the event has ended (a failed one is dropped).
 */
export const createImageBehaviour = implement(createImage, {
  message: '创建私有镜像成功',
  run: (ctx, req) => {
    const instance = instanceOrThrow(ctx, req.EcsId);
    ctx.machine.assertCanTake('create_image', [instance]);
    assertImageNameFree(ctx, instance.AvailableZoneCode, req.Name, 'Name');
    const image = imageOf(ctx.store.catalog, ctx.account, instance, req.Name, req.IsOptimized ?? 0, ctx.clock.now());
    ctx.account.PrivateImages.push(image);
    const event = ctx.machine.start(ctx.account, 'create_image', [{ instance, extra: { PriorStatus: instance.Status, ImageId: image.ImageId } }]);
    return { EventId: event.EventId, ImageId: image.ImageId };
  },
  transitions: {
    create_image: {
      allowedFrom: ['running', 'shutdown'], passesThrough: 'creating_image', endsIn: null, defaultDurationS: 20, resource: 'ecs', display: '创建私有镜像',
      // Either way the instance returns to its status; the image is ready, or dropped.
      onSettle: ({ account, instance, pending, failed }) => {
        if (instance && pending.PriorStatus) instance.Status = pending.PriorStatus;
        makingImage(account, pending.ImageId, failed);
      },
    },
  },
});
