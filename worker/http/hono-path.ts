/** OpenAPI `/v1/instances/{EcsId}` → Hono `/v1/instances/:EcsId`. */
export const honoPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');
