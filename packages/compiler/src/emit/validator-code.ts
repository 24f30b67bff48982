/**
 * Pieces of generated validator code that do not depend on the schema's shape: instance
 * paths built from literal and variable parts, and the module-level constants (regular
 * expressions, enum lists, key sets, runtime functions) a module declares once and every
 * check shares.
 */

/** A part of an instance path: literal text, or the name of a variable holding a key or index. */
export type PathPart = { text: string } | { name: string };

/** JavaScript for a path: adjacent literals merged, so static paths are one string literal. */
export function pathCode(parts: readonly PathPart[]): string {
  const out: string[] = [];
  let text = '';
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    if (text) out.push(JSON.stringify(text));
    text = '';
    out.push(part.name);
  }
  if (text || out.length === 0) out.push(JSON.stringify(text));
  return out.join('+');
}

/** A property name as a JSON Pointer segment (RFC 6901), as ajv writes it into instancePath. */
export function pointerSegment(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `x.name` where the name is an identifier, else `x["name"]`. */
export function member(object: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

/**
 * Module-level constants, named in order of first use (so output depends on the schema only)
 * and declared once however many fields use them.
 */
export class ModuleConstants {
  readonly #byKey = new Map<string, string>();
  readonly #lines: string[] = [];
  #numbered = 0;

  #declare(prefix: string, key: string, code: string, fixedName?: string): string {
    let name = this.#byKey.get(key);
    if (!name) {
      name = fixedName ?? `${prefix}${this.#numbered++}`;
      this.#byKey.set(key, name);
      this.#lines.push(`const ${name} = ${code};`);
    }
    return name;
  }

  /**
   * A regular expression literal with the `u` flag, as ajv compiles `pattern` (its
   * `unicodeRegExp` default). `String(new RegExp(…))` escapes what a literal must escape.
   */
  pattern(source: string): string {
    return this.#declare('p', `p${source}`, String(new RegExp(source, 'u')));
  }

  /** An array of allowed values: error params point at it, as ajv's point at the schema's. */
  list(values: readonly unknown[]): string {
    const json = JSON.stringify(values);
    return this.#declare('a', `a${json}`, json);
  }

  /** A runtime function under its own name, read once from the runtime (imported as `r`). */
  runtime(name: string): string {
    return this.#declare('', `r${name}`, `r.${name}`, name);
  }

  /**
   * Property names in order and each one's position, for objects with too many properties to
   * compare one by one.
   */
  keys(names: readonly string[]): { list: string; index: string } {
    const json = JSON.stringify(names);
    const list = this.#declare('k', `k${json}`, json);
    return { list, index: this.#declare('m', `m${json}`, `new Map(${list}.map((k, i) => [k, i]))`) };
  }

  code(): string {
    return this.#lines.join('\n');
  }
}
