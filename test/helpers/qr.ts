import jsQRModule from 'jsqr';

// jsqr is CommonJS typed as an ES default export: under NodeNext the default import is the
// module object in types, the function (or an object holding it) at run time.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/**
 * Reads back the QR code of a paper the way a phone would: the squares of the first
 * `<svg class="qr">` (rows of `M x y h n v1 h-n z` runs, as `qrSvg` draws them) onto
 * pixels, then a decoder. Undefined when there is no code or it does not decode.
 */
export function decodeQr(html: string): string | undefined {
  const svg = /<svg class="qr"[^>]*viewBox="0 0 (\d+) \1"[^>]*>.*?<path fill="#000" d="([^"]*)"\/><\/svg>/.exec(html);
  if (!svg) return undefined;
  const size = Number(svg[1]);
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const run of svg[2]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, n] = [Number(run[1]), Number(run[2]), Number(run[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + n) * scale; px++) pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return jsQR(pixels, width, width)?.data;
}
