// inami-broker page: sort, filter, totals of the shown rows, detail rows. No library.
(function () {
  'use strict';
  var table = document.getElementById('report');
  var file = document.getElementById('file');
  if (file) {
    file.addEventListener('change', function () {
      if (file.files.length) { document.getElementById('clients').submit(); }
    });
  }
  // The language switch keeps the client list shown: the form is sent again in the other language.
  var csv = document.getElementById('csv');
  Array.prototype.forEach.call(document.querySelectorAll('nav.langs a[hreflang]'), function (a) {
    a.addEventListener('click', function (e) {
      if (!csv || csv.value === '') { return; }
      e.preventDefault();
      var form = document.getElementById('clients');
      form.elements.lang.value = a.getAttribute('hreflang');
      if (file) { file.value = ''; }
      form.submit();
    });
  });
  if (!table) { return; }
  var body = table.tBodies[0];
  var euro = function (cents) { return (cents / 100).toFixed(2); };
  var fill = function (tpl, args) {
    return tpl.replace(/\{(\d)\}/g, function (m, i) { return args[+i]; });
  };
  // Each client row with its detail row, kept together when sorting.
  var pairs = [];
  Array.prototype.forEach.call(body.rows, function (tr) {
    if (tr.classList.contains('client')) { pairs.push([tr, null]); } else if (pairs.length) { pairs[pairs.length - 1][1] = tr; }
  });
  var choices = {'f-tier': 'tier', 'f-eligible': 'eligible', 'f-deadline': 'deadline'};
  Object.keys(choices).forEach(function (id) {
    var select = document.getElementById(id);
    var key = choices[id];
    var seen = {};
    pairs.forEach(function (p) { seen[p[0].dataset[key]] = true; });
    Object.keys(seen).sort().forEach(function (v) {
      var o = document.createElement('option');
      o.value = v === '' ? '-' : v;
      o.textContent = v === '' ? '\u2014' : (key === 'eligible' ? p0text(v) : v);
      select.appendChild(o);
    });
    select.addEventListener('change', apply);
  });
  function p0text(v) {
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i][0].dataset.eligible === v) { return pairs[i][0].querySelector('td.eligible').textContent; }
    }
    return v;
  }
  function apply() {
    var want = {};
    Object.keys(choices).forEach(function (id) { want[choices[id]] = document.getElementById(id).value; });
    var n = 0, eligible = 0, premium = 0, pension = 0, solidarity = 0;
    pairs.forEach(function (p) {
      var d = p[0].dataset;
      var show = Object.keys(want).every(function (k) {
        return want[k] === '' || want[k] === (d[k] === '' ? '-' : d[k]);
      });
      p[0].hidden = !show;
      if (p[1] && !show) { p[1].hidden = true; }
      if (show) {
        n++;
        if (d.eligible === 'yes') { eligible++; premium += +d.amount; }
        pension += +d.pension; solidarity += +d.solidarity;
      }
    });
    var shown = document.getElementById('shown');
    shown.textContent = fill(shown.dataset.template, [n, pairs.length]);
    var totals = document.getElementById('totals');
    var cell = function (k) { return totals.querySelector('[data-total=' + k + ']'); };
    cell('clients').textContent = fill(cell('clients').dataset.template, [n]);
    cell('eligible').textContent = fill(cell('eligible').dataset.template, [eligible]);
    cell('premium').textContent = euro(premium);
    cell('split').textContent = fill(cell('split').dataset.template, [euro(pension), euro(solidarity)]);
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll('th[data-sort]'), function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.sort, num = th.dataset.type === 'num';
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th'), function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      pairs.sort(function (a, b) {
        var x = a[0].dataset[key], y = b[0].dataset[key];
        var c = num ? (+x) - (+y) : x.localeCompare(y);
        return c * dir || (+a[0].id.slice(2)) - (+b[0].id.slice(2));
      });
      var frag = document.createDocumentFragment();
      pairs.forEach(function (p) { frag.appendChild(p[0]); if (p[1]) { frag.appendChild(p[1]); } });
      body.appendChild(frag);
    });
  });
  var openText = null;
  body.addEventListener('click', function (e) {
    var b = e.target.closest('button.toggle');
    if (!b) { return; }
    var row = document.getElementById(b.getAttribute('aria-controls'));
    var open = row.hidden;
    row.hidden = !open;
    b.setAttribute('aria-expanded', open ? 'true' : 'false');
    if (openText === null) { openText = b.textContent; }
    b.textContent = open ? document.body.dataset.close : openText;
  });
  apply();
})();
