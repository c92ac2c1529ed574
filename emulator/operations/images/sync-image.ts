import { syncImage } from '../../../openapi/operations/images';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { randomId } from '../../store/store';
import { implement } from '../implement';
import { imageGroup, makingImage, privateImageOrThrow } from './image-rules';

/**
 * A private image is copied to other zones: each copy has an id of its own and the same name, and
 * is listed once the event has ended. A zone that has the image already is refused.
 */
export const syncImageBehaviour = implement(syncImage, {
  message: '同步私有镜像成功！',
  run: (ctx, req) => {
    const image = privateImageOrThrow(ctx, req.ImageId, 'ImageId');
    if (image.Making) throw invalidParameter('ImageId', `image ${image.ImageId} is still being made`);
    const zones = [...new Set(req.AvailableZoneCodes)];
    const unknown = zones.filter((z) => !findAz(ctx.store.catalog, z));
    if (unknown.length) throw invalidParameter('AvailableZoneCodes', `unknown availability zones ${unknown.join(',')}`);
    const group = imageGroup(ctx.account, image);
    const present = zones.filter((z) => group.some((i) => i.AvailableZoneCode === z));
    if (present.length) throw invalidParameter('AvailableZoneCodes', `the image is already in ${present.join(',')}`);
    const taken = zones.filter((z) => ctx.account.PrivateImages.some((i) => i.AvailableZoneCode === z && i.ImageName === image.ImageName));
    if (taken.length) throw invalidParameter('AvailableZoneCodes', `another image named ${image.ImageName} is in ${taken.join(',')}`);
    const now = ctx.clock.now();
    const copies = zones.map((AvailableZoneCode) => ({
      ...image,
      SupportType: [...image.SupportType],
      ImageId: randomId('img-'),
      AvailableZoneCode,
      CreateTime: now,
      Making: true as const,
      SourceImageId: image.SourceImageId ?? image.ImageId,
    }));
    ctx.account.PrivateImages.push(...copies);
    const event = ctx.machine.start(ctx.account, 'sync_image', copies.map((c) => ({ resourceId: c.ImageId, extra: { ImageId: c.ImageId } })));
    return { EventId: event.EventId };
  },
  transitions: {
    sync_image: {
      allowedFrom: [], passesThrough: null, endsIn: null, defaultDurationS: 15, resource: 'image', display: '同步私有镜像',
      onSettle: ({ account, pending, failed }) => makingImage(account, pending.ImageId, failed),
    },
  },
});
