// thutuc report: search and filters for index.html. A classic script (modules do not load
// from file://) that only shows and hides the rows the page already contains, so the list
// is complete without it, and nothing here needs 'unsafe-inline' or 'unsafe-eval'.
(function () {
  'use strict';

  var form = document.getElementById('filters');
  var table = document.getElementById('procedures');
  var count = document.getElementById('count');
  var empty = document.getElementById('empty');
  if (!form || !table || !count || !empty) return;

  /** "Đăng Ký" → "dang ky": Vietnamese without tone marks, as people type on any keyboard. */
  function fold(text) {
    return String(text)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }

  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return {
      tr: tr,
      text: fold(tr.getAttribute('data-search') || ''),
      online: tr.getAttribute('data-online'),
      levels: (tr.getAttribute('data-levels') || '').split(' '),
      field: tr.getAttribute('data-field'),
    };
  });
  var q = form.elements.namedItem('q');
  var online = form.elements.namedItem('online');
  var level = form.elements.namedItem('level');
  var field = form.elements.namedItem('field');
  var announce = 0;

  function apply() {
    var words = fold(q.value).split(' ').filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var match =
        words.every(function (w) { return row.text.indexOf(w) !== -1; }) &&
        (!online.value || row.online === online.value) &&
        (!level.value || row.levels.indexOf(level.value) !== -1) &&
        (!field.value || row.field === field.value);
      row.tr.hidden = !match;
      if (match) shown++;
    });
    empty.hidden = shown !== 0;
    var filtered = shown !== rows.length;
    var template = count.getAttribute(filtered ? 'data-filtered' : 'data-all') || '';
    var text = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    // Announce once typing pauses: a status region read out on every keystroke is noise.
    clearTimeout(announce);
    announce = setTimeout(function () { count.textContent = text; }, 250);
  }

  // A link such as index.html?q=khai+sinh&online=full opens with the filters applied.
  var params = new URLSearchParams(window.location.search);
  [q, online, level, field].forEach(function (el) {
    var value = params.get(el.name);
    if (value !== null && (el.tagName !== 'SELECT' || el.querySelector('option[value="' + CSS.escape(value) + '"]'))) el.value = value;
  });

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  // The reset event fires before the controls are cleared.
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
