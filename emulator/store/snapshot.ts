import type { EmulatorClock } from '../state/clock';
import type { InstanceStateMachine } from '../state/machine';
import type { EmulatorStore } from './store';
import { EmulatorError } from '../errors';
import type { Catalog } from './catalog';
import type { AccountState } from './types';

/** What a world lives in: the store, its clock and the machine that settles it. */
export interface WorldHost {
  store: EmulatorStore;
  clock: EmulatorClock;
  machine: InstanceStateMachine;
}

// A session's whole world as one JSON document: its account state, the catalog and the emulator
// clock. Faults, the journal and nonces are not world (they describe calls, not resources).
//
// The account is encoded GENERICALLY: every field of AccountState round-trips without this file
// knowing it. Maps become {"$map": [[key, value], ...]} in insertion order (list answers follow
// it, so sorting would change what a restored world answers), Sets {"$set": [...]}; plain objects,
// arrays and primitives are kept as they are. Anything else (a class, a function) is refused, so
// a new field the encoding cannot carry fails at once instead of being lost.

export const SNAPSHOT_FORMAT = 'ecs-emulator-world';
export const SNAPSHOT_VERSION = 1;

/** Fields of the account that are not world: the secret comes from the configured keys. */
const NOT_WORLD = new Set<keyof AccountState>(['SecretKey']);

export interface WorldSnapshot {
  Format: typeof SNAPSHOT_FORMAT;
  Version: typeof SNAPSHOT_VERSION;
  AccessKeyId: string;
  /** Emulator-clock ms at export; restoring sets the clock there. */
  ClockMs: number;
  /** The public-address counter, so restored addresses stay unique. */
  IpCounter: number;
  Catalog: unknown;
  Account: unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function encodeValue(value: unknown, at = '$'): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`snapshot: ${at} is not a finite number`);
    return value;
  }
  if (value instanceof Map) return { $map: [...value].map(([k, v], i) => [encodeValue(k, `${at}.key${i}`), encodeValue(v, `${at}[${String(k)}]`)]) };
  if (value instanceof Set) return { $set: [...value].map((v, i) => encodeValue(v, `${at}[${i}]`)) };
  if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, `${at}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue; // as JSON would: an absent optional field
      if (k === '$map' || k === '$set') throw new Error(`snapshot: ${at} has a reserved key ${k}`);
      out[k] = encodeValue(v, `${at}.${k}`);
    }
    return out;
  }
  throw new Error(`snapshot: ${at} cannot be encoded (${value === undefined ? 'undefined' : (Object.getPrototypeOf(value)?.constructor?.name ?? typeof value)})`);
}

export function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$map' && Array.isArray(o.$map))
      return new Map((o.$map as unknown[]).map((e) => {
        if (!Array.isArray(e) || e.length !== 2) throw new Error('a $map entry is not a [key, value] pair');
        return [decodeValue(e[0]), decodeValue(e[1])] as const;
      }));
    if (keys.length === 1 && keys[0] === '$set' && Array.isArray(o.$set)) return new Set((o.$set as unknown[]).map(decodeValue));
    return Object.fromEntries(keys.map((k) => [k, decodeValue(o[k])]));
  }
  return value;
}

/** The session's world, settled to now (due transitions completed first, as a call would see it). */
export function exportWorld(core: WorldHost, accessKeyId: string): WorldSnapshot {
  const account = core.store.account(accessKeyId);
  if (!account) throw new EmulatorError('InvalidParameter', `unknown access key id ${accessKeyId}`);
  core.machine.settle(account);
  const world = Object.fromEntries(Object.entries(account).filter(([k]) => !NOT_WORLD.has(k as keyof AccountState)));
  return {
    Format: SNAPSHOT_FORMAT,
    Version: SNAPSHOT_VERSION,
    AccessKeyId: accessKeyId,
    ClockMs: core.clock.now(),
    IpCounter: core.store.publicIpCounter,
    Catalog: encodeValue(core.store.catalog),
    Account: encodeValue(world),
  };
}

/** Why a document is not a snapshot this emulator can restore; undefined when it is one. */
export function snapshotProblem(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'not a JSON object';
  const d = doc as Record<string, unknown>;
  if (d.Format !== SNAPSHOT_FORMAT) return `Format is not "${SNAPSHOT_FORMAT}"`;
  if (d.Version !== SNAPSHOT_VERSION) return `Version ${JSON.stringify(d.Version)} is not supported (this emulator reads version ${SNAPSHOT_VERSION})`;
  if (typeof d.AccessKeyId !== 'string') return 'AccessKeyId is missing';
  if (typeof d.ClockMs !== 'number' || !Number.isFinite(d.ClockMs)) return 'ClockMs is not a number';
  if (typeof d.IpCounter !== 'number' || !Number.isInteger(d.IpCounter) || d.IpCounter < 0) return 'IpCounter is not a whole number';
  if (!d.Catalog || typeof d.Catalog !== 'object') return 'Catalog is missing';
  if (!d.Account || typeof d.Account !== 'object' || Array.isArray(d.Account)) return 'Account is missing';
  const a = d.Account as Record<string, unknown>;
  for (const k of ['CustomerId', 'Instances', 'Events']) if (!(k in a)) return `Account.${k} is missing`;
  return undefined;
}

/**
 * Replaces the session's world by the snapshot: its account (the secret stays the configured one),
 * the catalog, the address counter and the clock. All or nothing: a bad document changes nothing.
 * The catalog and the clock are shared by every account of one emulator, so restoring one
 * account's world on a multi-account Node server moves them for the others too.
 */
export function restoreWorld(core: WorldHost, accessKeyId: string, doc: unknown): void {
  const current = core.store.account(accessKeyId);
  if (!current) throw new EmulatorError('InvalidParameter', `unknown access key id ${accessKeyId}`);
  const problem = snapshotProblem(doc);
  if (problem) throw new EmulatorError('InvalidParameter', `snapshot: ${problem}`);
  const d = doc as WorldSnapshot;
  let account: AccountState;
  let catalog: Catalog;
  try {
    account = { ...(decodeValue(d.Account) as AccountState), AccessKeyId: accessKeyId, SecretKey: current.SecretKey };
    catalog = decodeValue(d.Catalog) as Catalog;
  } catch (e) {
    throw new EmulatorError('InvalidParameter', `snapshot: ${(e as Error).message}`);
  }
  if (!(account.Instances instanceof Map) || !(account.Events instanceof Map) || !Array.isArray(account.Pending))
    throw new EmulatorError('InvalidParameter', 'snapshot: Account.Instances and Account.Events must be maps, Account.Pending a list');
  account.DiskSnapshots ??= []; // state files written before disk snapshots existed
  account.RecycleBin ??= new Map(); // … or before the recycle bin and the billing meter
  account.Billing ??= { MeteredUntil: d.ClockMs, InArrears: false };
  core.store.accounts.set(accessKeyId, account);
  core.store.catalog = catalog;
  core.store.publicIpCounter = d.IpCounter;
  core.clock.setNow(d.ClockMs);
  core.machine.resumeAfter(Math.max(0, ...account.Pending.map((p) => p.Seq)));
}

/** The document as the control API answers it: stable JSON text (export → restore → export is identical). */
export const snapshotText = (s: WorldSnapshot): string => JSON.stringify(s);
