import { describe, expect, it } from 'vitest';
import { OPERATION_BY_ID, OPERATIONS } from '../../openapi/operations';

describe('declared invalidations', () => {
  it('name cached operations, and only mutations declare them', () => {
    const declaring = OPERATIONS.filter((op) => op.invalidates?.length);
    expect(declaring.map((op) => op.operationId).sort()).toEqual(['CreateImage', 'CreateImageBySnapshot', 'DeleteImage', 'DeleteSnapshot', 'SyncImage']);
    for (const op of declaring) {
      expect(['sync', 'accepted']).toContain(op.rest.kind);
      for (const id of op.invalidates!) expect(OPERATION_BY_ID.get(id)?.rest.kind, `${op.operationId} invalidates ${id}`).toBe('cached');
    }
  });
});
