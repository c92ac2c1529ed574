import { describeAccountSubject } from '../../../openapi/operations/account';
import { implement } from '../implement';

/** The calling account's billing subjects as seeded (DEFAULT_SUBJECTS unless the seed names the account). */
export const describeAccountSubjectBehaviour = implement(describeAccountSubject, {
  message: '获取测试项目成功',
  run: (ctx) => structuredClone(ctx.account.Subjects),
});
