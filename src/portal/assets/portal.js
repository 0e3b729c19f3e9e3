// Progressive enhancement only: every form works without it.
(function () {
  'use strict';
  // The access link carries the token in the fragment, which never reaches a server: put it in
  // the open form, take it out of the address bar, and post it once.
  var form = document.getElementById('open-form');
  var match = /(?:^#|&)access-token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (window.location.hash) history.replaceState(null, '', window.location.pathname);
  if (form && match) {
    form.elements.token.value = match[1];
    form.submit();
  }
  // A second press of a button while its form is sent does nothing (the server is idempotent too).
  document.querySelectorAll('form').forEach(function (f) {
    f.addEventListener('submit', function () {
      var once = f.querySelector('[data-once]');
      if (once)
        setTimeout(function () {
          once.disabled = true;
        }, 0);
    });
  });
  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () {
      window.print();
    });
  });
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
