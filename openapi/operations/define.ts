import type { z } from '@hono/zod-openapi';
import type { CodeWithStatus } from '../errors/catalogue';
import type { EcsService, HttpMethod, PathVersion } from '../upstream/actions';

// The one declaration of an operation. The EcsApi type, the signed client, the in-process API, the
// emulator's wire router, the REST routes, the OpenAPI document and the doc tables all read it
// (docs/architecture.md, "How to add an operation").

/** How the upstream serves the action, with its quirks as named options. */
export interface UpstreamRow {
  /** The `Action` query value. */
  action: string;
  /** Other spellings the emulator also routes to it (a document spelling the action two ways). */
  actionAliases?: readonly string[];
  /**
   * Services (path `/<service>/<version>`) that serve the action. With more than one, a caller
   * asks each in turn while the answer is "not found" (DescribeEvent: instance events on ecs,
   * disk events on ebs), all within one deadline.
   */
  services: readonly [EcsService, ...EcsService[]];
  /** Path version; `v1` unless said. */
  version?: PathVersion;
  method: HttpMethod;
  /** The success envelope's head: `Code`/`Msg` (default) or lower-case `code` with `Message`. */
  envelope?: 'Code' | 'code';
  /** PageNumber / PageSize / TotalCount sit at the top level next to Data; `list` names the rows' field. */
  paging?: { list: string };
  /** Data is one object, which a published answer wraps in a one-element array: accept both. */
  dataMayBeWrapped?: true;
  /** Array fields written into the query as a JSON array string (`["a","b"]`) instead of `a,b`. */
  jsonQueryLists?: readonly string[];
  /**
   * Other names the upstream takes a request field by (alias → field): the emulator reads an
   * alias as the field when the field itself is not sent (a document example sending `EcsId`
   * where the parameter table says `InstanceId`).
   */
  paramAliases?: Readonly<Record<string, string>>;
}

/** Fields of the REST route every kind has. */
interface RestCommon {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI path, e.g. `/v1/instances/{EcsId}`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  /** Path parameters and query of the route; with the body they make up the upstream request. */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Path or query parameters named otherwise than their request field (REST name → field): `{EcsId}` carrying `InstanceId`. */
  paramNames?: Readonly<Record<string, string>>;
  /** The 404 code the route documents (any upstream `*NotFound` is kept as given either way). */
  notFound?: CodeWithStatus<404>;
  /** The 2xx body's schema when it is not the result schema (with `toBody` turning one into the other). */
  response?: z.ZodType;
  toBody?: (data: never) => unknown;
  /** Answers naming instances by AzId get their AvailableZoneCode joined in: `self`, or the rows' field. */
  zoneCodes?: 'self' | string;
  /** The 2xx answer's description. */
  answer?: string;
}

/** A read: GET without a body, or a POST whose JSON body is the question (a price quote); never an Idempotency-Key. */
export interface ReadRest extends RestCommon {
  kind: 'read';
  /** The JSON body of a POST read. */
  body?: z.ZodType;
  bodyDescription?: string;
  /** The route waits for the event it reads (`?wait=N`): the event read itself. */
  waitsForEvent?: true;
  /** The instance's status can refuse the read: documents 409 InvalidInstanceStatus. */
  refusedByStatus?: true;
}

/** A read of reference data, served through the edge cache (KV). */
export interface CachedRest extends RestCommon {
  kind: 'cached';
  /** Which soft TTL setting applies (REGIONS_TTL_S, FAMILIES_TTL_S, IMAGES_TTL_S). */
  ttl: 'regions' | 'families' | 'images';
  /** The cache key's parts after the operation's name; lists are hashed. */
  cacheKey?: (req: never) => readonly (string | readonly string[] | undefined)[];
}

/** A mutation answered at once (200). */
export interface SyncRest extends RestCommon {
  kind: 'sync';
  body: z.ZodType;
  bodyDescription: string;
}

/** A mutation that starts an event: 202 with Location and Retry-After, `Prefer: wait`. */
export interface AcceptedRest extends RestCommon {
  kind: 'accepted';
  body: z.ZodType;
  bodyDescription: string;
  /**
   * The event types it starts, each with its first polling interval in seconds (Retry-After):
   * about a quarter of the usual duration, at least 1.
   */
  events: Readonly<Record<string, number>>;
  /** Which of `events` a request starts, when there are several (a power operation: its OpType). */
  eventTypeOf?: (req: never) => string;
}

export type RestShape = ReadRest | CachedRest | SyncRest | AcceptedRest;

export interface OperationDeclaration<
  Id extends string = string,
  Req extends z.ZodType = z.ZodType,
  Res extends z.ZodType = z.ZodType,
  Rest extends RestShape = RestShape,
  Up extends UpstreamRow = UpstreamRow,
> {
  /** The SDK method name, or the upstream Action name for actions without one. */
  operationId: Id;
  upstream: Up;
  /** The upstream request: the gateway validates REST input with it, the emulator wire input. */
  request: Req;
  /** The upstream answer's Data: the signed client checks each answer with it. */
  result: Res;
  /** Request fields naming resources (per-resource faults, the journal's Id filter). */
  ids?: readonly string[];
  /** Request fields holding secrets: cut out of any upstream message an answer passes on. */
  secrets?: readonly string[];
  /**
   * Cached operations whose copies for the account this one makes wrong once accepted (an image made:
   * the images list); the gateway invalidates them (worker/cache/README.md, "Invalidation").
   */
  invalidates?: readonly string[];
  rest: Rest;
}

/** Declares an operation; the identity, typed so that derived code knows each field's literal type. */
export const defineOperation = <const Id extends string, Req extends z.ZodType, Res extends z.ZodType, const Rest extends RestShape, const Up extends UpstreamRow>(
  declaration: OperationDeclaration<Id, Req, Res, Rest, Up>,
): OperationDeclaration<Id, Req, Res, Rest, Up> => declaration;

/** `DescribeInstance` → `describeInstance`: the method name on the EcsApi. */
export const methodNameOf = <Id extends string>(operationId: Id) => (operationId[0]!.toLowerCase() + operationId.slice(1)) as Uncapitalize<Id>;
