import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { root } from './site.js';

/**
 * Filling <thutuc-form> as a person does, with the keyboard alone: shared by the form tests
 * and the full-life test.
 */
export interface Active {
  tag: string;
  type: string;
  role: string;
  name: string;
  value: string;
  text: string;
}

/** The focused element, looking through shadow roots. */
export async function active(page: Page): Promise<Active | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const input = el as HTMLInputElement;
    return { tag: el.tagName.toLowerCase(), type: input.type ?? '', role: el.getAttribute('role') ?? '', name: input.name ?? '', value: input.value ?? '', text: (el.textContent ?? '').trim() };
  });
}

/** Values of the radios or options of a named control group, in DOM order. */
export async function choicesOf(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const rootEl = document.querySelector('thutuc-form')!.shadowRoot!;
    const select = rootEl.querySelector<HTMLSelectElement>(`select[name="${n}"]`);
    if (select) return [...select.options].map((o) => o.value);
    return [...rootEl.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${n}"]`)].map((r) => r.value);
  }, name);
}

export function valueAt(submission: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = submission;
  for (const part of pointer.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * Completes the current step with Tab, typing, Space, arrow keys and Enter only, entering
 * the values of `submission` into the controls named by their JSON Pointer.
 */
export async function fillStepByKeyboard(page: Page, submission: Record<string, unknown>, uploads: Record<string, Upload[]>): Promise<void> {
  const done = new Set<string>();
  const trail: string[] = [];
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press('Tab');
    const a = await active(page);
    if (!a) continue;
    trail.push(`${a.tag} ${a.type} ${a.name} ${a.text.slice(0, 30)}`);
    if (a.tag === 'button' && a.type === 'submit') {
      await page.keyboard.press('Enter');
      return;
    }
    if (!a.name) continue;
    const key = a.type === 'checkbox' ? `${a.name}=${a.value}` : a.name;
    if (done.has(key)) continue;
    if (a.type === 'file') {
      const files = uploads[a.name.split('/')[2]!];
      done.add(key);
      if (!files) continue;
      // Space on a focused file input opens the chooser; on a busy machine the first press can
      // be lost while the input settles, so try again a couple of times before failing.
      let chooser: FileChooser | undefined;
      for (let attempt = 0; attempt < 3 && !chooser; attempt++) {
        const waiting = page.waitForEvent('filechooser', { timeout: 8_000 }).catch(() => undefined);
        await page.keyboard.press('Space');
        chooser = await waiting;
      }
      if (!chooser) throw new Error(`the file input ${a.name} did not open a chooser from the keyboard`);
      await chooser.setFiles(files);
      await page.waitForFunction((n) => document.querySelector('thutuc-form')!.shadowRoot!.querySelector(`input[name="${n}"] ~ ul.files`), a.name);
      continue;
    }
    const value = valueAt(submission, a.name);
    done.add(key);
    if (value === undefined) continue;
    if (a.type === 'radio') {
      const index = (await choicesOf(page, a.name)).indexOf(String(value));
      if (index === 0) await page.keyboard.press('Space');
      else for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    } else if (a.type === 'checkbox') {
      const on = Array.isArray(value) ? value.includes(a.value) : value === true;
      if (on) await page.keyboard.press('Space');
    } else if (a.tag === 'select') {
      const index = (await choicesOf(page, a.name)).indexOf(String(value));
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    } else if (a.role === 'combobox') {
      await chooseCommune(page, a.name, String(value));
    } else if (a.type === 'date') {
      // Chromium's date field takes the digits in the order the locale shows (mm/dd/yyyy here).
      const [y, m, d] = String(value).split('-');
      await page.keyboard.type(`${m}${d}${y}`);
    } else {
      await page.keyboard.type(String(value));
    }
  }
  const shown = await page.evaluate(() => document.querySelector('thutuc-form')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 600));
  throw new Error(`never reached the submit button:\n${trail.slice(0, 30).join('\n')}\nform shows: ${shown}`);
}

/** In the focused commune combobox: open the list, walk down to the commune with this code, Enter. */
export async function chooseCommune(page: Page, name: string, code: string): Promise<void> {
  const input = page.locator(`thutuc-form input[name="${name}"]`);
  await page.waitForFunction((n) => document.querySelector('thutuc-form')!.shadowRoot!.querySelector(`input[name="${n}"]`)?.getAttribute('aria-busy') === 'false', name);
  await page.keyboard.press('ArrowDown');
  const ids = await page.locator(`thutuc-form #${await input.getAttribute('aria-controls')} [role=option]`).evaluateAll((els) => els.map((e) => e.id));
  const index = ids.findIndex((id) => id.endsWith(`-${code}`));
  if (index < 0) throw new Error(`commune ${code} is not offered for ${name}`);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

export async function example(procedure: string, name: string): Promise<{ today?: string; submission: Record<string, unknown> }> {
  const file = path.join(root, 'catalogue', procedure.split('.')[0]!, `${procedure.split('.')[1]}.examples.yaml`);
  const doc = parse(await readFile(file, 'utf8')) as { examples: { name: string; today?: string; submission: Record<string, unknown> }[] };
  return doc.examples.find((e) => e.name === name)!;
}

export function pdf(name: string, text: string): Upload {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`) };
}

/** After Enter: wait until the form has settled (not submitting, next step rendered). */
export async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.querySelector('thutuc-form')!.shadowRoot!.querySelector('button[aria-busy="true"]'));
}
