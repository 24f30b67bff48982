const SVG_NS = 'http://www.w3.org/2000/svg';
const TAGS = new Set(['svg', 'g', 'path', 'rect', 'title', 'desc']);
const ATTRIBUTES = new Set(['viewBox', 'width', 'height', 'd', 'x', 'y', 'fill', 'stroke', 'stroke-width', 'shape-rendering', 'role', 'aria-label', 'aria-hidden', 'preserveAspectRatio']);
/** Attributes that are allowed but carry nothing to draw (namespaces are set by createElementNS). */
const IGNORED = new Set(['xmlns', 'version', 'xmlns:xlink']);
const TOKEN = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*)\s*(\/?)>|([^<]+)/gy;
const ATTRIBUTE = /([a-zA-Z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A QR code the server drew, rebuilt as SVG elements this page can show. The markup is never
 * handed to an HTML or XML parser (which would already meet an event-handler attribute): it is
 * read token by token and rebuilt with createElementNS, keeping only plain shapes and their
 * geometry — any script, link, style, handler or other content refuses the whole image.
 * Undefined when it does not pass.
 */
export function safeSvg(markup: string): SVGSVGElement | undefined {
  const text = markup.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  const stack: Element[] = [];
  let root: SVGSVGElement | undefined;
  let read = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    read = TOKEN.lastIndex;
    const [, closing, tag, attributes = '', selfClosing, content] = m;
    const parent = stack[stack.length - 1];
    if (content !== undefined) {
      if (!content.trim()) continue;
      if (!parent || (parent.localName !== 'title' && parent.localName !== 'desc')) return undefined;
      parent.append(content);
      continue;
    }
    if (!tag || !TAGS.has(tag)) return undefined;
    if (closing) {
      if (parent?.localName !== tag || attributes) return undefined;
      stack.pop();
      continue;
    }
    if ((tag === 'svg') !== !root) return undefined;
    const el = document.createElementNS(SVG_NS, tag);
    for (const [, name = '', double, single] of attributes.matchAll(ATTRIBUTE)) {
      const value = double ?? single ?? '';
      if (IGNORED.has(name)) continue;
      if (!ATTRIBUTES.has(name) || /url\(|javascript:|[<>]/i.test(value)) return undefined;
      el.setAttribute(name, value);
    }
    if (tag === 'svg') root = el as SVGSVGElement;
    else if (parent) parent.append(el);
    else return undefined;
    if (!selfClosing) stack.push(el);
  }
  // Anything left unread (a stray `<`, an unclosed element) refuses the image.
  return root && stack.length === 0 && read === text.length ? root : undefined;
}
