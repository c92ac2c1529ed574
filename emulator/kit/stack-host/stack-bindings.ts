// One stack's view of the host's shared bindings: its KV keys under its own prefix, its Durable
// Object names under its own scope, so stacks never read each other's cache or idempotency records.

/** The KV namespace as one stack sees it: every key under `prefix`, listed without it. */
export function prefixedKv(kv: KVNamespace, prefix: string): KVNamespace {
  const scoped = {
    get: (key: string, options?: never) => kv.get(prefix + key, options),
    getWithMetadata: (key: string, options?: never) => kv.getWithMetadata(prefix + key, options),
    put: (key: string, value: never, options?: KVNamespacePutOptions) => kv.put(prefix + key, value, options),
    delete: (key: string) => kv.delete(prefix + key),
    list: async (options: KVNamespaceListOptions = {}) => {
      const listed = await kv.list({ ...options, prefix: prefix + (options.prefix ?? '') });
      return { ...listed, keys: listed.keys.map((k) => ({ ...k, name: k.name.slice(prefix.length) })) };
    },
  };
  return scoped as unknown as KVNamespace;
}

/** Deletes every KV key under `prefix`; answers how many. */
export async function deletePrefixed(kv: KVNamespace, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor: string | undefined;
  do {
    const listed = await kv.list({ prefix, cursor });
    await Promise.all(listed.keys.map((k) => kv.delete(k.name)));
    deleted += listed.keys.length;
    cursor = listed.list_complete ? undefined : listed.cursor;
  } while (cursor);
  return deleted;
}

/**
 * The Durable Object namespace as one stack sees it: names are scoped (`scope/name`), and every
 * scoped name used is added to `used`, so closing the stack can find and clear its objects.
 */
export function scopedObjects<T extends Rpc.DurableObjectBranded | undefined>(ns: DurableObjectNamespace<T>, scope: string, used: Set<string>): DurableObjectNamespace<T> {
  const scopedName = (name: string) => {
    const full = `${scope}/${name}`;
    used.add(full);
    return full;
  };
  return new Proxy(ns, {
    get(target, prop) {
      if (prop === 'idFromName') return (name: string) => target.idFromName(scopedName(name));
      if (prop === 'getByName') return (name: string, options?: DurableObjectNamespaceGetDurableObjectOptions) => target.getByName(scopedName(name), options);
      // Native methods must run on the binding itself, not on the proxy.
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
