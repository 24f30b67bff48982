import { encode } from 'uqr';

/**
 * A QR code as an inline SVG, drawn here from uqr's module matrix so that the markup holds
 * only numbers: whatever the encoded text contains, nothing of it reaches the HTML except
 * as black and white squares. No canvas, no network, no script — the paper stays printable
 * under `default-src 'none'`.
 *
 * Error correction M (15 %) survives a smudged printout; the quiet zone is the four modules
 * the QR specification asks for. Each row's dark runs become one `h` segment, which keeps a
 * 100-character link under 3 KB of markup. `label` names the code for screen readers (escaped).
 */
export function qrSvg(text: string, sizeMm = 24, label = 'Mã QR tra cứu hồ sơ'): string {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return (
    `<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${sizeMm}mm" height="${sizeMm}mm" shape-rendering="crispEdges" role="img" aria-label="${label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
