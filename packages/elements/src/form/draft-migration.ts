// The draft migration, in a chunk of its own: a form needs it only when a saved draft or a
// refused submission belongs to an older version of the procedure (see load-migration.ts).
export { migrateDraft } from '@thutuc/runtime';
