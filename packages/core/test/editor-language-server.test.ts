import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSnippet, YamlLanguageServer, type LspCompletionItem } from './support/language-server.js';

/**
 * What a policy officer sees in VS Code with the YAML extension: the real yaml-language-server,
 * driven over stdio, on the catalogue's own files and schemas. One server process for every case.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIRTH = path.join(root, 'catalogue/ho-tich/dang-ky-khai-sinh.yaml');
const birthUri = pathToFileURL(BIRTH).href;
const bin = path.join(root, 'packages/cli/bin/thutuc.js');

/** Every outgoing HTTP(S) request of the server goes through this proxy, which only counts them. */
let proxy: Server;
const outgoing: string[] = [];
let server: YamlLanguageServer;
let birth: string;

beforeAll(async () => {
  proxy = createServer((req, res) => {
    outgoing.push(req.url ?? '');
    res.writeHead(502).end();
  });
  proxy.on('connect', (req, socket) => {
    outgoing.push(req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  server = new YamlLanguageServer({
    // No schema store, no remote schemas: the `$schema` line of each file is all it reads.
    yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {}, format: { enable: false } },
    http: { proxy: `http://127.0.0.1:${port}`, proxyStrictSSL: false },
  });
  await server.start(pathToFileURL(root).href);
  birth = await readFile(BIRTH, 'utf8');
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  expect(outgoing, 'nothing may load from the internet').toEqual([]);
});

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => path.join(e.parentPath, e.name)).sort();
}

function lineIndex(text: string, line: string, from = 0): number {
  const index = text.split('\n').findIndex((l, i) => i >= from && l === line);
  expect(index, `line "${line}"`).toBeGreaterThanOrEqual(0);
  return index;
}

/**
 * Types `- ` on a new line after `after` (at `indent`), asks for completion there, accepts the
 * item named `label` with every placeholder's default, as the editor inserts it (following
 * lines take the line's indentation), and returns the new text.
 */
async function insertTemplate(text: string, after: number, indent: string, label: string): Promise<{ text: string; item: LspCompletionItem }> {
  const lines = text.split('\n');
  lines.splice(after + 1, 0, `${indent}- `);
  await server.publish(birthUri, lines.join('\n'));
  const items = await server.completion(birthUri, after + 1, indent.length + 2);
  const item = items.find((i) => i.label === label);
  expect(item, `${label} among ${items.map((i) => i.label).join(', ')}`).toBeDefined();
  const body = expandSnippet(item!.textEdit?.newText ?? item!.insertText ?? '');
  lines[after + 1] = `${indent}- ${body.split('\n').join(`\n${indent}`)}`;
  return { text: lines.join('\n'), item: item! };
}

/**
 * `thutuc validate` of the birth registration file holding `text` with the shared data it refers
 * to (agencies, document types), in a copy of the catalogue. Bundles that list it as a member are
 * left out: a new required field rightly asks them for a mapping (TT3017).
 */
async function thutucValidate(text: string): Promise<{ code: number | null; output: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thutuc-editor-'));
  try {
    await cp(path.join(root, 'catalogue'), path.join(dir, 'catalogue'), { recursive: true });
    await cp(path.join(root, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
    const file = path.join(dir, 'catalogue/ho-tich/dang-ky-khai-sinh.yaml');
    await writeFile(file, text);
    const r = spawnSync(process.execPath, [bin, 'validate', path.relative(dir, file), 'catalogue/shared'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status, output: r.stdout + r.stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the schemas in yaml-language-server', () => {
  it('find no problem in any catalogue file (no false errors)', async () => {
    const files = await yamlFiles(path.join(root, 'catalogue'));
    expect(files.length).toBeGreaterThan(50);
    // All open at once, as in an editor with the catalogue folder open.
    const published = await Promise.all(
      files.map(async (file) => {
        const diagnostics = await server.publish(pathToFileURL(file).href, await readFile(file, 'utf8'));
        return diagnostics.map((d) => `${path.relative(root, file)}:${d.range.start.line + 1}: ${d.message}`);
      }),
    );
    for (const file of files) if (file !== BIRTH) server.close(pathToFileURL(file).href);
    expect(published.flat()).toEqual([]);
  });

  it('words the common mistakes in Vietnamese, each the same as thutuc validate says it at the same line', async () => {
    const lines = birth.split('\n');
    const fee = lineIndex(birth, '        amount: 8000');
    lines[fee] = '        amount: tám nghìn';
    const date = lineIndex(birth, 'effectiveDate: "2026-01-16"');
    lines[date] = 'effectiveDate: "16/01/2026"';
    const level = lineIndex(birth, 'onlineLevel: full');
    lines[level] = 'onlineLevel: "4"';
    const typo = lineIndex(birth, '        kind: local');
    lines[typo] = '        kinds: local';
    const text = lines.join('\n');
    const diagnostics = await server.publish(birthUri, text);
    const byLine = new Map(diagnostics.map((d) => [d.range.start.line, d.message.split('\n\n')]));
    expect(byLine.get(fee)![0]).toMatch(/^Số tiền là một số nguyên \(đồng\), viết bằng chữ số.*không viết bằng chữ \("tám nghìn"\)/);
    expect(byLine.get(fee)![1]).toMatch(/never in words/);
    expect(byLine.get(date)![0]).toMatch(/^Ngày viết theo dạng `YYYY-MM-DD`/);
    expect(byLine.get(level)![0]).toMatch(/^`onlineLevel` nhận một trong ba giá trị theo Điều 11 Nghị định 42\/2022\/NĐ-CP/);
    expect(byLine.get(typo)![0]).toMatch(/^Một dòng phí cần `id` .*Kiểm tra chính tả tên khóa\.$/);
    const cli = await thutucValidate(text);
    expect(cli.code).toBe(1);
    for (const [line, code] of [[fee, 'TT2003'], [date, 'TT2005'], [level, 'TT2004'], [typo, 'TT2002']] as const) {
      expect(cli.output).toMatch(new RegExp(`dang-ky-khai-sinh\\.yaml:${line + 1}:\\d+: lỗi ${code}: `));
      expect(cli.output, code).toContain(byLine.get(line)![0]);
    }
    expect(cli.output).toContain('Có phải ý bạn là `kind`?');
  });

  it('says why a fee line misses its amount, in Vietnamese', async () => {
    const at = lineIndex(birth, '        amount: 8000');
    const lines = birth.split('\n');
    lines.splice(at, 1);
    const kind = lines.findLastIndex((l, i) => i < at && l === '        kind: per_unit');
    lines[kind] = '        kind: fixed';
    const diagnostics = await server.publish(birthUri, lines.join('\n'));
    expect(diagnostics.map((d) => d.message.split('\n\n')[0])).toEqual([
      expect.stringMatching(/^Dòng phí `kind: fixed` \(số tiền cố định\) cần `amount`: số tiền nguyên \(đồng\)/),
    ]);
  });

  it('gives each online level a note of its own when completing onlineLevel', async () => {
    const at = lineIndex(birth, 'onlineLevel: full');
    const lines = birth.split('\n');
    lines[at] = 'onlineLevel: ';
    await server.publish(birthUri, lines.join('\n'));
    const items = await server.completion(birthUri, at, 'onlineLevel: '.length);
    const notes = new Map(items.map((i) => [i.label, typeof i.documentation === 'object' ? i.documentation.value : i.documentation]));
    expect([...notes.keys()].sort()).toEqual(['full', 'none', 'partial']);
    expect(new Set(notes.values()).size).toBe(3);
    expect(notes.get('full')).toMatch(/^\*\*Toàn trình\*\* .*Nghị định 42\/2022\/NĐ-CP, Điều 11 khoản 1/);
    expect(notes.get('partial')).toMatch(/^\*\*Một phần\*\* .*Điều 11 khoản 2/);
    expect(notes.get('none')).toMatch(/^\*\*Chưa trực tuyến\*\*/);
    for (const note of notes.values()) expect(note).toMatch(/\n\n\*[A-Z]/); // English after the Vietnamese
  });

  it('shows Vietnamese then English help, with inline code as Markdown, on hover', async () => {
    await server.publish(birthUri, birth);
    const at = lineIndex(birth, 'onlineLevel: full');
    const hover = await server.hover(birthUri, at, 2);
    expect(hover).toContain('**Mức độ dịch vụ công trực tuyến** — Mức độ dịch vụ công trực tuyến theo Điều 11 Nghị định 42/2022/NĐ-CP');
    expect(hover).toContain('*Online service level* — The online service level under Decree 42/2022/NĐ-CP');
    expect(hover).toContain('`full` toàn trình');
    expect(hover).not.toContain('\\`');
  });

  it('inserts fee, document, case, form field and channel templates that validate as they are', async () => {
    let text = birth;
    const insert = async (afterLine: string, indent: string, label: string, from = 0) => {
      ({ text } = await insertTemplate(text, lineIndex(text, afterLine, from), indent, label));
      const diagnostics = await server.publish(birthUri, text);
      expect(diagnostics.map((d) => d.message), label).toEqual([]);
    };
    await insert('    fees:', '      ', 'Phí cố định · Fixed fee');
    await insert('    fees:', '      ', 'Chưa có thông tin · Not stated');
    await insert('    documents:', '      ', 'Giấy tờ nộp bản chính · Original to submit');
    await insert('cases:', '  ', 'Trường hợp và giấy tờ · Case with documents');
    await insert('      fields:', '        ', 'Trường chọn một · Choice field');
    await insert('      fields:', '        ', 'Trường ngày · Date field');
    // The officer replaces the in-person channel with the free-of-charge template.
    const lines = text.split('\n');
    const start = lineIndex(text, '  - channel: in_person');
    const end = lineIndex(text, 'cases:');
    lines.splice(start, end - start);
    text = lines.join('\n');
    await insert('channels:', '  ', 'Hình thức nộp miễn phí · Free channel');
    // The one placeholder an officer must fill: which of the file's legal documents sets the fee.
    text = text.replaceAll('- ma-van-ban', '- tt-281-2016-btc');
    expect(await server.publish(birthUri, text)).toEqual([]);
    const cli = await thutucValidate(text);
    expect(cli.output).not.toMatch(/ lỗi TT/);
    expect(cli.code).toBe(0);
    for (const id of ['phi-moi', 'phi-chua-ro', 'giay-to-moi', 'truong-hop-moi', 'lua_chon', 'ngay_moi', 'mien-le-phi']) expect(text).toContain(`id: ${id}`);
  });
});
