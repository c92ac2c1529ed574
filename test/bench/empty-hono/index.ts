import { Hono } from 'hono';

// The baseline of the startup and throughput benchmarks: an empty Hono worker, one JSON route.
export default new Hono().get('/v1/regions', (c) => c.json({ RegionGroups: [] }));
