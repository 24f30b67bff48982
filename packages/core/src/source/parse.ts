import {
  LineCounter,
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { diagnostic, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.js';
import { FORBIDDEN_KEYS, MAX_SCALAR_LENGTH, plainMapping } from './plain-parse.js';

export { MAX_SCALAR_LENGTH };
const MAX_ALIAS_COUNT = 100;
/** Tags of YAML's core schema: plain data. Anything else (e.g. `!!js/function`) is refused. */
const PLAIN_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** A parsed YAML file that still knows where every value came from. */
export interface ParsedSource {
  file: string;
  text: string;
  /** The plain data, or undefined when the file could not be read as one mapping. */
  value: unknown;
  diagnostics: Diagnostic[];
  /**
   * Position of the value at a JSON Pointer. With `key: true` and a pointer ending in a
   * mapping key, the key itself is located (used for "property not allowed").
   * Falls back to the nearest existing ancestor.
   */
  locate(pointer: string, options?: { key?: boolean }): SourceLocation;
  /** The YAML node at a JSON Pointer, when it exists (used to word messages precisely). */
  nodeAt(pointer: string): Node | undefined;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * yaml reports an unclosed quote at the end of the file; the useful place is the quote
 * that opened it: the first line with an odd number of that quote outside a comment.
 */
function unclosedQuote(text: string, quote: string): { line: number; column: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let open = -1;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c];
      if (open < 0 && ch === '#' && (c === 0 || line[c - 1] === ' ')) break;
      if (ch === '\\' && quote === '"') {
        c++;
        continue;
      }
      if (ch === quote) open = open < 0 ? c : -1;
    }
    if (open >= 0) return { line: i + 1, column: open + 1 };
  }
  return undefined;
}

function yamlErrorToDiagnostic(error: YAMLError, file: string, lineCounter: LineCounter, text: string): Diagnostic {
  const pos = lineCounter.linePos(error.pos[0]);
  const where = { file, line: pos.line, column: pos.col };
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^\s*("[^"]*"|'[^']*'|[^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1] ?? '?';
      return diagnostic('TT1006', where, { key });
    }
    case 'MISSING_CHAR': {
      const quote = /closing "quote/.test(error.message) ? '"' : /closing 'quote/.test(error.message) ? "'" : undefined;
      const opened = quote ? unclosedQuote(text, quote) : undefined;
      if (opened) return diagnostic('TT1005', { file, ...opened }, { detail: { vi: `dấu nháy ${quote} mở ở đây chưa được đóng`, en: `the ${quote} quote opened here is never closed` } });
      return diagnostic('TT1005', where, { detail: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') });
    }
    case 'TAB_AS_INDENT':
      return diagnostic('TT1007', where);
    case 'RESOURCE_EXHAUSTION':
      return diagnostic('TT1009', where);
    default: {
      // yaml's message ends with a code frame of its own; keep only its first line.
      const detail = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return diagnostic('TT1005', where, { detail });
    }
  }
}

function describeTopLevel(node: unknown): string {
  if (isSeq(node)) return 'một danh sách / a list';
  if (isScalar(node)) return `một giá trị đơn / a single value (${JSON.stringify(node.value)})`;
  return 'không phải đối tượng / not a mapping';
}

/** Reports what plain JSON cannot hold safely: foreign tags, prototype keys, huge scalars. */
function checkNodes(doc: Document, file: string, lineCounter: LineCounter, out: Diagnostic[]): void {
  const at = (node: Node) => {
    const p = lineCounter.linePos(node.range?.[0] ?? 0);
    return { file, line: p.line, column: p.col };
  };
  const shown = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');
  visit(doc, {
    Scalar(_, node) {
      if (node.tag && !PLAIN_TAGS.has(node.tag)) out.push(diagnostic('TT1010', at(node), { tag: shown(node.tag) }));
      if (typeof node.value === 'string' && node.value.length > MAX_SCALAR_LENGTH) {
        out.push(diagnostic('TT1013', at(node), { length: node.value.length, limit: MAX_SCALAR_LENGTH }));
      }
    },
    Map(_, node) {
      if (node.tag && !PLAIN_TAGS.has(node.tag)) out.push(diagnostic('TT1010', at(node), { tag: shown(node.tag) }));
    },
    Seq(_, node) {
      if (node.tag && !PLAIN_TAGS.has(node.tag)) out.push(diagnostic('TT1010', at(node), { tag: shown(node.tag) }));
    },
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
        out.push(diagnostic('TT1011', at(key), { key: String(key.value) }));
      }
    },
  });
}

function childOf(node: unknown, segment: string): { value: unknown; key?: Node } | undefined {
  if (isAlias(node)) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === segment) {
        return { value: pair.value, key: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const index = Number(segment);
    if (!Number.isInteger(index)) return undefined;
    const item = node.items[index];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

/**
 * Parse one YAML file. Never throws for bad input: every problem is a diagnostic
 * with the file and, where the parser knows it, the line and column. A file the quick reader
 * takes (see plainMapping: well-formed plain data, which the full parser would read the same
 * and not report) is read by it; positions are then worked out only if a diagnostic asks.
 */
export function parseSource(text: string, file: string): ParsedSource {
  const value = plainMapping(text);
  return value === undefined ? parseWithPositions(text, file) : lazyParsedSource(file, text, value);
}

/** The full parser: a YAML document that knows where every node came from. */
export function parseWithPositions(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let doc: Document | undefined;
  let value: unknown;

  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > 1) {
    const second = list[1]!;
    const p = lineCounter.linePos(second.range[0]);
    diagnostics.push(diagnostic('TT1008', { file, line: p.line, column: p.col }, { count: list.length }));
  }
  doc = list[0];

  if (doc) {
    for (const error of doc.errors) diagnostics.push(yamlErrorToDiagnostic(error, file, lineCounter, text));
    for (const warning of doc.warnings) {
      // Unresolved tags arrive as warnings; they are reported by checkNodes as TT1010.
      if (warning.code !== 'TAG_RESOLVE_FAILED') diagnostics.push(yamlErrorToDiagnostic(warning, file, lineCounter, text));
    }
    if (doc.errors.length === 0) checkNodes(doc, file, lineCounter, diagnostics);
  } else if (!Array.isArray(docs)) {
    // parseAllDocuments returns an EmptyStream for input holding nothing.
  }

  const contents = doc?.contents;
  if (diagnostics.length === 0) {
    if (contents === null || contents === undefined || (isScalar(contents) && contents.value === null)) {
      diagnostics.push(diagnostic('TT1004', { file, line: 1, column: 1 }));
    } else if (!isMap(contents)) {
      const p = lineCounter.linePos(contents.range?.[0] ?? 0);
      diagnostics.push(diagnostic('TT1014', { file, line: p.line, column: p.col }, { got: describeTopLevel(contents) }));
    } else {
      try {
        value = doc!.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        // yaml throws (rather than reports) when aliases expand past maxAliasCount.
        if (error instanceof ReferenceError) diagnostics.push(diagnostic('TT1009', { file, line: 1, column: 1 }));
        else diagnostics.push(diagnostic('TT1005', { file, line: 1, column: 1 }, { detail: String(error) }));
      }
    }
  }

  const nodeAt = (pointer: string): Node | undefined => {
    let node: unknown = doc?.contents;
    for (const segment of pointerSegments(pointer)) {
      node = childOf(node, segment)?.value;
      if (node === undefined) return undefined;
    }
    return isNode(node) ? node : undefined;
  };

  const locate = (pointer: string, options: { key?: boolean } = {}): SourceLocation => {
    let node: unknown = doc?.contents;
    let located: Node | undefined = isNode(node) ? node : undefined;
    const segments = pointerSegments(pointer);
    for (let i = 0; i < segments.length; i++) {
      const child = childOf(node, segments[i]!);
      if (!child) break;
      const last = i === segments.length - 1;
      if (last && options.key && child.key) {
        located = child.key;
        break;
      }
      node = child.value;
      // A key with no value (`amount:`) has a null value node without a range: point at the key.
      if (isNode(node) && node.range) located = node;
      else if (child.key) located = child.key;
    }
    const start = located?.range?.[0] ?? 0;
    const end = located?.range?.[1] ?? start;
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    return { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, path: pointer };
  };

  return { file, text, value, diagnostics, locate, nodeAt };
}

export function isPlainNumberNode(node: Node | undefined): boolean {
  return isScalar(node) && typeof node.value === 'number' && node.type === 'PLAIN';
}

/**
 * A ParsedSource whose value is already known (read quickly, or by a build worker): it parses
 * with positions only if a diagnostic needs one, which valid files never do.
 */
export function lazyParsedSource(file: string, text: string, value: unknown): ParsedSource {
  let parsed: ParsedSource | undefined;
  const real = () => (parsed ??= parseWithPositions(text, file));
  return {
    file,
    text,
    value,
    diagnostics: [],
    locate: (pointer, options) => real().locate(pointer, options),
    nodeAt: (pointer) => real().nodeAt(pointer),
  };
}
