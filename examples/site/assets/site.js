// The host page's own script: picks the procedure from ?id=… and lists the catalogue.
// It builds DOM with textContent only (catalogue text is never parsed as HTML).
(function () {
  var form = document.querySelector('thutuc-form');
  var params = new URLSearchParams(location.search);
  var id = params.get('id');
  var lang = params.get('lang');
  var today = params.get('today');
  // ?today=YYYY-MM-DD previews the procedure as it will be on that date (a version not yet in force).
  if (form && today && /^\d{4}-\d{2}-\d{2}$/.test(today)) form.setAttribute('today', today);
  if (form && id) form.setAttribute('procedure', id);
  if (form && (lang === 'en' || lang === 'vi')) {
    form.setAttribute('lang', lang);
    document.documentElement.lang = lang;
  }
  var list = document.getElementById('procedures');
  var title = document.getElementById('procedure-title');
  fetch('/catalogue-index/index.json')
    .then(function (r) { return r.json(); })
    .then(function (index) {
      var current = (form && form.getAttribute('procedure')) || '';
      index.procedures.forEach(function (p) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = location.pathname + '?id=' + encodeURIComponent(p.id);
        a.textContent = p.title.vi + ' (' + p.code + ')';
        if (p.id === current) {
          a.setAttribute('aria-current', 'page');
          if (title) title.textContent = p.title.vi;
        }
        li.appendChild(a);
        list.appendChild(li);
      });
    })
    .catch(function () { /* the form works without the list */ });
})();
