/**
 * The upstream wire contract of the nine SDK methods: Action name, service path and HTTP method.
 * Both the signed client and the emulator's router read this one table.
 */
export type EcsService = 'ecs' | 'ebs';
export type HttpMethod = 'GET' | 'POST';

export interface UpstreamAction {
  /** The `Action` query value. */
  action: string;
  /** Services (path `/<service>/v1`) that serve the action; the first is the primary. */
  services: readonly EcsService[];
  method: HttpMethod;
  /** The success envelope uses lower-case `code` and `Message` (with `CodeMsg`) instead of `Code`/`Msg`. */
  lowerCaseEnvelope: boolean;
}

export const UPSTREAM_ACTIONS = {
  DescribeRegions: { action: 'DescribeRegions', services: ['ecs'], method: 'GET', lowerCaseEnvelope: false },
  DescribeTaskEvent: { action: 'DescribeEvent', services: ['ecs', 'ebs'], method: 'GET', lowerCaseEnvelope: false },
  DescribeInstanceList: { action: 'DescribeInstanceList', services: ['ecs'], method: 'GET', lowerCaseEnvelope: true },
  DescribeInstance: { action: 'DescribeInstance', services: ['ecs'], method: 'GET', lowerCaseEnvelope: true },
  OperateInstance: { action: 'OperateInstance', services: ['ecs'], method: 'POST', lowerCaseEnvelope: true },
  ModifyInstanceName: { action: 'ModifyInstanceName', services: ['ecs'], method: 'POST', lowerCaseEnvelope: false },
  DescribeEcsFamilyInfo: { action: 'DescribeEcsFamilyInfo', services: ['ecs'], method: 'GET', lowerCaseEnvelope: false },
  ChangeInstanceConfigure: { action: 'ChangeInstanceConfigure', services: ['ecs'], method: 'POST', lowerCaseEnvelope: false },
  ExtendDisk: { action: 'ExtendDisk', services: ['ebs'], method: 'POST', lowerCaseEnvelope: false },
} as const satisfies Record<string, UpstreamAction>;

export type SdkMethodName = keyof typeof UPSTREAM_ACTIONS;

export const servicePath = (service: EcsService): string => `/${service}/v1`;

/** Fixed protocol values of SignatureVersion 1.0. */
export const API_VERSION = '2019-08-08';
export const SIGNATURE_METHOD = 'HMAC-SHA1';
export const SIGNATURE_VERSION = '1.0';
export const COMMON_PARAMS = ['Action', 'AccessKeyId', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'Timestamp', 'Version', 'Signature'] as const;
