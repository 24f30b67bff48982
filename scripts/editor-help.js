// Editors (VS Code's YAML extension, i.e. yaml-language-server) show `description` as plain
// text: backticks stay raw and the two languages run together. `markdownDescription` is what
// they render, so it is derived here from each schema's `title` ("vi · en") and `description`
// ("vi\n\nen") — written once, shown well — and kept in step by `npm run gen:types`.

/** Markdown characters that would change the rendering if left bare outside `code` spans. */
const MARKDOWN_SPECIAL = /[\\*_<>[\]]/g;

function escapeOutsideCode(text) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)))
    .join('');
}

/** "vi\n\nen": the last paragraph is English, everything before it Vietnamese. */
function splitLanguages(text) {
  const at = text.lastIndexOf('\n\n');
  return at < 0 ? { vi: text, en: '' } : { vi: text.slice(0, at), en: text.slice(at + 2) };
}

export function markdownHelp(title, description) {
  const [viTitle, enTitle = ''] = title.split(' · ');
  const { vi, en } = splitLanguages(description);
  const head = `**${escapeOutsideCode(viTitle)}** — ${escapeOutsideCode(vi)}`;
  if (!en) return head;
  return `${head}\n\n*${escapeOutsideCode(enTitle || 'English')}* — ${escapeOutsideCode(en)}`;
}

/**
 * Returns a copy of a schema in which every subschema with a title and a description also
 * carries the `markdownDescription` made from them, placed right after `description`.
 * Keys of `properties`/`$defs` are names, never annotations.
 */
export function withEditorHelp(node, isNameMap = false) {
  if (Array.isArray(node)) return node.map((n) => withEditorHelp(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  const annotated = !isNameMap && typeof node.title === 'string' && typeof node.description === 'string';
  for (const [key, value] of Object.entries(node)) {
    if (!isNameMap && key === 'markdownDescription') continue;
    // Examples and snippets are data to insert, not schemas.
    out[key] = !isNameMap && (key === 'examples' || key === 'defaultSnippets') ? value : withEditorHelp(value, !isNameMap && (key === 'properties' || key === '$defs'));
    if (annotated && key === 'description') out.markdownDescription = markdownHelp(node.title, node.description);
  }
  return out;
}
