import type { LocalizedText } from '@thutuc/runtime';
import type { Text } from '../api.js';

/**
 * What `GET /api/officer/stats` answers (@thutuc/intake's `Statistics`, docs/statistics.md),
 * declared here because the desk is served by the intake and cannot import it.
 */
export interface Figures {
  received: number;
  channels: { online: number; post: number; in_person: number };
  onlineSharePercent: number | null;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  closed: number;
  noTimeLimit: number;
  averageWorkingDays: number | null;
  supplementsRequested: number;
}

export interface Targeted {
  targetPercent: number | null;
  meetsTarget: boolean | null;
}

export interface FieldFigures extends Figures, Targeted {
  key: string;
  code?: string;
  name: Text;
}

export interface Statistics {
  agency: string;
  period: { from: string; to: string };
  asOf: string;
  targets: OnlineShareTargets;
  total: Figures & Targeted;
  byProcedure: (Figures & { id: string; title: Text; field: { key: string; name: Text }; onlineLevel: string | null })[];
  byField: FieldFigures[];
  byLevel: (Figures & { level: string | null; label: LocalizedText })[];
}

export interface OnlineShareTargets {
  overall: number | null;
  fields: Record<string, number>;
}
