import { z } from '@hono/zod-openapi';

export const AzInfo = z
  .object({
    AzId: z.string().openapi({ description: 'Availability zone id (可用区ID).', example: 'e5aa47be-da46-11ec-bad2-defff767b3b5' }),
    AzName: z.string().openapi({ description: 'Availability zone name (可用区名称).', example: '呼和浩特B' }),
    AvailableZoneCode: z.string().openapi({ description: 'Availability zone code (可用区代码), used as a filter elsewhere.', example: 'CN_Hohhot_B' }),
  })
  .openapi('AzInfo');
export type AzInfo = z.infer<typeof AzInfo>;

export const RegionInfo = z
  .object({
    RegionId: z.string().openapi({ description: 'Region id (区域ID).', example: 'cdc9be22-a6f8-11eb-be28-ca1003d55bcc' }),
    RegionName: z.string().openapi({ description: 'Region name (区域名称).', example: '呼和浩特' }),
    RegionCode: z.string().openapi({ description: 'Region code (区域代码).', example: 'CN_Huhhot' }),
    AzList: z.array(AzInfo).openapi({ description: 'Availability zones of the region (可用区列表).' }),
  })
  .openapi('RegionInfo');
export type RegionInfo = z.infer<typeof RegionInfo>;

export const RegionGroup = z
  .object({
    RegionGroupId: z.string().openapi({ description: 'Region group id (区域组ID).', example: '408fd19e-fa78-11e6-bd9a-30b49e091019' }),
    RegionGroupName: z.string().openapi({ description: 'Region group name (区域组名称).', example: '中国' }),
    RegionList: z.array(RegionInfo).openapi({ description: 'Regions of the group (区域列表).' }),
  })
  .openapi('RegionGroup');
export type RegionGroup = z.infer<typeof RegionGroup>;
