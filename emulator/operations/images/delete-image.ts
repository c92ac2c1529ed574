import { deleteImage } from '../../../openapi/operations/images';
import { EmulatorError, invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import type { ImageRecord } from '../../store/types';
import { implement } from '../implement';
import { imageGroup, privateImageOrThrow } from './image-rules';

/**
 * Private images leave the listing at once: one zone's copy with AvailableZoneCode, else the image
 * in every zone. Refused while an instance is being built from one, or one is being made or copied.
 */
export const deleteImageBehaviour = implement(deleteImage, {
  message: '删除节点镜像成功!',
  run: (ctx, req) => {
    const az = req.AvailableZoneCode;
    if (az && !findAz(ctx.store.catalog, az)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${az}`);
    const doomed = new Set<ImageRecord>();
    for (const id of new Set(req.ImageIds)) {
      const group = imageGroup(ctx.account, privateImageOrThrow(ctx, id, 'ImageIds'));
      const here = az ? group.filter((i) => i.AvailableZoneCode === az) : group;
      if (here.length === 0) throw new EmulatorError('ImageNotFound', `image ${id} has no copy in ${az}`);
      for (const i of here) doomed.add(i);
    }
    const ids = new Set([...doomed].map((i) => i.ImageId));
    const making = [...doomed].filter((i) => i.Making).map((i) => i.ImageId);
    if (making.length) throw new EmulatorError('ImageInUse', `images ${making.join(',')} are being made or copied; wait for the event to end`);
    const building = [...ctx.account.Instances.values()].filter((i) => i.Status === 'building' && ids.has(i.Os.ImageId));
    if (building.length) throw new EmulatorError('ImageInUse', `instances ${building.map((i) => i.EcsId).join(',')} are being built from the image`);
    ctx.account.PrivateImages = ctx.account.PrivateImages.filter((i) => !ids.has(i.ImageId));
    const event = ctx.machine.start(ctx.account, 'delete_image', [...ids].map((resourceId) => ({ resourceId })));
    return { EventId: event.EventId };
  },
  transitions: {
    // The images are gone from the answer on; the event only records the deletion.
    delete_image: { allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 3, resource: 'image', display: '删除镜像' },
  },
});
