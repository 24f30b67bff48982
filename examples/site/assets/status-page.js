// The status page's own script: ?lang=en shows the element (and the page's language) in English.
(function () {
  var lang = new URLSearchParams(location.search).get('lang');
  var status = document.querySelector('thutuc-status');
  if (status && (lang === 'en' || lang === 'vi')) {
    status.setAttribute('lang', lang);
    document.documentElement.lang = lang;
  }
})();
