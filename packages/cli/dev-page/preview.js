// The preview page of `thutuc dev`. It builds every node with createElement and textContent, so
// catalogue text is never parsed as HTML; it evaluates nothing, and learns of rebuilds through
// an EventSource (the page runs under script-src 'self', no inline code, no eval).

const CHANNELS = {
  online: { vi: 'Trực tuyến', en: 'Online' },
  post: { vi: 'Bưu chính', en: 'By post' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
};
const NEED = {
  required: { vi: 'bắt buộc', en: 'required' },
  conditional: { vi: 'bắt buộc khi', en: 'required when' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
};
const SEVERITY = { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' };

let shown = 0;

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== null) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** Vietnamese, then English beside it when it differs. */
function both(text) {
  const span = el('span', {}, text.vi);
  if (text.en && text.en !== text.vi) span.append(' ', el('span', { lang: 'en' }, `· ${text.en}`));
  return span;
}

function selectedId(state) {
  const wanted = new URLSearchParams(location.search).get('id');
  const ids = state.procedures.map((p) => p.id);
  return ids.includes(wanted) ? wanted : ids[0];
}

function renderStatus(state) {
  const status = document.getElementById('status');
  const time = new Date().toLocaleTimeString('vi-VN');
  const result = state.ok ? both({ vi: 'Không có lỗi', en: 'No errors' }) : both({ vi: `${state.diagnostics.length} lỗi`, en: `${state.diagnostics.length} error(s)` });
  status.replaceChildren(`Lần dựng ${state.generation} lúc ${time} (${state.buildMs} ms) — `, result);
  document.body.dataset.generation = String(state.generation);
}

function renderDiagnostic(d) {
  return el(
    'li',
    { class: `diagnostic ${d.severity}` },
    el('p', { class: 'where' }, d.where),
    el('p', {}, `${SEVERITY[d.severity] ?? d.severity} ${d.code}: `, both(d.message)),
    d.frame ? el('pre', {}, d.frame) : undefined,
  );
}

function renderProblems(state) {
  const errors = state.diagnostics.filter((d) => d.severity === 'error');
  const warnings = state.diagnostics.filter((d) => d.severity !== 'error');
  document.getElementById('problems').hidden = errors.length === 0;
  document.getElementById('stale').hidden = !state.stale;
  document.getElementById('diagnostics').replaceChildren(...errors.map(renderDiagnostic));
  document.getElementById('warnings-box').hidden = warnings.length === 0;
  document.getElementById('warning-count').textContent = String(warnings.length);
  document.getElementById('warnings').replaceChildren(...warnings.map(renderDiagnostic));
}

function renderList(state, id) {
  const items = state.procedures.map((p) => {
    const a = el('a', { href: `?id=${encodeURIComponent(p.id)}`, ...(p.id === id ? { 'aria-current': 'page' } : {}) }, `${p.title.vi} (${p.version})`);
    return el('li', {}, a);
  });
  document.getElementById('procedures').replaceChildren(...items);
}

function renderItem(item) {
  const need = el('span', { class: `need need-${item.need}` }, both(NEED[item.need]));
  return el(
    'li',
    { 'data-kind': item.kind },
    both(item.label),
    ` [${item.kind}] — `,
    need,
    item.when ? el('span', { class: 'when' }, ` ${item.when}`) : undefined,
    item.options ? el('ul', {}, ...item.options.map((o) => el('li', {}, both(o)))) : undefined,
  );
}

function renderProcedure(state, id) {
  const p = state.procedures.find((x) => x.id === id);
  const main = document.getElementById('procedure');
  if (!p) {
    main.replaceChildren(el('p', {}, both({ vi: 'Chưa có thủ tục nào dựng được.', en: 'No procedure has built yet.' })));
    return;
  }
  const steps = p.steps.map((s, i) =>
    el('section', { class: 'step' }, el('h3', {}, `Bước ${i + 1}/${p.steps.length}: `, both(s.title)), el('ul', {}, ...s.items.map(renderItem))),
  );
  const fees = p.fees.map((c) =>
    el(
      'table',
      { class: 'fees', 'data-channel': c.channel },
      el('caption', {}, both(CHANNELS[c.channel] ?? { vi: c.channel, en: c.channel })),
      ...c.lines.map((f) => el('tr', {}, el('th', { scope: 'row' }, both(f.label)), el('td', { class: 'amount' }, both(f.amount)), el('td', { class: 'when' }, f.when ?? ''))),
    ),
  );
  const deadlines = el(
    'table',
    { class: 'deadlines' },
    ...p.deadlines.map((d) =>
      el('tr', { 'data-channel': d.channel }, el('th', { scope: 'row' }, both(CHANNELS[d.channel] ?? { vi: d.channel, en: d.channel })), el('td', {}, both(d.timeLimit)), el('td', { class: 'due' }, both(d.due))),
    ),
  );
  main.replaceChildren(
    el('h2', {}, both(p.title)),
    el('p', { class: 'meta' }, `${p.code} · phiên bản ${p.version}${p.effectiveDate ? ` · áp dụng từ ${p.effectiveDate}` : ''} · ${p.file}`),
    el('h2', {}, both({ vi: 'Các bước của biểu mẫu', en: 'Form steps' })),
    ...steps,
    el('h2', {}, both({ vi: 'Phí, lệ phí', en: 'Fees' })),
    ...fees,
    el('h2', {}, both({ vi: `Thời hạn — hồ sơ nhận lúc 09:00 ngày ${state.sampleDate}`, en: `Time limits — a dossier received at 09:00 on ${state.sampleDate}` })),
    deadlines,
  );
}

async function refresh() {
  const state = await (await fetch('/state.json', { cache: 'no-store' })).json();
  if (state.generation < shown) return;
  shown = state.generation;
  const id = selectedId(state);
  renderStatus(state);
  renderProblems(state);
  renderList(state, id);
  renderProcedure(state, id);
}

new EventSource('/events').addEventListener('build', () => {
  refresh().catch(() => {
    document.getElementById('status').textContent = 'Mất kết nối với thutuc dev · Lost connection to thutuc dev';
  });
});
