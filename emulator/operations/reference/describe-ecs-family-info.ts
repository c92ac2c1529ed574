import { describeEcsFamilyInfo } from '../../../openapi/operations/families';
import { invalidParameter } from '../../errors';
import { familiesFor, findAz } from '../../store/catalog';
import { implement } from '../implement';

export const describeEcsFamilyInfoBehaviour = implement(describeEcsFamilyInfo, {
  message: '获取云服务器类型成功！',
  run: (ctx, req) => {
    if (!findAz(ctx.store.catalog, req.AvailableZoneCode)) throw invalidParameter('AvailableZoneCode', `unknown availability zone ${req.AvailableZoneCode}`);
    return { EcsFamilyInfo: structuredClone(familiesFor(ctx.store.catalog, req.AvailableZoneCode, req.BillingMethod)) };
  },
});
