/**
 * Upstream error codes this project knows, with the HTTP status the upstream (and the emulator)
 * answers them with. The gateway maps any code by this table first, then by its shape.
 */
export const UPSTREAM_ERRORS = {
  MissingParameter: 400,
  InvalidParameter: 400,
  InvalidAction: 400,
  /** A spec-change or disk-extension rule forbids the change. */
  UnsupportedOperation: 400,
  InvalidAccessKeyId: 403,
  SignatureDoesNotMatch: 403,
  RequestExpired: 403,
  SignatureNonceUsed: 403,
  InstanceNotFound: 404,
  DiskNotFound: 404,
  EventNotFound: 404,
  ImageNotFound: 404,
  SnapshotNotFound: 404,
  /** The AZ's disk quota (DescribeDiskQuota) or an instance's 16 data-disk slots are used up. */
  QuotaExceeded: 409,
  InvalidInstanceStatus: 409,
  InvalidDiskStatus: 409,
  /** The ordered spec is sold out in the zone (its spec list shows SELLOUT). */
  SpecSoldOut: 409,
  /** Deleting an image: an instance is being built from the image, or the image is being made or copied. */
  ImageInUse: 409,
  InvalidSnapshotStatus: 409,
  /** Taking a snapshot: the disk has as many snapshots as its quota allows. */
  SnapshotQuotaExceeded: 409,
  /** Too many calls; retry later. */
  Throttling: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
} as const;

export type UpstreamErrorCode = keyof typeof UPSTREAM_ERRORS;

/** What the upstream writes when a disk id names no disk of the account (with InvalidParameter). */
export const DISK_GONE_MESSAGE = '云盘信息不存在';

/**
 * Upstream answers whose code says less than they mean: an answer with `code` whose message
 * contains `messageIncludes` is the code `means`. A missing disk is InvalidParameter upstream
 * (the CSI driver tells a gone disk by that pair); the gateway answers 404 DiskNotFound.
 */
export const UPSTREAM_ERROR_QUIRKS: readonly { code: UpstreamErrorCode; messageIncludes: string; means: UpstreamErrorCode }[] = [
  { code: 'InvalidParameter', messageIncludes: DISK_GONE_MESSAGE, means: 'DiskNotFound' },
];

/** The code an upstream answer means, its quirks read. */
export function meaningOf(code: string, message: string): string {
  return UPSTREAM_ERROR_QUIRKS.find((q) => q.code === code && message.includes(q.messageIncludes))?.means ?? code;
}
