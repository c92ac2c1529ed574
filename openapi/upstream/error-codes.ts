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
