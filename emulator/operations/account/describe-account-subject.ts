import { describeAccountSubject } from '../../../openapi/operations/account';
import { implement } from '../implement';

/**
 * The calling account's billing subjects (DEFAULT_SUBJECTS unless the seed names the account).
 * The first one pays the billing meter (state/billing.ts): its Balance falls while on-demand
 * servers run, settled up to the call, answered to the fen.
 */
export const describeAccountSubjectBehaviour = implement(describeAccountSubject, {
  message: '获取测试项目成功',
  run: (ctx) => ctx.account.Subjects.map((s) => ({ ...s, Balance: Math.round(s.Balance * 100) / 100 })),
});
