import { compile } from 'json-schema-to-typescript';
import { ShapeMemo } from './shape-memo.js';

/** Stands for the header in types shared by procedures of one shape. */
const SHAPE_HEADER = '// thutuc:shape-header';
const byShape = new ShapeMemo<Promise<string>>();

/**
 * The TypeScript type of a submission payload, from its JSON Schema. Procedures whose schemas
 * differ only in `$id` get the same type, generated once; only the header is their own.
 */
export async function payloadTypes(schema: Record<string, unknown>, header: string): Promise<string> {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  const shape = { ...rest, title: 'Payload' };
  const ts = await byShape.get(JSON.stringify(shape), () =>
    compile(shape, 'Payload', {
      bannerComment: SHAPE_HEADER,
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      unreachableDefinitions: false,
      format: false,
      strictIndexSignatures: true,
    }),
  );
  return ts.replace(SHAPE_HEADER, () => header);
}
