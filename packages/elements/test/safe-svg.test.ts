import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeSvg } from '../src/status/safe-svg.js';

/**
 * The VietQR image comes from the network as SVG text; only plain shapes may reach the page.
 * Node has no DOM, so a minimal document records what safeSvg builds.
 */
interface Built {
  localName: string;
  attributes: Record<string, string>;
  children: (Built | string)[];
}

beforeAll(() => {
  const createElementNS = (_ns: string, localName: string): Built & { setAttribute(n: string, v: string): void; append(c: Built | string): void } => {
    const el = { localName, attributes: {} as Record<string, string>, children: [] as (Built | string)[], setAttribute: (n: string, v: string) => void (el.attributes[n] = v), append: (c: Built | string) => void el.children.push(c) };
    return el;
  };
  (globalThis as unknown as { document: unknown }).document = { createElementNS };
});
afterAll(() => {
  delete (globalThis as unknown as { document?: unknown }).document;
});

const QR = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" role="img" aria-label="VietQR"><title>VietQR</title><path d="M0 0h7v7H0z" fill="#000"/><rect x='8' y="0" width="1" height="1"/></svg>`;

describe('safeSvg', () => {
  it('rebuilds a QR code made of paths and rectangles, with its title', () => {
    const svg = safeSvg(QR) as unknown as Built;
    expect(svg.localName).toBe('svg');
    expect(svg.attributes).toEqual({ viewBox: '0 0 29 29', role: 'img', 'aria-label': 'VietQR' });
    expect(svg.children.map((c) => (typeof c === 'string' ? c : c.localName))).toEqual(['title', 'path', 'rect']);
    expect((svg.children[0] as Built).children).toEqual(['VietQR']);
    expect((svg.children[2] as Built).attributes).toEqual({ x: '8', y: '0', width: '1', height: '1' });
  });

  it.each([
    ['a script element', '<svg><script>alert(1)</script></svg>'],
    ['an event handler', '<svg><path d="M0 0" onload="alert(1)"/></svg>'],
    ['a link', '<svg><a href="javascript:alert(1)"><path d="M0 0"/></a></svg>'],
    ['a style', '<svg><path d="M0 0" style="fill:url(https://example.com/x)"/></svg>'],
    ['a paint server URL', '<svg><path d="M0 0" fill="url(#x)"/></svg>'],
    ['foreign content', '<svg><foreignObject><div>x</div></foreignObject></svg>'],
    ['text outside a title', '<svg>hello<path d="M0 0"/></svg>'],
    ['an unclosed element', '<svg><g><path d="M0 0"/></svg>'],
    ['a second root', '<svg></svg><svg></svg>'],
    ['a stray bracket', '<svg><path d="M0 0"/> < </svg>'],
    ['an unquoted attribute', '<svg><path d=M0/></svg>'],
    ['no svg at all', '<path d="M0 0"/>'],
  ])('refuses %s', (_name, markup) => {
    expect(safeSvg(markup)).toBeUndefined();
  });
});
