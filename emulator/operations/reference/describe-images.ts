import { describeImages } from '../../../openapi/operations/images';
import { invalidParameter } from '../../errors';
import { findAz } from '../../store/catalog';
import { imagesOf } from '../../store/images';
import { toImageInfo } from '../../store/views';
import { implement } from '../implement';

/** Public images and the caller's own, filtered by AZ and ids (ImageIds arrive as a JSON array string). */
export const describeImagesBehaviour = implement(describeImages, {
  message: '获取镜像信息成功！',
  run: (ctx, req) => {
    const az = req.AvailableZoneCode;
    if (az && !findAz(ctx.store.catalog, az)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${az}`);
    const images = imagesOf(ctx.store.catalog, ctx.account).filter((i) => (!az || i.AvailableZoneCode === az) && (!req.ImageIds?.length || req.ImageIds.includes(i.ImageId)));
    return { ImageList: images.map((i) => toImageInfo(ctx.store.catalog, i)) };
  },
});
