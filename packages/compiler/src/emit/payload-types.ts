import { ThutucError } from '@thutuc/runtime';
import { ShapeMemo } from './shape-memo.js';

/**
 * The TypeScript type of a submission payload, written straight from its JSON Schema. The
 * schema's vocabulary is small (see submission-schema.ts), so this writes exactly what
 * json-schema-to-typescript wrote for it (`additionalProperties: false`,
 * `ignoreMinAndMaxItems`, unformatted) at a fraction of the cost; a test compares the two over
 * the whole catalogue. Procedures whose schemas differ only in `$id` share the text; only the
 * header is their own.
 */

type Schema = Record<string, unknown>;

/** Stands for the header in types shared by procedures of one shape. */
const SHAPE_HEADER = '// thutuc:shape-header';
const byShape = new ShapeMemo<string>();

export function payloadTypes(schema: Schema, header: string): string {
  const { $id: _id, $schema: _schema, ...shape } = schema;
  const ts = byShape.get(JSON.stringify(shape), () => writeTypes(shape));
  return ts.replace(SHAPE_HEADER, () => header);
}

/** A JSDoc block as json-schema-to-typescript writes it (`*\/` cannot end the comment early). */
function comment(text: string): string {
  return ['/**', ...text.replace(/\*\//g, '* /').split('\n').map((line) => ` * ${line}`), ' */'].join('\n');
}

/** The description plus the array bounds, which the types leave to the comment. */
function commentOf(schema: Schema): string | undefined {
  const bounds = [
    ...('minItems' in schema ? [`@minItems ${String(schema.minItems)}`] : []),
    ...('maxItems' in schema ? [`@maxItems ${String(schema.maxItems)}`] : []),
  ].join('\n');
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (description && bounds) return `${description}\n\n${bounds}`;
  return description || bounds || undefined;
}

function keyName(name: string): string {
  return /^[A-Za-z_$]/.test(name) && /^[\w$]+$/.test(name) ? name : JSON.stringify(name);
}

function writeTypes(root: Schema): string {
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  // Definitions become named interfaces, in the order they are first referred to.
  const named = new Map<string, string>();
  const order: string[] = [];

  function typeOf(schema: Schema): string {
    if (typeof schema.$ref === 'string') {
      const target = /^#\/\$defs\/([a-z]+\d*)$/.exec(schema.$ref)?.[1];
      if (!target || !defs[target]) throw new ThutucError({ vi: `tham chiếu không hỗ trợ: ${schema.$ref}`, en: `unsupported reference ${schema.$ref}` });
      if (!named.has(target)) {
        named.set(target, target[0]!.toUpperCase() + target.slice(1));
        order.push(target);
      }
      return named.get(target)!;
    }
    if (Array.isArray(schema.enum)) {
      const members = schema.enum.map((v) => JSON.stringify(v));
      return members.length === 1 ? members[0]! : `(${members.join(' | ')})`;
    }
    switch (schema.type) {
      case 'string':
      case 'boolean':
        return schema.type;
      case 'number':
      case 'integer':
        return 'number';
      case 'array':
        return `${typeOf(schema.items as Schema)}[]`;
      case 'object':
        return objectType(schema);
      default:
        throw new ThutucError({ vi: `kiểu không hỗ trợ: ${JSON.stringify(schema.type)}`, en: `unsupported type ${JSON.stringify(schema.type)}` });
    }
  }

  function objectType(schema: Schema): string {
    const required = new Set((schema.required ?? []) as string[]);
    const lines = Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, sub]) => {
      const text = commentOf(sub);
      return `${text ? `${comment(text)}\n` : ''}${keyName(name)}${required.has(name) ? '' : '?'}: ${typeOf(sub)}`;
    });
    return `{\n${lines.join('\n')}\n}`;
  }

  const interfaces: string[] = [];
  const rootText = commentOf(root);
  interfaces.push(`${rootText ? `${comment(rootText)}\n` : ''}export interface Payload ${objectType(root)}`);
  for (let i = 0; i < order.length; i++) {
    const def = defs[order[i]!]!;
    const text = commentOf(def);
    interfaces.push(`${text ? `${comment(text)}\n` : ''}export interface ${named.get(order[i]!)} ${objectType(def)}`);
  }
  return `${SHAPE_HEADER}\n\n${interfaces.join('\n')}\n`;
}
