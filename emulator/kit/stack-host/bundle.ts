import { fileURLToPath } from 'node:url';
import { buildWorkerBundle } from '../../../worker/build/bundle-worker';

// dist/worker/stack-host.js: worker.ts with the gateway in it, bundled as the gateway itself is.

export const STACK_HOST_ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** Bundles the stack host into `outfile` (the packed kit's: dist/worker/stack-host.js). */
export const buildStackHostBundle = (outfile: string) => buildWorkerBundle(outfile, STACK_HOST_ENTRY);
