// The catalogue model as TypeScript types, generated from schemas/ (`npm run gen:types`).
// Types only: importing this module loads nothing at run time.
export type * from './generated/model.js';
