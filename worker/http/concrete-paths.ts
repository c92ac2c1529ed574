import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';
import { onMethodNotAllowed } from './errors';

/** A route as Hono lists it (`app.routes`). */
interface KnownRoute {
  method: string;
  path: string;
}

/**
 * A concrete path wins over a templated one (as OpenAPI says): `GET /v1/instances/operate` is not
 * the read of an instance named "operate" but a wrong method on the power-operation path,
 * answered 405 with the methods that path takes.
 */
export function concretePathsWin(routes: () => readonly KnownRoute[]): MiddlewareHandler<GatewayEnv> {
  let byPath: Map<string, Set<string>> | undefined;
  const methodsOf = (path: string) => {
    byPath ??= concreteRoutes(routes());
    return byPath.get(path);
  };
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const methods = methodsOf(path);
    if (!methods || methods.has(c.req.method)) return next();
    return onMethodNotAllowed(c, [...methods]);
  };
}

function concreteRoutes(routes: readonly KnownRoute[]): Map<string, Set<string>> {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    // Middleware is registered as ALL on wildcard paths; templated paths are not concrete.
    if (route.method === 'ALL' || /[*:]/.test(route.path)) continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    if (route.method === 'GET') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  return byPath;
}
