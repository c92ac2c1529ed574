import { beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, SEED_IDS } from '../../emulator';
import type { Emulator } from '../../emulator';
import { createGatewayApp, signedEcsClientFromEnv } from '../../worker/app';
import type { Env } from '../../worker/env';
import { contractCheckedFetch, freshEmulator, gatewayWays } from '../helpers/emulator-stack';

// Private images through the gateway against the emulator, and the images cache staying right for
// the account that changes them: a cached GET /v1/images never lists an image the account deleted
// through the gateway, nor misses one it created once the event has ended.

let emulator: Emulator;
let env: Env;
const OWN = 'img-private-web-e100001';

const ways = gatewayWays(() => emulator);

beforeEach(() => {
  ({ emulator, env } = freshEmulator('img'));
});

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
type Images = { ImageList: { ImageId: string; ImageName: string; TemplateType: string }[] };

async function listImages(gateway: ReturnType<typeof contractCheckedFetch>) {
  const res = await gateway('/v1/images');
  expect(res.status).toBe(200);
  return { cache: res.headers.get('X-Cache'), ids: ((await res.json()) as Images).ImageList.map((i) => i.ImageId) };
}

for (const [way, factory] of ways) {
  describe(`images through the gateway (${way})`, () => {
    it('create image: instance creating_image → back to running → listed private → a new instance from it → deleted', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const res = await gateway('/v1/images', post({ EcsId: SEED_IDS.demandCpuSsd, Name: 'golden-2026' }));
      expect(res.status).toBe(202);
      const { ImageId } = (await res.json()) as { ImageId: string };
      expect(((await (await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`)).json()) as { Status: string }).Status).toBe('creating_image');
      emulator.advance(20);
      expect(((await (await gateway(res.headers.get('Location')!)).json()) as { EventStatus: string }).EventStatus).toBe('success');
      expect(((await (await gateway(`/v1/instances/${SEED_IDS.demandCpuSsd}`)).json()) as { Status: string }).Status).toBe('running');
      const listed = ((await (await gateway('/v1/images?AvailableZoneCode=CN_Hohhot_B')).json()) as Images).ImageList.find((i) => i.ImageId === ImageId);
      expect(listed).toMatchObject({ TemplateType: 'private', ImageName: 'golden-2026' });

      const created = await gateway(
        '/v1/instances',
        post({
          AvailableZoneCode: 'CN_Hohhot_B', EcsFamilyName: 'Cpu计算型C4', Cpu: 2, Ram: 4, BillingMethod: '0', ImageId, Password: 'Create-Secret-9!',
          SystemDisk: { DiskFeature: 'ssd', Size: 48 }, VpcInfo: { VpcId: 'vpc-cn-huhhot-e100001' }, SubnetInfo: { SubnetId: 'subnet-cn-hohhot-b-e100001' },
        }),
      );
      expect(created.status).toBe(202);
      const [ecsId] = ((await created.json()) as { EcsIdSet: string[] }).EcsIdSet;
      // Being built from: the image cannot go yet.
      const busy = await gateway('/v1/images/delete', post({ ImageIds: [ImageId] }));
      expect(busy.status).toBe(409);
      expect(((await busy.json()) as { code: string }).code).toBe('ImageInUse');
      emulator.advance(60);
      expect(((await (await gateway(`/v1/instances/${ecsId}`)).json()) as { OsInfo: { ImageId: string } }).OsInfo.ImageId).toBe(ImageId);
      expect((await gateway('/v1/images/delete', post({ ImageIds: [ImageId] }))).status).toBe(202);
      expect((await listImages(gateway)).ids).not.toContain(ImageId);
    });

    it('refusals are problems with their codes: public image 400, unknown 404, unknown instance 404', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const codeOf = async (r: Response) => [r.status, ((await r.json()) as { code: string }).code];
      expect(await codeOf(await gateway('/v1/images/delete', post({ ImageIds: ['img-centos-7-9-cn-hohhot-b'] })))).toEqual([400, 'UnsupportedOperation']);
      expect(await codeOf(await gateway('/v1/images/delete', post({ ImageIds: ['img-nope'] })))).toEqual([404, 'ImageNotFound']);
      expect(await codeOf(await gateway('/v1/images/sync', post({ ImageId: 'img-nope', AvailableZoneCodes: ['CN_Suqian_A'] })))).toEqual([404, 'ImageNotFound']);
      expect(await codeOf(await gateway('/v1/images', post({ EcsId: 'ins-nope', Name: 'x1' })))).toEqual([404, 'InstanceNotFound']);
      expect(await codeOf(await gateway('/v1/images', post({ EcsId: SEED_IDS.demandCpuSsd })))).toEqual([400, 'ValidationFailed']);
      expect((await listImages(gateway)).ids).toContain(OWN);
    });

    it('sync: the copies are listed per zone once the event has ended', async () => {
      const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
      const res = await gateway('/v1/images/sync', post({ ImageId: OWN, AvailableZoneCodes: ['CN_Suqian_A'] }));
      expect(res.status).toBe(202);
      emulator.advance(15);
      const suqian = ((await (await gateway('/v1/images?AvailableZoneCode=CN_Suqian_A')).json()) as Images).ImageList.filter((i) => i.TemplateType === 'private');
      expect(suqian.map((i) => i.ImageName)).toEqual(['web-golden-centos7.9']);
    });
  });
}

describe('the images cache and the account’s own changes', () => {
  const factory = ways[0]![1];

  it('a cached copy is not served after DeleteImage or CreateImage: the next reads go upstream', async () => {
    const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
    expect(await listImages(gateway)).toMatchObject({ cache: 'MISS' });
    const hit = await listImages(gateway);
    expect(hit).toMatchObject({ cache: 'HIT' });
    expect(hit.ids).toContain(OWN);

    expect((await gateway('/v1/images/delete', post({ ImageIds: [OWN] }))).status).toBe(202);
    const afterDelete = await listImages(gateway);
    expect(afterDelete.cache).toBe('MISS');
    expect(afterDelete.ids).not.toContain(OWN);

    const res = await gateway('/v1/images', post({ EcsId: SEED_IDS.demandCpuSsd, Name: 'golden-cache' }));
    const { ImageId } = (await res.json()) as { ImageId: string };
    expect((await listImages(gateway)).ids).not.toContain(ImageId); // the event runs
    emulator.advance(20);
    expect((await listImages(gateway)).ids).toContain(ImageId); // ended: listed, not an old copy
  });

  it('after the window, copies stored before it are never served (not even stale); a new copy is cached', async () => {
    env = { ...env, IMAGES_TTL_S: '1' };
    const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
    await listImages(gateway);
    expect(await listImages(gateway)).toMatchObject({ cache: 'HIT' });
    const res = await gateway('/v1/images', post({ EcsId: SEED_IDS.demandCpuSsd, Name: 'golden-window' }));
    const { ImageId } = (await res.json()) as { ImageId: string };
    expect((await listImages(gateway)).ids).not.toContain(ImageId);
    emulator.advance(20);
    await new Promise((r) => setTimeout(r, 1100)); // the 1 s window closes
    const first = await listImages(gateway);
    expect(first.cache).toBe('MISS'); // not STALE: the copy from before the window is not used
    expect(first.ids).toContain(ImageId);
    const second = await listImages(gateway);
    expect(second.cache).toBe('HIT');
    expect(second.ids).toContain(ImageId);
  });

  it('another account’s cached copy is untouched', async () => {
    const gateway = contractCheckedFetch(createGatewayApp({ ecsApiFactory: factory }), env);
    await listImages(gateway);
    const otherAk = `ak-other-${crypto.randomUUID().slice(0, 6)}`;
    const other = createEmulator({ accessKeys: `${otherAk}:sk-o`, clock: 'manual' });
    const otherEnv = { ...env, CDS_SECRET_ID: otherAk, CDS_SECRET_KEY: 'sk-o' };
    const otherGateway = contractCheckedFetch(
      createGatewayApp({ ecsApiFactory: (e) => signedEcsClientFromEnv(e, { fetch: (input, init) => other.fetch(new Request(input, init)), backoffMs: () => 1 }) }),
      otherEnv,
    );
    await listImages(otherGateway);
    expect((await gateway('/v1/images/delete', post({ ImageIds: [OWN] }))).status).toBe(202);
    expect(await listImages(otherGateway)).toMatchObject({ cache: 'HIT' });
  });
});
