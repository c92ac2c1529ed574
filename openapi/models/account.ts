import { z } from '@hono/zod-openapi';

// The account's billing subjects (test accounts, 测试项目) and their balance.

export const AccountSubject = z
  .object({
    Name: z.string().openapi({ description: 'Subject name: the TestAccount value an image creation or copy takes (测试项目名称).', example: 'BMSTEST' }),
    Balance: z.number().openapi({ description: 'Remaining balance (余额), yuan.', example: 2500 }),
    Income: z.number().openapi({ description: 'Amount granted (收入), yuan.', example: 3000 }),
    Duration: z.number().int().openapi({ description: 'Validity in days (有效期).', example: 365 }),
    BeginTime: z.string().openapi({ description: 'First day, `YYYY-MM-DD`.', example: '2026-01-01' }),
    EndTime: z.string().openapi({ description: 'Last day, `YYYY-MM-DD`.', example: '2027-01-01' }),
  })
  .openapi('AccountSubject');
export type AccountSubject = z.infer<typeof AccountSubject>;

export const DescribeAccountSubjectResult = z
  .object({ Subjects: z.array(AccountSubject).openapi({ description: 'The billing subjects of the account.' }) })
  .openapi('DescribeAccountSubjectResult');
