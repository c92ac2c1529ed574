/**
 * The upstream wire contract of the fourteen SDK methods: Action name, service path and HTTP method.
 * Both the signed client and the emulator's router read this one table.
 */
export type EcsService = 'ecs' | 'ebs';
export type HttpMethod = 'GET' | 'POST';
/** The version segment of the path: every action is on `v1` except DescribeImages (`v1.1`). */
export type PathVersion = 'v1' | 'v1.1';

export interface UpstreamAction {
  /** The `Action` query value. */
  action: string;
  /** Services (path `/<service>/<version>`) that serve the action; the first is the primary. */
  services: readonly EcsService[];
  version: PathVersion;
  method: HttpMethod;
  /** The success envelope uses lower-case `code` and `Message` (with `CodeMsg`) instead of `Code`/`Msg`. */
  lowerCaseEnvelope: boolean;
}

export const UPSTREAM_ACTIONS = {
  DescribeRegions: { action: 'DescribeRegions', services: ['ecs'], version: 'v1', method: 'GET', lowerCaseEnvelope: false },
  DescribeTaskEvent: { action: 'DescribeEvent', services: ['ecs', 'ebs'], version: 'v1', method: 'GET', lowerCaseEnvelope: false },
  DescribeInstanceList: { action: 'DescribeInstanceList', services: ['ecs'], version: 'v1', method: 'GET', lowerCaseEnvelope: true },
  DescribeInstance: { action: 'DescribeInstance', services: ['ecs'], version: 'v1', method: 'GET', lowerCaseEnvelope: true },
  OperateInstance: { action: 'OperateInstance', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: true },
  ModifyInstanceName: { action: 'ModifyInstanceName', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  DescribeEcsFamilyInfo: { action: 'DescribeEcsFamilyInfo', services: ['ecs'], version: 'v1', method: 'GET', lowerCaseEnvelope: false },
  ChangeInstanceConfigure: { action: 'ChangeInstanceConfigure', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  ExtendDisk: { action: 'ExtendDisk', services: ['ebs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  CreateInstance: { action: 'CreateInstance', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  DeleteInstance: { action: 'DeleteInstance', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  ModifyInstancePassword: { action: 'ModifyInstancePassword', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  // Its published answer pairs `Code` with `Message`; readers accept either message field.
  DescribeInstanceStatus: { action: 'DescribeInstanceStatus', services: ['ecs'], version: 'v1', method: 'POST', lowerCaseEnvelope: false },
  DescribeImages: { action: 'DescribeImages', services: ['ecs'], version: 'v1.1', method: 'GET', lowerCaseEnvelope: false },
} as const satisfies Record<string, UpstreamAction>;

export type SdkMethodName = keyof typeof UPSTREAM_ACTIONS;

export const servicePath = (service: EcsService, version: PathVersion = 'v1'): string => `/${service}/${version}`;

/** Every path an action is served on (the primary first). */
export const actionPaths = (spec: UpstreamAction): string[] => spec.services.map((s) => servicePath(s, spec.version));

/** Fixed protocol values of SignatureVersion 1.0. */
export const API_VERSION = '2019-08-08';
export const SIGNATURE_METHOD = 'HMAC-SHA1';
export const SIGNATURE_VERSION = '1.0';
export const COMMON_PARAMS = ['Action', 'AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'] as const;
