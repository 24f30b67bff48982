import { schemas } from '../generated/schemas.js';
import type {
  AgencyRegistry,
  DocumentTypeLibrary,
  ExampleSubmissions,
  FeeOverrides,
  HolidayCalendar,
  Procedure,
  ProvinceList,
  CommuneList,
} from '@thutuc/runtime/model';

/** Every YAML kind of the catalogue, with the schema file that describes it. */
export const KIND_SCHEMAS = {
  procedure: 'procedure.schema.json',
  agencies: 'agencies.schema.json',
  holidays: 'holidays.schema.json',
  'document-types': 'document-types.schema.json',
  examples: 'examples.schema.json',
  'fee-overrides': 'fee-overrides.schema.json',
  provinces: 'provinces.schema.json',
  communes: 'communes.schema.json',
} as const satisfies Record<string, keyof typeof schemas>;

export type Kind = keyof typeof KIND_SCHEMAS;

export interface KindModel {
  procedure: Procedure;
  agencies: AgencyRegistry;
  holidays: HolidayCalendar;
  'document-types': DocumentTypeLibrary;
  examples: ExampleSubmissions;
  'fee-overrides': FeeOverrides;
  provinces: ProvinceList;
  communes: CommuneList;
}

export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.hasOwn(KIND_SCHEMAS, value);
}
