import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/**
 * The handlebars templates that shape every emitted file. They emit code, not HTML, so
 * HTML escaping is off; every value goes in through the `json` helper (a JSON literal)
 * or is code this compiler generated, never raw catalogue text.
 */
const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);

const hbs = Handlebars.create();
hbs.registerHelper('json', (value: unknown) => JSON.stringify(value, null, 2));

const cache = new Map<string, Handlebars.TemplateDelegate>();

export function render(name: string, context: object): string {
  let template = cache.get(name);
  if (!template) {
    const text = readFileSync(fileURLToPath(new URL(`${name}.hbs`, TEMPLATE_DIR)), 'utf8');
    template = hbs.compile(text, { noEscape: true, strict: true, knownHelpers: { json: true }, knownHelpersOnly: true });
    cache.set(name, template);
  }
  return template(context);
}
