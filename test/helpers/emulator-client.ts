import { expect } from 'vitest';
import type { z } from 'zod';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator';
import { independentlySigned } from './independent-signature';
import { InstanceData, InstanceSimpleInfo } from '../../openapi/models';

export const AK = 'test-ak';
export const SK = 'test-sk';

export const newEmulator = (o: EmulatorOptions = {}): Emulator => createEmulator({ clock: 'manual', ...o });

export interface CallOptions {
  service?: 'ecs' | 'ebs';
  /** Path version; default v1 (DescribeImages is on v1.1). */
  version?: 'v1' | 'v1.1';
  method?: 'GET' | 'POST';
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  ak?: string;
  sk?: string;
  now?: Date;
  nonce?: string;
  signal?: AbortSignal;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
export type Answer = { status: number; body: any; text: string };

/**
 * A signed call as an independent client would make it: signed by test/helpers/independent-signature.ts,
 * never by openapi/upstream/signature.ts, which the emulator checks with (a bug shared by both sides would hide).
 */
export async function call(emu: Emulator, action: string, o: CallOptions = {}): Promise<Answer> {
  const method = o.method ?? (o.body !== undefined || o.rawBody !== undefined ? 'POST' : 'GET');
  const signed = independentlySigned({ method, action, accessKeyId: o.ak ?? AK, secretKey: o.sk ?? SK, params: o.params, now: o.now, nonce: o.nonce });
  return send(emu, `/${o.service ?? 'ecs'}/${o.version ?? 'v1'}?${signed.query}`, method, o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body)), o.signal);
}

export async function send(emu: Emulator, path: string, method: string, body?: string, signal?: AbortSignal): Promise<Answer> {
  const res = await emu.fetch(new Request(`http://emulator${path}`, { method, body, signal, headers: body ? { 'content-type': 'application/json' } : {} }));
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

/** Control API call (no signature). */
export const ctl = (emu: Emulator, method: string, path: string, body?: unknown) =>
  send(emu, `/_emulator${path}`, method, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));

export async function operate(emu: Emulator, EcsIds: string[], OpType: string, extra: Record<string, unknown> = {}): Promise<Answer> {
  return call(emu, 'OperateInstance', { body: { EcsIds, OpType, ...extra } });
}

export async function status(emu: Emulator, EcsId: string, ak = AK, sk = SK): Promise<string> {
  const r = await call(emu, 'DescribeInstance', { params: { EcsId }, ak, sk });
  expect(r.status).toBe(200);
  return r.body.Data.Status;
}

export async function event(emu: Emulator, EventId: string, service: 'ecs' | 'ebs' = 'ecs') {
  const r = await call(emu, 'DescribeEvent', { params: { EventId }, service });
  expect(r.status).toBe(200);
  return r.body.Data;
}

export function expectError(r: Answer, status: number, code: string, msgPart?: string): void {
  expect(r.status, r.text).toBe(status);
  expect(r.body.Code).toBe(code);
  expect(typeof r.body.RequestId).toBe('string');
  if (msgPart) expect(r.body.Msg).toContain(msgPart);
}

/** Every field of the schema, optional ones included, is present in value (recursively). */
export function expectComplete(schema: z.ZodType, value: unknown, path = '$'): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking zod v4 internals
  const def = (schema as any)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      expect(value, `${path} is missing`).not.toBeUndefined();
      return expectComplete(def.innerType, value, path);
    case 'object':
      expect(typeof value, `${path} is not an object`).toBe('object');
      for (const [k, s] of Object.entries(def.shape)) {
        const v = (value as Record<string, unknown>)[k];
        expect(v, `${path}.${k} is missing`).not.toBeUndefined();
        expectComplete(s as z.ZodType, v, `${path}.${k}`);
      }
      return;
    case 'array':
      for (const [i, v] of (value as unknown[]).entries()) expectComplete(def.element, v, `${path}[${i}]`);
      return;
    case 'record':
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) expectComplete(def.valueType, v, `${path}.${k}`);
      return;
    default:
      return;
  }
}

/** Parses with the shared model and checks every optional field is filled. */
export function expectModel<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
  expectComplete(schema, value);
  return r.data as z.output<S>;
}

/**
 * The instance models as the upstream (and so the emulator) answers them: without AvailableZoneCode,
 * which only the gateway joins in.
 */
export const UpstreamInstanceSimpleInfo = InstanceSimpleInfo.omit({ AvailableZoneCode: true });
export const UpstreamInstanceData = InstanceData.omit({ AvailableZoneCode: true });

/** Keys of an object, sorted, for comparing envelope shapes. */
export const keysOf = (o: object) => Object.keys(o).sort();

/** Installs an emulator fault through its control API. */
export async function emulatorFault(emulator: Emulator, spec: Record<string, unknown>): Promise<void> {
  const res = await emulator.fetch(new Request('http://emulator/_emulator/faults', { method: 'POST', body: JSON.stringify(spec), headers: { 'Content-Type': 'application/json' } }));
  if (!res.ok) throw new Error(`fault refused: ${res.status} ${await res.text()}`);
}

/** Outcome codes of the upstream calls of one Action in the emulator's journal, oldest first. */
export function journalCodes(emulator: Emulator, action: string): string[] {
  return emulator.core.journal
    .list()
    .filter((e) => e.Action === action)
    .map((e) => e.Code);
}

/** How many calls of one Action the emulator applied (answered Success, or struck by an after-phase fault). */
export function appliedCalls(emulator: Emulator, action: string): number {
  return emulator.core.journal.list().filter((e) => e.Action === action && (e.Code === 'Success' || e.Applied === true)).length;
}
