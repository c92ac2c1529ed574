import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../env';
import type { KnownRoute } from './errors';
import { problem } from './problem';

/**
 * A concrete path wins over a templated one (as OpenAPI says): `GET /v1/instances/operate` is not
 * DescribeInstance of an instance named "operate" but a wrong method on the OperateInstance path,
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
    const allowed = [...methods].sort();
    c.header('Allow', allowed.join(', '));
    return problem(c, { status: 405, code: 'MethodNotAllowed', title: 'Method not allowed', detail: `${path} takes ${allowed.join(', ')}, not ${c.req.method}.` });
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
