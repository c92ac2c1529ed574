import { API_VERSION, COMMON_PARAMS, SIGNATURE_METHOD, SIGNATURE_VERSION } from '../../openapi/upstream/actions';
import { timingSafeEqual } from 'hono/utils/buffer';
import { canonicalQuery, hmacSha1Base64, stringToSign, stringToSignOf } from '../../openapi/upstream/signature';
import type { EmulatorCore } from '../core';
import { EmulatorError } from '../errors';
import type { AccountState } from '../store/types';
import { REPLAY_WINDOW_MS } from './nonces';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Signature v1.0 check (docs/upstream-protocol.md), in this order: common parameters present, fixed values,
 * known AccessKeyId, Timestamp within 15 minutes of wall-clock time, signature, then nonce (a nonce
 * is only remembered once the signature is good, so a bad request cannot burn it).
 */
export async function authenticate(core: EmulatorCore, method: string, params: Record<string, string>): Promise<AccountState> {
  const missing = COMMON_PARAMS.filter((k) => !params[k]);
  if (missing.length) throw new EmulatorError('MissingParameter', `missing common parameter(s): ${missing.join(', ')}`);
  if (params.SignatureMethod !== SIGNATURE_METHOD) throw new EmulatorError('InvalidParameter', `SignatureMethod: must be ${SIGNATURE_METHOD}`);
  if (params.SignatureVersion !== SIGNATURE_VERSION) throw new EmulatorError('InvalidParameter', `SignatureVersion: must be ${SIGNATURE_VERSION}`);
  if (params.Version !== API_VERSION) throw new EmulatorError('InvalidParameter', `Version: must be ${API_VERSION}`);
  const account = core.store.account(params.AccessKeyId!);
  if (!account) throw new EmulatorError('InvalidAccessKeyId', `the AccessKeyId ${params.AccessKeyId} is not known`);
  const ts = parseTimestamp(params.Timestamp!);
  if (ts === undefined) throw new EmulatorError('InvalidParameter', 'Timestamp: must be UTC YYYY-MM-DDTHH:mm:ssZ');
  if (Math.abs(core.wallNow() - ts) > REPLAY_WINDOW_MS)
    throw new EmulatorError('RequestExpired', `Timestamp ${params.Timestamp} is more than 15 minutes from the server time ${new Date(core.wallNow()).toISOString()}`);
  const unsigned = { ...params };
  delete unsigned.Signature;
  const sts = stringToSign(method, unsigned);
  const expected = await hmacSha1Base64(account.SecretKey, sts);
  if (!(await timingSafeEqual(expected, params.Signature!)) && !(await matchesGoSdkVariant(method, unsigned, account.SecretKey, params.Signature!)))
    // The string-to-sign holds no secret; showing it finds a client's signing bug at once.
    throw new EmulatorError('SignatureDoesNotMatch', `the request signature does not match; the emulator's string-to-sign was: ${sts}`);
  if (!core.nonces.claim(account.AccessKeyId, params.SignatureNonce!, core.wallNow()))
    throw new EmulatorError('SignatureNonceUsed', `SignatureNonce ${params.SignatureNonce} was already used within 15 minutes`);
  return account;
}

function parseTimestamp(v: string): number | undefined {
  const m = TIMESTAMP.exec(v);
  if (!m) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The official Go SDK encodes with url.QueryEscape (its %20/%2A fix-ups are dead code), so a space
 * is signed as `+`. Values without a space sign identically; with one, accept that variant too so
 * the official SDK works (documented in emulator/README.md).
 */
async function matchesGoSdkVariant(method: string, params: Record<string, string>, secret: string, signature: string): Promise<boolean> {
  const canonical = canonicalQuery(params);
  if (!canonical.includes('%20')) return false;
  return timingSafeEqual(await hmacSha1Base64(secret, stringToSignOf(method, canonical.replaceAll('%20', '+'))), signature);
}
