// @ts-expect-error plain JS build script
import { bundleDesk } from '../packages/desk/scripts/bundle.js';

/**
 * Runs once before any test file. The desk's browser bundle comes from `npm run build`, not
 * from `tsc -b` (which `npm test` runs), yet the intake serves it at /desk/ and the desk's
 * browser tests open it: bundle it here, once, so no two test files write it at the same time.
 */
export async function setup(): Promise<void> {
  await bundleDesk();
}
