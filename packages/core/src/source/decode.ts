import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** Files larger than this are refused before parsing: no catalogue entry comes near it. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type DecodeResult = { text: string; diagnostics: [] } | { text: undefined; diagnostics: Diagnostic[] };

/** Line and column (from 1) of a byte offset, counting only complete lines before it. */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Turns raw bytes into text, refusing what is not a UTF-8 text file. Works the same in a
 * browser and in Node: the only file-system access lives in the compiler's loader.
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { text: undefined, diagnostics: [diagnostic('TT1012', { file }, { size: bytes.length, limit: MAX_FILE_BYTES })] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { text: undefined, diagnostics: [diagnostic('TT1003', { file, ...positionOfByte(bytes, nul) }, { offset: nul })] };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    return { text: undefined, diagnostics: [diagnostic('TT1002', { file, ...positionOfByte(bytes, bad) }, { offset: bad })] };
  }
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, diagnostics: [] };
}
