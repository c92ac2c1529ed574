import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../openapi/models';
import { jsonAnswer, type RecordedCall } from '../../helpers/fake-upstream';
import { READ_TOKEN, harness, json, type Harness } from '../../helpers/gateway-harness';

// CreateInstance, DeleteInstance, ModifyInstancePassword and DescribeInstanceStatus through the
// gateway: validation before any upstream call, the wire call each makes, error mapping,
// idempotent create, and the concrete paths that win over /v1/instances/{EcsId}.

// The published answers of the public API document.
const CREATED = { EventId: 'd0b1d5b7-7549-41dc-972c-c40270b53bd7', EcsIdSet: ['ins-72ys37squwzemjlx'] };
const answers = {
  CreateInstance: { Code: 'Success', Msg: '创建云服务器任务下发成功', Data: CREATED, RequestId: 'req-create' },
  DeleteInstance: { Code: 'Success', CodeMsg: 'success', Msg: '删除云服务器任务下发成功！', Data: { EventId: '47be5182-0ca8-11ed-bd9c-62b5fae1caf2' }, RequestId: 'req-delete' },
  ModifyInstancePassword: { Code: 'Success', CodeMsg: 'success', Msg: '云服务器管理员用户密码修改任务下发成功！', Data: { EventId: 'fd97952e-0c9c-11ed-bd9c-62b5fae1caf2' }, RequestId: 'req-pwd' },
  DescribeInstanceStatus: {
    Code: 'Success',
    Message: '获取云服务器状态成功！',
    Data: { EcsStatus: { 'ins-3j62nodr5w2daycj': { Status: 'running', StatusDisplay: '运行中' }, 'ins-ajgaioirpwvdjynj': { Status: 'shutdown', StatusDisplay: '已关机' } } },
  },
} as const;

function lifecycleHarness(): Harness {
  const h = harness();
  for (const [action, body] of Object.entries(answers)) h.upstream.on(action, () => jsonAnswer(body));
  return h;
}

const validCreate = () => ({
  AvailableZoneCode: 'CN_Hohhot_B',
  EcsFamilyName: 'Cpu计算型C4',
  Cpu: 2,
  Ram: 4,
  BillingMethod: '0',
  ImageId: 'Ubuntu 22.04 64位',
  Password: 'Create-Pass-7f3a9',
  SystemDisk: { DiskFeature: 'ssd', Size: 48 },
  VpcInfo: { VpcId: 'vpc-1' },
  SubnetInfo: { SubnetId: 'subnet-1' },
});

const post = (h: Harness, path: string, body: unknown, headers: Record<string, string> = {}) => h.request(path, { method: 'POST', body: json(body), headers });

async function validationPaths(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const problem = (await res.json()) as Problem;
  expect(problem.code).toBe('ValidationFailed');
  return problem.errors!.map((e) => e.path).sort();
}

describe('wire calls', () => {
  it('POST /v1/instances → CreateInstance on /ecs/v1 with the body, defaults set; 202 {EventId, EcsIdSet} + Location', async () => {
    const h = lifecycleHarness();
    const body = { ...validCreate(), DataDisk: [{ DiskFeature: 'ssd', Size: 48, ReleaseWithInstance: 1 }], Name: 'web', StartNumber: 1, DnsList: ['114.114.114.114', '8.8.8.8'] };
    const res = await post(h, '/v1/instances', body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual(CREATED);
    expect(res.headers.get('Location')).toBe(`/v1/events/${CREATED.EventId}`);
    expect(res.headers.get('X-Upstream-Request-Id')).toBe('req-create');
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'CreateInstance', query: {}, contentType: 'application/json', signatureValid: true });
    expect(h.upstream.calls[0]!.body).toEqual({ ...body, Gpu: 0, Number: 1 });
  });

  it('POST /v1/instances drops fields the SDK does not know', async () => {
    const h = lifecycleHarness();
    const res = await post(h, '/v1/instances', { ...validCreate(), Debug: true });
    expect(res.status).toBe(202);
    expect(h.upstream.calls[0]!.body).not.toHaveProperty('Debug');
  });

  it('POST /v1/instances/delete → DeleteInstance with DeleteEip defaulting to 0', async () => {
    const h = lifecycleHarness();
    const res = await post(h, '/v1/instances/delete', { EcsIds: ['ins-1', 'ins-2'] });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ EventId: answers.DeleteInstance.Data.EventId });
    expect(res.headers.get('Location')).toBe(`/v1/events/${answers.DeleteInstance.Data.EventId}`);
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'DeleteInstance', query: {}, body: { EcsIds: ['ins-1', 'ins-2'], DeleteEip: 0 }, signatureValid: true });
  });

  it('POST /v1/instances/delete passes DeleteEip 1 through', async () => {
    const h = lifecycleHarness();
    expect((await post(h, '/v1/instances/delete', { EcsIds: ['ins-1'], DeleteEip: 1 })).status).toBe(202);
    expect(h.upstream.calls[0]!.body).toEqual({ EcsIds: ['ins-1'], DeleteEip: 1 });
  });

  it('POST /v1/instances/password → ModifyInstancePassword with EcsIds and Password in the body; the answer holds only the event', async () => {
    const h = lifecycleHarness();
    const res = await post(h, '/v1/instances/password', { EcsIds: ['ins-1'], Password: 'New-Pass-c41d' });
    expect(res.status).toBe(202);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ EventId: answers.ModifyInstancePassword.Data.EventId });
    expect(text).not.toContain('New-Pass-c41d');
    expect(h.upstream.calls[0]).toMatchObject({ method: 'POST', path: '/ecs/v1', action: 'ModifyInstancePassword', query: {}, body: { EcsIds: ['ins-1'], Password: 'New-Pass-c41d' }, signatureValid: true });
  });

  it('GET /v1/instances/status → DescribeInstanceStatus as a POST with {EcsIds} in the body', async () => {
    const h = lifecycleHarness();
    const res = await h.request('/v1/instances/status?EcsIds=ins-3j62nodr5w2daycj,ins-ajgaioirpwvdjynj', { token: READ_TOKEN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(answers.DescribeInstanceStatus.Data);
    expect(h.upstream.calls).toHaveLength(1);
    expect(h.upstream.calls[0]).toMatchObject({
      method: 'POST',
      path: '/ecs/v1',
      action: 'DescribeInstanceStatus',
      query: {},
      body: { EcsIds: ['ins-3j62nodr5w2daycj', 'ins-ajgaioirpwvdjynj'] },
      signatureValid: true,
    });
  });

  it('GET /v1/instances/status: an EcsStatus that is not an object is an unreadable answer (502)', async () => {
    const h = harness();
    h.upstream.on('DescribeInstanceStatus', () => jsonAnswer({ Code: 'Success', Msg: 'ok', Data: { EcsStatus: [] } }));
    const res = await h.request('/v1/instances/status?EcsIds=ins-1');
    expect(res.status).toBe(502);
    expect(((await res.json()) as Problem).code).toBe('UpstreamBadResponse');
  });

  it('a read token may ask for statuses but not create, delete or change a password', async () => {
    const h = lifecycleHarness();
    expect((await h.request('/v1/instances/status?EcsIds=ins-1', { token: READ_TOKEN })).status).toBe(200);
    for (const [path, body] of [['/v1/instances', validCreate()], ['/v1/instances/delete', { EcsIds: ['ins-1'] }], ['/v1/instances/password', { EcsIds: ['ins-1'], Password: 'x-Pass-1' }]] as const) {
      const res = await h.request(path, { method: 'POST', body: json(body), token: READ_TOKEN });
      expect(res.status).toBe(403);
    }
    expect(h.upstream.calls).toHaveLength(1);
  });
});

describe('concrete paths win over /v1/instances/{EcsId}', () => {
  it('GET /v1/instances/status is DescribeInstanceStatus, never DescribeInstance of "status"', async () => {
    const h = lifecycleHarness();
    const res = await h.request('/v1/instances/status?EcsIds=ins-1');
    expect(res.status).toBe(200);
    expect(h.upstream.calls.map((c) => c.action)).toEqual(['DescribeInstanceStatus']);
  });

  it('GET /v1/instances/status without EcsIds is 400, not a DescribeInstance call', async () => {
    const h = lifecycleHarness();
    expect(await validationPaths(await h.request('/v1/instances/status'))).toEqual(['query.EcsIds']);
    expect(h.upstream.calls).toHaveLength(0);
  });

  for (const [path, allow] of [
    ['/v1/instances/operate', 'POST'],
    ['/v1/instances/change-spec', 'POST'],
    ['/v1/instances/delete', 'POST'],
    ['/v1/instances/password', 'POST'],
  ] as const) {
    it(`GET ${path} → 405 Allow: ${allow}, no upstream call`, async () => {
      const h = lifecycleHarness();
      const res = await h.request(path);
      expect(res.status).toBe(405);
      expect(res.headers.get('Allow')).toBe(allow);
      expect(((await res.json()) as Problem).code).toBe('MethodNotAllowed');
      expect(h.upstream.calls).toHaveLength(0);
    });
  }

  it('PATCH /v1/instances/status is 405 (Allow: GET, HEAD), not a rename of "status"', async () => {
    const h = lifecycleHarness();
    const res = await h.request('/v1/instances/status', { method: 'PATCH', body: json({ Name: 'x' }) });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(h.upstream.calls).toHaveLength(0);
  });

  it('GET /v1/instances/{EcsId} still reaches DescribeInstance for a real id', async () => {
    const h = lifecycleHarness();
    expect((await h.request('/v1/instances/ins-operate1')).status).toBe(200);
    // Then the regions, once, for the zone code joined into the answer.
    expect(h.upstream.calls.map((c) => [c.action, c.query.EcsId])).toEqual([['DescribeInstance', 'ins-operate1'], ['DescribeRegions', undefined]]);
  });
});

const base = validCreate();
const validationCases: { name: string; method?: string; path: string; body?: unknown; paths: string[] }[] = [
  // CreateInstance: what the SDK's check() refuses
  { name: 'create: empty body lists every required field', path: '/v1/instances', body: {}, paths: ['AvailableZoneCode', 'EcsFamilyName', 'Cpu', 'Ram', 'BillingMethod', 'Password', 'ImageId', 'SystemDisk', 'VpcInfo', 'SubnetInfo'] },
  { name: 'create: Cpu 0, Ram 0', path: '/v1/instances', body: { ...base, Cpu: 0, Ram: 0 }, paths: ['Cpu', 'Ram'] },
  { name: 'create: BillingMethod 3 (spot is not an SDK value)', path: '/v1/instances', body: { ...base, BillingMethod: '3' }, paths: ['BillingMethod'] },
  { name: 'create: Password empty', path: '/v1/instances', body: { ...base, Password: '' }, paths: ['Password'] },
  { name: 'create: SystemDisk without DiskFeature, Size 0', path: '/v1/instances', body: { ...base, SystemDisk: { Size: 0 } }, paths: ['SystemDisk.DiskFeature', 'SystemDisk.Size'] },
  { name: 'create: SubnetInfo without SubnetId', path: '/v1/instances', body: { ...base, SubnetInfo: {} }, paths: ['SubnetInfo.SubnetId'] },
  { name: 'create: VpcInfo without VpcId', path: '/v1/instances', body: { ...base, VpcInfo: {} }, paths: ['VpcInfo.VpcId'] },
  { name: 'create: Number 101', path: '/v1/instances', body: { ...base, Number: 101 }, paths: ['Number'] },
  { name: 'create: Number 0', path: '/v1/instances', body: { ...base, Number: 0 }, paths: ['Number'] },
  { name: 'create: PubnetInfo without SubnetId', path: '/v1/instances', body: { ...base, PubnetInfo: [{ BandwidthType: 'Traffic' }] }, paths: ['PubnetInfo.0.SubnetId'] },
  { name: 'create: PubnetInfo EipIds count ≠ Number', path: '/v1/instances', body: { ...base, Number: 2, SubnetInfo: { SubnetId: 's' }, PubnetInfo: [{ SubnetId: 'p', EipIds: ['eip-1'] }] }, paths: ['PubnetInfo.0.EipIds'] },
  { name: 'create: PubnetInfo new IPs without BandwidthType', path: '/v1/instances', body: { ...base, PubnetInfo: [{ SubnetId: 'p' }] }, paths: ['PubnetInfo.0.BandwidthType'] },
  { name: 'create: PubnetInfo unknown BandwidthType', path: '/v1/instances', body: { ...base, PubnetInfo: [{ SubnetId: 'p', BandwidthType: 'Fast' }] }, paths: ['PubnetInfo.0.BandwidthType'] },
  { name: 'create: Bandwidth without Qos', path: '/v1/instances', body: { ...base, PubnetInfo: [{ SubnetId: 'p', BandwidthType: 'Bandwidth' }] }, paths: ['PubnetInfo.0.Qos'] },
  { name: 'create: monthly Duration 37', path: '/v1/instances', body: { ...base, BillingMethod: '1', Duration: 37 }, paths: ['Duration'] },
  { name: 'create: monthly Duration 18 (not a multiple of 12)', path: '/v1/instances', body: { ...base, BillingMethod: '1', Duration: 18 }, paths: ['Duration'] },
  { name: 'create: DataDisk without DiskFeature, Size 0', path: '/v1/instances', body: { ...base, DataDisk: [{ Size: 0 }] }, paths: ['DataDisk.0.DiskFeature', 'DataDisk.0.Size'] },
  // CreateInstance: documented limits
  { name: 'create: IpAddress count ≠ Number', path: '/v1/instances', body: { ...base, Number: 2, SubnetInfo: { SubnetId: 's', IpAddress: ['10.0.0.5'] } }, paths: ['SubnetInfo.IpAddress'] },
  { name: 'create: IpAddress not an IPv4 address', path: '/v1/instances', body: { ...base, SubnetInfo: { SubnetId: 's', IpAddress: ['10.0.0.300'] } }, paths: ['SubnetInfo.IpAddress.0'] },
  { name: 'create: DnsList of one', path: '/v1/instances', body: { ...base, DnsList: ['8.8.8.8'] }, paths: ['DnsList'] },
  { name: 'create: ReleaseWithInstance 2', path: '/v1/instances', body: { ...base, DataDisk: [{ DiskFeature: 'ssd', Size: 48, ReleaseWithInstance: 2 }] }, paths: ['DataDisk.0.ReleaseWithInstance'] },
  { name: 'create: monthly data disk released with the instance', path: '/v1/instances', body: { ...base, BillingMethod: '1', DataDisk: [{ DiskFeature: 'ssd', Size: 48, ReleaseWithInstance: 1 }] }, paths: ['DataDisk.0.ReleaseWithInstance'] },
  { name: 'create: local and ssd data disks mixed', path: '/v1/instances', body: { ...base, DataDisk: [{ DiskFeature: 'ssd', Size: 48 }, { DiskFeature: 'local', Size: 48 }] }, paths: ['DataDisk'] },
  { name: 'create: monthly fixed bandwidth must be BandwidthMonth', path: '/v1/instances', body: { ...base, BillingMethod: '1', PubnetInfo: [{ SubnetId: 'p', BandwidthType: 'Bandwidth', Qos: 5 }] }, paths: ['PubnetInfo.0.BandwidthType'] },
  { name: 'create: on-demand fixed bandwidth must be Bandwidth', path: '/v1/instances', body: { ...base, PubnetInfo: [{ SubnetId: 'p', BandwidthType: 'BandwidthMonth', Qos: 5 }] }, paths: ['PubnetInfo.0.BandwidthType'] },
  { name: 'create: IsToMonth, IsAutoRenewal, UtcTime not 0/1', path: '/v1/instances', body: { ...base, IsToMonth: 2, IsAutoRenewal: 2, UtcTime: 2 }, paths: ['IsToMonth', 'IsAutoRenewal', 'UtcTime'] },
  {
    name: 'create: field and cross-field failures are listed together',
    path: '/v1/instances',
    body: { ...base, ImageId: undefined, Cpu: 'two', Number: 2, SubnetInfo: { SubnetId: 's', IpAddress: ['10.0.0.5'] }, BillingMethod: '1', Duration: 40 },
    paths: ['ImageId', 'Cpu', 'SubnetInfo.IpAddress', 'Duration'],
  },
  // DeleteInstance
  { name: 'delete: EcsIds empty, DeleteEip 2', path: '/v1/instances/delete', body: { EcsIds: [], DeleteEip: 2 }, paths: ['EcsIds', 'DeleteEip'] },
  { name: 'delete: EcsIds missing', path: '/v1/instances/delete', body: {}, paths: ['EcsIds'] },
  { name: 'delete: more than 100 ids', path: '/v1/instances/delete', body: { EcsIds: Array.from({ length: 101 }, (_, i) => `ins-${i}`) }, paths: ['EcsIds'] },
  // ModifyInstancePassword
  { name: 'password: EcsIds missing, Password missing', path: '/v1/instances/password', body: {}, paths: ['EcsIds', 'Password'] },
  { name: 'password: Password empty', path: '/v1/instances/password', body: { EcsIds: ['ins-1'], Password: '' }, paths: ['Password'] },
  { name: 'password: Password longer than 128', path: '/v1/instances/password', body: { EcsIds: ['ins-1'], Password: 'p'.repeat(129) }, paths: ['Password'] },
  { name: 'password: Password a number', path: '/v1/instances/password', body: { EcsIds: ['ins-1'], Password: 12345678 }, paths: ['Password'] },
  // DescribeInstanceStatus
  { name: 'status: EcsIds empty', method: 'GET', path: '/v1/instances/status?EcsIds=', paths: ['EcsIds'] },
  { name: 'status: more than 100 ids', method: 'GET', path: `/v1/instances/status?EcsIds=${Array.from({ length: 101 }, (_, i) => `ins-${i}`).join(',')}`, paths: ['EcsIds'] },
  { name: 'status: an id with a space', method: 'GET', path: '/v1/instances/status?EcsIds=ins%201', paths: ['EcsIds.0'] },
];

describe('validation → 400 ValidationFailed listing every failure, no upstream call', () => {
  for (const c of validationCases) {
    it(c.name, async () => {
      const h = lifecycleHarness();
      const res = c.method === 'GET' ? await h.request(c.path) : await post(h, c.path, c.body);
      const prefix = c.method === 'GET' ? 'query.' : 'body.';
      expect(await validationPaths(res)).toEqual(c.paths.map((p) => prefix + p).sort());
      expect(h.upstream.calls).toHaveLength(0);
    });
  }

  it('the Go SDK\'s own body (empty Name, UtcTime 0, empty IpType and BandwidthConfName) is accepted', async () => {
    const h = lifecycleHarness();
    const sdkBody = { ...base, Name: '', UtcTime: 0, Number: 1, PubnetInfo: [{ SubnetId: 'p', BandwidthConfName: '', IpType: '', BandwidthType: 'Traffic' }], DataDisk: [{ DiskFeature: 'ssd', Size: 48 }] };
    expect((await post(h, '/v1/instances', sdkBody)).status).toBe(202);
  });

  it('a monthly create with Duration 24, BandwidthMonth and kept data disks is accepted', async () => {
    const h = lifecycleHarness();
    const body = { ...base, BillingMethod: '1', Duration: 24, IsToMonth: 0, IsAutoRenewal: 1, DataDisk: [{ DiskFeature: 'ssd', Size: 48, ReleaseWithInstance: 0 }], PubnetInfo: [{ SubnetId: 'p', BandwidthType: 'BandwidthMonth', Qos: 10 }] };
    expect((await post(h, '/v1/instances', body)).status).toBe(202);
  });

  it('existing EIPs, one per instance, need no BandwidthType', async () => {
    const h = lifecycleHarness();
    const body = { ...base, Number: 2, SubnetInfo: { SubnetId: 's', IpAddress: ['10.0.0.5', '10.0.0.6'] }, PubnetInfo: [{ SubnetId: 'p', EipIds: ['eip-1', 'eip-2'] }] };
    expect((await post(h, '/v1/instances', body)).status).toBe(202);
  });
});

const errorCases: { name: string; action: string; path: string; body: unknown; status: number; answer: unknown; expect: number }[] = [
  { name: 'create: an unknown image', action: 'CreateInstance', path: '/v1/instances', body: base, status: 404, answer: { Code: 'ImageNotFound', Msg: 'no such image', RequestId: 'u1' }, expect: 404 },
  { name: 'create: an invalid parameter', action: 'CreateInstance', path: '/v1/instances', body: base, status: 400, answer: { Code: 'InvalidParameter', Msg: 'SystemDisk.Size: smaller than the image', RequestId: 'u1' }, expect: 400 },
  { name: 'create: upstream 5xx', action: 'CreateInstance', path: '/v1/instances', body: base, status: 500, answer: { Code: 'InternalError', Msg: 'boom', RequestId: 'u1' }, expect: 502 },
  { name: 'delete: an unknown instance', action: 'DeleteInstance', path: '/v1/instances/delete', body: { EcsIds: ['ins-x'] }, status: 404, answer: { Code: 'InstanceNotFound', Msg: 'gone', RequestId: 'u1' }, expect: 404 },
  { name: 'delete: wrong status', action: 'DeleteInstance', path: '/v1/instances/delete', body: { EcsIds: ['ins-x'] }, status: 409, answer: { Code: 'InvalidInstanceStatus', Msg: 'ins-x is deleting', RequestId: 'u1' }, expect: 409 },
  { name: 'password: wrong status (HTTP 200 with an error code)', action: 'ModifyInstancePassword', path: '/v1/instances/password', body: { EcsIds: ['ins-x'], Password: 'Pwd-9x' }, status: 200, answer: { Code: 'InvalidInstanceStatus', Msg: 'ins-x is free-shutdown', RequestId: 'u1' }, expect: 409 },
  { name: 'status: throttled', action: 'DescribeInstanceStatus', path: '/v1/instances/status?EcsIds=ins-1', body: undefined, status: 429, answer: { Code: 'Throttling', Msg: 'slow down', RequestId: 'u1' }, expect: 429 },
];

describe('upstream errors → problem statuses, code kept', () => {
  for (const c of errorCases) {
    it(`${c.name} → ${c.expect}`, async () => {
      const h = harness();
      h.upstream.on(c.action, () => jsonAnswer(c.answer, c.status));
      const res = c.body === undefined ? await h.request(c.path) : await post(h, c.path, c.body);
      expect(res.status).toBe(c.expect);
      const problem = (await res.json()) as Problem;
      expect(problem.code).toBe((c.answer as { Code: string }).Code);
      expect(res.headers.get('X-Upstream-Request-Id')).toBe('u1');
      // POSTs upstream (DescribeInstanceStatus too) are never retried.
      expect(h.upstream.calls).toHaveLength(1);
    });
  }

  it('create: an upstream timeout is 504, and the create is not retried', async () => {
    const h = harness();
    h.upstream.on('CreateInstance', (_call: RecordedCall, signal?: AbortSignal) => new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))));
    const res = await post(h, '/v1/instances', base);
    expect(res.status).toBe(504);
    expect(h.upstream.calls).toHaveLength(1);
  });
});

describe('Idempotency-Key on the new mutating routes', () => {
  it('create: the same key twice → one upstream CreateInstance, the second answer replayed', async () => {
    const h = lifecycleHarness();
    const key = { 'Idempotency-Key': `create-${crypto.randomUUID()}` };
    const first = await post(h, '/v1/instances', base, key);
    expect(first.status).toBe(202);
    const again = await post(h, '/v1/instances', { ...base }, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(again.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(h.upstream.calls.filter((c) => c.action === 'CreateInstance')).toHaveLength(1);
  });

  it('create: the same key with another body → 422, no second server', async () => {
    const h = lifecycleHarness();
    const key = { 'Idempotency-Key': `create-${crypto.randomUUID()}` };
    expect((await post(h, '/v1/instances', base, key)).status).toBe(202);
    const other = await post(h, '/v1/instances', { ...base, Number: 2 }, key);
    expect(other.status).toBe(422);
    expect(h.upstream.calls).toHaveLength(1);
  });

  it('create without a key: two calls buy two servers (the key is what makes a retry safe)', async () => {
    const h = lifecycleHarness();
    await post(h, '/v1/instances', base);
    await post(h, '/v1/instances', base);
    expect(h.upstream.calls).toHaveLength(2);
  });

  for (const [path, body] of [
    ['/v1/instances/delete', { EcsIds: ['ins-1'] }],
    ['/v1/instances/password', { EcsIds: ['ins-1'], Password: 'Pwd-idem-1' }],
  ] as const) {
    it(`${path}: the same key twice → one upstream call, replay marked`, async () => {
      const h = lifecycleHarness();
      const key = { 'Idempotency-Key': `k-${crypto.randomUUID()}` };
      expect((await post(h, path, body, key)).status).toBe(202);
      const again = await post(h, path, body, key);
      expect(again.status).toBe(202);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(h.upstream.calls).toHaveLength(1);
    });
  }
});
