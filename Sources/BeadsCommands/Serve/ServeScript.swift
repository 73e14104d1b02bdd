/// The page's only script, served from /assets/beads.js (the pages allow scripts from
/// their own origin only). Everything works without it; it adds a file drop onto the
/// paste box and live updates.
enum ServeScript {
    static let source = #"""
        // beads serve: a file dropped or picked fills the paste box, and a page that reads the
        // store re-reads itself when the server says the store changed (server-sent events,
        // not polling); only <main> is swapped, so scroll position and this script stay.
        (function () {
          'use strict';
          var box = document.getElementById('text');
          var picker = document.getElementById('file-picker');
          function fill(file) { if (file) { file.text().then(function (t) { box.value = t; box.focus(); }); } }
          if (box) {
            box.addEventListener('dragover', function (e) { e.preventDefault(); });
            box.addEventListener('drop', function (e) {
              if (e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); fill(e.dataTransfer.files[0]); }
            });
          }
          if (picker && box) {
            picker.hidden = false;
            picker.querySelector('input').addEventListener('change', function (e) { fill(e.target.files[0]); });
          }
          if (document.body.getAttribute('data-live') !== 'true' || !window.EventSource) { return; }
          var status = document.getElementById('live');
          var source = new EventSource('/events');
          var busy = false, again = false;
          function refresh() {
            if (busy) { again = true; return; }
            busy = true;
            fetch(location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
              .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
              .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
                var current = document.querySelector('main');
                if (fresh && current) {
                  current.replaceWith(document.importNode(fresh, true));
                  var n = Number(document.body.getAttribute('data-updates') || '0') + 1;
                  document.body.setAttribute('data-updates', String(n));
                  status.textContent = 'Updated at ' + new Date().toLocaleTimeString() + ': the store changed.';
                }
              })
              .catch(function () { status.textContent = 'The store changed; reload to see it.'; })
              .then(function () { busy = false; if (again) { again = false; refresh(); } });
          }
          source.addEventListener('change', refresh);
          source.onerror = function () { status.textContent = 'Live updates paused: the server is not answering.'; };
          source.onopen = function () { if (status.textContent.indexOf('paused') >= 0) { status.textContent = ''; } };
        })();
        """#
}
