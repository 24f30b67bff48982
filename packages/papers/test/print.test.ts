import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { golden } from './fixture.js';

/**
 * The goldens printed as Chromium prints them: the notices of Circular 03/2025 fit one A5
 * sheet (Mẫu 01 with its QR code too), Mẫu 06 one A4 sheet, Mẫu 07 a landscape A4.
 */
const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
});

async function print(name: string): Promise<{ pages: number; width: number; height: number }> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(path.join(golden, name)).href);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    return { pages: (pdf.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length, width: Number(box[1]), height: Number(box[2]) };
  } finally {
    await page.close();
  }
}

/** Points per millimetre in a PDF. */
const MM = 72 / 25.4;

describe('printed papers', () => {
  it('fit each notice, Mẫu 01 with its QR code included, on one A5 sheet', async () => {
    for (const name of ['receipt-khai-sinh.html', 'supplement-khai-sinh.html', 'refusal-khai-sinh.html', 'apology-khai-sinh.html', 'stop-khai-sinh.html']) {
      const printed = await print(name);
      expect(printed.pages, name).toBe(1);
      expect([Math.round(printed.width / MM), Math.round(printed.height / MM)], name).toEqual([148, 210]);
    }
  });

  it('print Mẫu 06 on one A4 sheet and Mẫu 07 on landscape A4', async () => {
    const control = await print('control-khai-sinh.html');
    expect(control.pages).toBe(1);
    expect([Math.round(control.width / MM), Math.round(control.height / MM)]).toEqual([210, 297]);
    const register = await print('register.html');
    expect(register.pages).toBe(1);
    expect([Math.round(register.width / MM), Math.round(register.height / MM)]).toEqual([297, 210]);
  });
});
