import { compile } from 'json-schema-to-typescript';

/** The TypeScript type of a submission payload, from its JSON Schema. */
export async function payloadTypes(schema: Record<string, unknown>, header: string): Promise<string> {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  const ts = await compile({ ...rest, title: 'Payload' }, 'Payload', {
    bannerComment: header,
    additionalProperties: false,
    ignoreMinAndMaxItems: true,
    unreachableDefinitions: false,
    format: false,
    strictIndexSignatures: true,
  });
  return ts;
}
