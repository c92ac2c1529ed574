import { z } from '@hono/zod-openapi';
import { FamilyInfo } from './family';
import { InstanceSimpleInfo } from './instance';

// Results that are more than one model: what the gateway's routes answer and what every EcsApi
// (signed upstream client, in-process emulator) returns. Declared once here for both.

export const DescribeInstanceListResult = z
  .object({
    EcsList: z.array(InstanceSimpleInfo).openapi({ description: 'The instances of this page.' }),
    PageNumber: z.number().int().openapi({ description: 'Page number of this answer.', example: 1 }),
    PageSize: z.number().int().openapi({ description: 'Rows per page.', example: 20 }),
    TotalCount: z.number().int().openapi({ description: 'Rows matching the filters, all pages.', example: 1 }),
  })
  .openapi('DescribeInstanceListResult');
export type DescribeInstanceListResult = z.infer<typeof DescribeInstanceListResult>;

export const DescribeEcsFamilyInfoResult = z
  .object({ EcsFamilyInfo: z.array(FamilyInfo).openapi({ description: 'Instance families with their specs.' }) })
  .openapi('DescribeEcsFamilyInfoResult');
export type DescribeEcsFamilyInfoResult = z.infer<typeof DescribeEcsFamilyInfoResult>;

export const InstanceEcsStatusData = z
  .object({
    Status: z.string().openapi({ description: 'Instance status code (状态码); see InstanceStatus.', example: 'running' }),
    StatusDisplay: z.string().openapi({ description: 'Status display name (状态).', example: '运行中' }),
  })
  .openapi('InstanceEcsStatusData');
export type InstanceEcsStatusData = z.infer<typeof InstanceEcsStatusData>;

export const DescribeInstanceStatusResult = z
  .object({
    EcsStatus: z.record(z.string(), InstanceEcsStatusData).openapi({
      description: 'Status of each listed instance, keyed by instance id (云服务器状态字典).',
      example: { 'ins-3j62nodr5w2daycj': { Status: 'running', StatusDisplay: '运行中' } },
    }),
  })
  .openapi('DescribeInstanceStatusResult');
export type DescribeInstanceStatusResult = z.infer<typeof DescribeInstanceStatusResult>;
