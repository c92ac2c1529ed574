import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../../../worker/cache/single-flight';
import { deferred } from '../../helpers/middleware-app';

describe('SingleFlight', () => {
  it('shares one pending call per key, and forgets it once settled', async () => {
    const flight = new SingleFlight<number>();
    let calls = 0;
    const gate = deferred();
    const fn = async () => {
      calls += 1;
      await gate.promise;
      return calls;
    };
    const a = flight.run('k', fn);
    const b = flight.run('k', fn);
    const other = flight.run('other', fn);
    gate.resolve();
    expect(await Promise.all([a, b, other])).toEqual([2, 2, 2]);
    expect(calls).toBe(2);
    await flight.run('k', fn);
    expect(calls).toBe(3);
  });

  it('shares a rejection, and a synchronous throw does not leave the key stuck', async () => {
    const flight = new SingleFlight<number>();
    const boom = () => {
      throw new Error('boom');
    };
    await expect(flight.run('k', boom)).rejects.toThrow('boom');
    expect(await flight.run('k', async () => 7)).toBe(7);
  });

  it('does not wait forever on a call that never settles (abandoned by its request)', async () => {
    const flight = new SingleFlight<string>(30);
    void flight.run('k', () => new Promise<string>(() => {}));
    expect(await flight.run('k', async () => 'own call')).toBe('own call');
    await new Promise((r) => setTimeout(r, 40));
    // Past maxShareMs the stuck entry is replaced, not joined.
    expect(await flight.run('k', async () => 'fresh')).toBe('fresh');
  });
});
