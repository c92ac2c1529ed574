import type { InstanceStatus } from '../../../openapi/models';

/** Statuses in which the guest runs and so has a console: shut down, building, deleted … have none. */
export const CONSOLE_STATUSES: readonly InstanceStatus[] = ['running', 'restarting', 'updating', 'creating_image'];

/** The emulator's console page of an instance (served by the control app). */
export const consolePath = (ecsId: string) => `/_emulator/vnc/${encodeURIComponent(ecsId)}`;
