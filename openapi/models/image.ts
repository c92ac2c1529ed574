import { z } from '@hono/zod-openapi';
import { ChinaTime, binaryFlag } from './common';
import { UpstreamId, resourceId } from './ids';
import { MAX_IDS_PER_CALL, text } from './requests';

// Images (listed upstream on /ecs/v1.1): the request and the images it answers.

export const DescribeImagesReq = z
  .object({
    AvailableZoneCode: text(64).optional().openapi({ description: 'Only images of this availability zone (可用区code).', example: 'CN_Hohhot_B' }),
    ImageIds: z
      .array(resourceId('an image'))
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} image ids`)
      .optional()
      .openapi({ description: `Only these image ids (镜像id列表), at most ${MAX_IDS_PER_CALL}.` }),
  })
  .openapi('DescribeImagesReq');
export type DescribeImagesReq = z.infer<typeof DescribeImagesReq>;

/** Image template type: public (公共镜像) or private (私有镜像). */
export const TemplateType = z.enum(['public', 'private']);
export type TemplateType = z.infer<typeof TemplateType>;

// Answer fields stay open strings (passed through from upstream), with the known values described.
export const ImageInfo = z
  .object({
    AvailableZoneCode: z.string().openapi({ description: 'Availability zone code (可用区code).', example: 'CN_Hohhot_B' }),
    AzId: z.string().openapi({ description: 'Availability zone id (可用区ID).' }),
    AzName: z.string().openapi({ description: 'Availability zone name (可用区名称).' }),
    CreateTime: ChinaTime.openapi({ description: 'Creation time (创建时间), China time.' }),
    ImageId: z.string().openapi({ description: 'Image id (镜像id).', example: 'img-46faai4r9rnbu639' }),
    ImageName: z.string().openapi({ description: 'Image name (镜像名称); a create accepts it in place of the id.', example: 'Ubuntu 20.04 64位' }),
    IsOptimized: z.number().int().openapi({ description: 'Optimisation enabled: 1 yes, 0 no (镜像是否开启优化选项).', example: 1 }),
    OsBit: z.number().int().openapi({ description: 'OS word size (系统位数).', example: 64 }),
    OsSize: z.number().int().openapi({ description: 'Image size in GB (镜像容量); the smallest system disk it fits.', example: 24 }),
    OsType: z.string().openapi({ description: 'OS type (镜像类型), e.g. Ubuntu, CentOS, Windows.', example: 'Ubuntu' }),
    OsVersion: z.string().openapi({ description: 'OS version (镜像版本).', example: '20.04' }),
    Status: z.string().openapi({ description: 'Image status code (镜像状态code), e.g. running (可用).', example: 'running' }),
    StatusDisplay: z.string().openapi({ description: 'Image status display name (镜像状态中文).', example: '可用' }),
    SupportGpuDriver: z.string().openapi({ description: 'GPU driver the image supports (支持的GPU驱动类型); empty for CPU images.', example: 'Datacenter' }),
    SupportType: z.array(z.string()).openapi({ description: 'What the image runs on (支持类型), e.g. cpu, gpu.', example: ['gpu'] }),
    TemplateType: z.string().openapi({ description: 'public (公共镜像) or private (私有镜像).', example: 'public' }),
    Username: z.string().openapi({ description: 'Login user name (用户名称).', example: 'root' }),
  })
  .openapi('ImageInfo', { description: 'One image (镜像信息).' });
export type ImageInfo = z.infer<typeof ImageInfo>;

export const DescribeImagesResult = z
  .object({ ImageList: z.array(ImageInfo).openapi({ description: 'The images (镜像列表).' }) })
  .openapi('DescribeImagesResult');
export type DescribeImagesResult = z.infer<typeof DescribeImagesResult>;

// Making, copying and deleting the account's private images (/ecs/v1).

const ImageName = text(128)
  .min(1, 'must not be empty')
  .openapi({ description: 'Image name (镜像名称), 1–128 characters; POST /v1/instances accepts it in place of the id.', example: 'web-golden-2026' });
const TestAccount = text(128).optional().openapi({ description: 'Test project name (测试项目名称), from GET /v1/account/subjects.' });

export const CreateImageReq = z
  .object({
    EcsId: resourceId('an instance').openapi({ description: 'Instance to image (实例ID): running or shut down.', example: 'ins-demand-cpu-ssd' }),
    Name: ImageName,
    TestAccount,
    IsOptimized: binaryFlag.optional().openapi({ description: '1 turns on the optimisation option (优化加速), 0 off (default).', example: 0 }),
    ProjectId: text(128).optional().openapi({ description: 'Project group id (项目组ID).' }),
  })
  .openapi('CreateImageReq');
export type CreateImageReq = z.infer<typeof CreateImageReq>;

export const CreateImageResult = z
  .object({
    EventId: UpstreamId.openapi({ description: 'Event id; poll it at GET /v1/events/{EventId}.', example: 'd0b1d5b7-7549-41dc-972c-c40270b53bd7' }),
    ImageId: UpstreamId.openapi({ description: 'Id of the new private image (镜像资源id); listed once the event has ended.', example: 'img-wchmdfur5lpmh2bz' }),
  })
  .openapi('CreateImageResult', { description: 'The event and the id of the image being made.' });
export type CreateImageResult = z.infer<typeof CreateImageResult>;

export const DeleteImageReq = z
  .object({
    ImageIds: z
      .array(resourceId('an image'))
      .min(1, 'must list at least one image id')
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} image ids`)
      .openapi({ description: `Private image ids (镜像ID列表), 1–${MAX_IDS_PER_CALL}.`, example: ['img-private-web-e100001'] }),
    AvailableZoneCode: text(64).min(1, 'must not be empty').optional().openapi({ description: "Delete only this zone's copy (可用区code); absent: every zone's copy.", example: 'CN_Hohhot_B' }),
  })
  .openapi('DeleteImageReq');
export type DeleteImageReq = z.infer<typeof DeleteImageReq>;

export const SyncImageReq = z
  .object({
    ImageId: resourceId('an image').openapi({ description: 'Private image to copy (镜像ID).', example: 'img-private-web-e100001' }),
    AvailableZoneCodes: z
      .array(text(64).min(1, 'must not be empty'))
      .min(1, 'must list at least one zone')
      .max(MAX_IDS_PER_CALL, `must list at most ${MAX_IDS_PER_CALL} zones`)
      .openapi({ description: 'Zones to copy it to (目标可用区code列表).', example: ['CN_Suqian_A'] }),
    TestAccount,
  })
  .openapi('SyncImageReq');
export type SyncImageReq = z.infer<typeof SyncImageReq>;
