/**
 * Fixed facts of the upstream wire protocol. Which action is served where is each operation's
 * `upstream` row (openapi/operations/); both the signed client and the emulator's router read those.
 */
export type EcsService = 'ecs' | 'ebs';
export type HttpMethod = 'GET' | 'POST';
/** The version segment of the path: every action is on `v1` except the image list (`v1.1`). */
export type PathVersion = 'v1' | 'v1.1';

export const servicePath = (service: EcsService, version: PathVersion = 'v1'): string => `/${service}/${version}`;

/** Every path an action is served on (the primary first). */
export const actionPaths = (row: { services: readonly EcsService[]; version?: PathVersion }): string[] => row.services.map((s) => servicePath(s, row.version));

/** Fixed protocol values of SignatureVersion 1.0. */
export const API_VERSION = '2019-08-08';
export const SIGNATURE_METHOD = 'HMAC-SHA1';
export const SIGNATURE_VERSION = '1.0';
export const COMMON_PARAMS = ['Action', 'AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'] as const;
