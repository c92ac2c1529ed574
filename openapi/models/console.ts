import { z } from '@hono/zod-openapi';

// The address of an instance's remote console.

export const DescribeInstanceVncUrlResult = z
  .object({ InstanceVncUrl: z.string().url().openapi({ description: 'Address of the remote console page (远程连接地址).', example: 'http://127.0.0.1:8788/_emulator/vnc/ins-demand-cpu-ssd' }) })
  .openapi('DescribeInstanceVncUrlResult');
export type DescribeInstanceVncUrlResult = z.infer<typeof DescribeInstanceVncUrlResult>;
