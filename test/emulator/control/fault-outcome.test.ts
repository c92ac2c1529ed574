import { describe, expect, it } from 'vitest';
import { applyFault } from '../../../emulator/fault-outcome';
import type { FaultEffect } from '../../../emulator/control/faults';

const effect = (o: Partial<FaultEffect>): FaultEffect => ({ FaultId: 7, delayMs: 0, kind: 'error', status: 503, code: 'ServiceUnavailable', phase: 'before', ...o });

describe('applyFault: one decision for the wire app and the in-process EcsApi', () => {
  it('no fault, or a delay-only one, lets the call proceed (keeping the FaultId for the journal)', async () => {
    expect(await applyFault(undefined)).toEqual({ kind: 'proceed' });
    expect(await applyFault(effect({ kind: 'delay-only', delayMs: 5 }))).toEqual({ kind: 'proceed', FaultId: 7 });
  });

  it('error, hang and malformed carry what the journal records', async () => {
    expect(await applyFault(effect({}))).toMatchObject({ kind: 'error', status: 503, code: 'ServiceUnavailable', journal: { Status: 503, Code: 'ServiceUnavailable' } });
    expect(await applyFault(effect({ kind: 'hang' }))).toEqual({ kind: 'hang', FaultId: 7, journal: { Status: 0, Code: 'Hang' } });
    expect(await applyFault(effect({ kind: 'malformed' }))).toEqual({ kind: 'malformed', FaultId: 7, journal: { Status: 200, Code: 'Malformed' } });
  });

  it('a caller that aborts during the delay ends the call at once', async () => {
    const ac = new AbortController();
    const started = Date.now();
    const pending = applyFault(effect({ delayMs: 60_000 }), ac.signal);
    ac.abort();
    expect(await pending).toEqual({ kind: 'aborted', FaultId: 7, journal: { Status: 0, Code: 'Aborted' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
