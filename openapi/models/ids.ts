import { z } from '@hono/zod-openapi';

// Ids of instances, disks, images and events are short ASCII tokens (ins-…, disk-…, UUIDs).
// Checking their form answers a wrong id with 400 at once instead of sending it upstream, and
// keeps an upstream id that is not one out of headers and URLs.

/** The id rule: a letter or digit, then letters, digits, '.', '_', ':' or '-'; at most MAX_ID_LENGTH. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const MAX_ID_LENGTH = 128;
/** An id's syntax, said in full by every refusal so the caller learns the rule, not only that it broke. */
export const resourceId = (what: string) => {
  const rule = `must be ${what} id: 1–${MAX_ID_LENGTH} characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit`;
  return z
    .string({ error: rule })
    .trim()
    .min(1, { message: rule, abort: true })
    .max(MAX_ID_LENGTH, { message: rule, abort: true })
    .regex(ID_PATTERN, rule);
};
/** Whether a value from elsewhere (an upstream answer) is an id as the models define one, untrimmed. */
export const isResourceId = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);
/**
 * An id in an upstream answer that the gateway puts into a header or a URL (EventId, new resource
 * ids): checked untrimmed against the id rule, so CR/LF or anything else never gets through.
 */
export const UpstreamId = z.string().refine(isResourceId, { message: `is not an id (letters, digits, '.', '_', ':' or '-', at most ${MAX_ID_LENGTH} characters)` });
