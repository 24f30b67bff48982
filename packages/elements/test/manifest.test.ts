import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS build script
import { writeManifest } from '../scripts/manifest.js';

/**
 * custom-elements.json is what editors and framework wrappers read as <thutuc-form>'s API.
 * The committed file must be the one the sources give, and it must list the documented
 * attributes and properties only, never the form's internal state and operations.
 */
const elements = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Named {
  name: string;
}
interface Member extends Named {
  kind: string;
  privacy?: string;
}
interface Declaration extends Named {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  members?: Member[];
  attributes?: Named[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const DOCUMENTED_ATTRIBUTES = ['procedure', 'catalogue-base', 'action', 'lang', 'today', 'timeout', 'province', 'status-page'];
const DOCUMENTED_PROPERTIES = ['procedure', 'catalogueBase', 'action', 'lang', 'today', 'timeout', 'province', 'statusPage'];
const INTERNAL = ['setKey', 'lookUp', 'addFiles', 'removeFile', 'sendSupplement', 'pay', 'download', 'fieldErrors', 'fileProblems', 'transfer', 'qr', 'setValue', 'touch', 'setCase', 'setDelivery', 'setFiles', 'goTo', 'next', 'submit', 'payload', 'errorFor', 'fieldView', 'stepsNow', 'data', 'files', 'fileProblems', 'currentCase', 'currentDelivery', 'language', 'todayValue', 'conditionContext', 'overrides'];

let dir: string;
let committed: string;
let fresh: string;
let manifest: Manifest;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-manifest-'));
  fresh = await readFile(await writeManifest(dir), 'utf8');
  committed = await readFile(path.join(elements, 'custom-elements.json'), 'utf8');
  manifest = JSON.parse(committed) as Manifest;
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const isPublic = (m: Member) => m.privacy === undefined || m.privacy === 'public';
const element = (tag = 'thutuc-form') => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

describe('custom-elements.json', () => {
  it('is the one the sources give now (regenerate with `npm run build` and commit it)', () => {
    expect(JSON.parse(committed), 'committed packages/elements/custom-elements.json is stale').toEqual(JSON.parse(fresh));
    expect(committed).toBe(fresh);
  });

  it('describes <thutuc-form> with its documented attributes, properties and events', () => {
    const form = element();
    expect(form).toMatchObject({ kind: 'class', name: 'ThutucForm', customElement: true });
    expect(form!.attributes!.map((a) => a.name)).toEqual(DOCUMENTED_ATTRIBUTES);
    expect(form!.attributes!.map((a) => a.name)).toContain('province');
    expect(form!.members!.filter(isPublic).map((m) => m.name)).toEqual(DOCUMENTED_PROPERTIES);
    expect(form!.events!.map((e) => e.name)).toEqual(['thutuc-submit', 'thutuc-submitted', 'thutuc-error']);
    expect(form!.cssParts!.map((p) => p.name)).toEqual(expect.arrayContaining(['form', 'field', 'error-summary', 'receipt']));
    expect(form!.cssProperties!.map((p) => p.name)).toEqual(expect.arrayContaining(['--thutuc-color-primary', '--thutuc-font-family']));
  });

  it('describes <thutuc-status> with its attributes, the lookup answer property, parts and tokens', () => {
    const status = element('thutuc-status');
    expect(status).toMatchObject({ kind: 'class', name: 'ThutucStatus', customElement: true });
    expect(status!.attributes!.map((a) => a.name)).toEqual(['api', 'lang', 'code']);
    expect(status!.members!.filter(isPublic).map((m) => m.name)).toEqual(['api', 'lang', 'code', 'dossier']);
    expect(status!.cssParts!.map((p) => p.name)).toEqual(expect.arrayContaining(['form', 'status', 'timeline', 'supplement', 'payment', 'result']));
    expect(status!.cssProperties!.map((p) => p.name)).toEqual(expect.arrayContaining(['--thutuc-color-primary', '--thutuc-font-family']));
  });

  it('lists none of the form state or its operations as public members, on the element or elsewhere', () => {
    const listed = manifest.modules.flatMap((m) =>
      (m.declarations ?? []).flatMap((d) => (d.members ?? []).filter((member) => isPublic(member) && INTERNAL.includes(member.name)).map((member) => `${m.path} ${d.name}.${member.name}`)),
    );
    expect(listed).toEqual([]);
    expect(element()!.members!.map((m) => m.name).filter((name) => /^[_#]/.test(name))).toEqual([]);
  });
});
