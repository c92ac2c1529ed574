import { EmulatorError, invalidParameter } from '../../errors';
import type { AccountState, ImageRecord } from '../../store/types';
import type { OperationContext } from '../context';

/** Refuses a name another image of the zone has (or will have): an instance order may name its image. */
export function assertImageNameFree(ctx: Pick<OperationContext, 'account'>, az: string, name: string, field: string): void {
  if (ctx.account.PrivateImages.some((i) => i.AvailableZoneCode === az && i.ImageName === name))
    throw invalidParameter(field, `an image named ${name} already exists in ${az}`);
}

/** An image being made becomes listed, or is dropped when its event failed. */
export function makingImage(account: AccountState, imageId: string | undefined, failed: boolean): void {
  const image = account.PrivateImages.find((i) => i.ImageId === imageId);
  if (!image) return;
  if (failed) account.PrivateImages = account.PrivateImages.filter((i) => i !== image);
  else delete image.Making;
}

/** The private image and its copies in other zones: one image across zones. */
export function imageGroup(account: AccountState, image: ImageRecord): ImageRecord[] {
  const root = image.SourceImageId ?? image.ImageId;
  return account.PrivateImages.filter((i) => (i.SourceImageId ?? i.ImageId) === root);
}

/** A private image of the account by id (being made or not); public ones are refused as such. */
export function privateImageOrThrow(ctx: Pick<OperationContext, 'account' | 'store'>, imageId: string, field: string): ImageRecord {
  const own = ctx.account.PrivateImages.find((i) => i.ImageId === imageId);
  if (own) return own;
  if (ctx.store.catalog.Images.some((i) => i.ImageId === imageId)) throw new EmulatorError('UnsupportedOperation', `${field}: ${imageId} is a public image; only private images can be changed`);
  throw new EmulatorError('ImageNotFound', `image ${imageId} not found`);
}
