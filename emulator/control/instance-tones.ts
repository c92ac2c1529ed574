import type { InstanceStatus } from '../../openapi/models';
import { LIFECYCLE_TRANSITIONS } from '../state/lifecycle';

// What the dashboard needs to draw an instance's status and offer its billing-life controls.

/** ok green · busy pulsing amber (in transition) · off grey · bad red · held violet (kept by its billing life) · gone slate (deleted or destroyed). */
export type Tone = 'ok' | 'busy' | 'off' | 'bad' | 'held' | 'gone';

/** The colour of every instance status: a status without one fails the build. */
export const INSTANCE_TONES = {
  running: 'ok',
  building: 'busy', restarting: 'busy', shutting_down: 'busy', starting_up: 'busy', deleting: 'busy', updating: 'busy', creating_image: 'busy',
  recovering: 'busy', cancel_recycling: 'busy', destroying: 'busy',
  shutdown: 'off',
  error: 'bad', failed: 'bad',
  recycling: 'held',
  deleted: 'gone', destroy: 'gone',
} as const satisfies Record<InstanceStatus, Tone>;

/** Each billing-life control (its path verb) and the statuses it may be used from, read from the transition table. */
export const LIFE_CONTROLS = {
  recycle: LIFECYCLE_TRANSITIONS.recycle_ecs.allowedFrom,
  'cancel-recycle': LIFECYCLE_TRANSITIONS.cancel_recycle_ecs.allowedFrom,
  recover: LIFECYCLE_TRANSITIONS.recover_ecs.allowedFrom,
  destroy: LIFECYCLE_TRANSITIONS.destroy_ecs.allowedFrom,
} as const;
