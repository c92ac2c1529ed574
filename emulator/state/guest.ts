import type { InstanceStatus } from '../../openapi/models';

/** Statuses in which the guest runs: it has a console and reports metrics. Shut down, building, deleted … do not. */
export const GUEST_RUNS: readonly InstanceStatus[] = ['running', 'restarting', 'updating', 'creating_image'];
