import type { CommuneMembership } from '@thutuc/runtime';
export declare const effectiveDates: string[];
export declare const communes: CommuneMembership | undefined;
