import type { migrateDraft } from '@thutuc/runtime';

/**
 * Loads migrateDraft when it is needed — a draft saved on an earlier version, or the server
 * answering 409 because a newer version is in force — so a form page does not download it
 * up front. The bundle puts it in its own chunk beside thutuc.js.
 */
export const loadMigration = (): Promise<typeof migrateDraft> => import('./draft-migration.js').then((m) => m.migrateDraft);
