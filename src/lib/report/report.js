/* The script of orgraph's HTML report (compiled into liborgraph): pan and
 * zoom on the charts, and the unit search. Names reach the page through
 * textContent only, never as markup. The index is described in
 * src/lib/report_data.c. */
(function () {
  'use strict';

  /* ---- pan and zoom: the SVG's viewBox follows the wheel, drags and keys */
  function setupZoom(box) {
    var svg = box.querySelector('svg');
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal) return;
    var home = svg.getAttribute('viewBox');
    var vb = svg.viewBox.baseVal;
    var full = Math.max(vb.width, vb.height);
    function toSvg(clientX, clientY) {
      var m = svg.getScreenCTM();
      if (!m) return { x: vb.x + vb.width / 2, y: vb.y + vb.height / 2 };
      var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
      return { x: p.x, y: p.y };
    }
    function zoom(f, at) {
      var w = vb.width * f, h = vb.height * f;
      if (Math.max(w, h) < full / 200 || Math.max(w, h) > full * 4) return;
      vb.x = at.x - (at.x - vb.x) * f;
      vb.y = at.y - (at.y - vb.y) * f;
      vb.width = w;
      vb.height = h;
    }
    function centre() {
      var r = svg.getBoundingClientRect();
      return toSvg(r.left + r.width / 2, r.top + r.height / 2);
    }
    box.addEventListener('wheel', function (e) {
      e.preventDefault();
      zoom(e.deltaY < 0 ? 0.8 : 1.25, toSvg(e.clientX, e.clientY));
    }, { passive: false });
    var drag = null;
    box.addEventListener('pointerdown', function (e) {
      drag = toSvg(e.clientX, e.clientY);
      box.setPointerCapture(e.pointerId);
    });
    box.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var p = toSvg(e.clientX, e.clientY);
      vb.x -= p.x - drag.x;
      vb.y -= p.y - drag.y;
    });
    box.addEventListener('pointerup', function () { drag = null; });
    box.addEventListener('pointercancel', function () { drag = null; });
    function reset() { svg.setAttribute('viewBox', home); vb = svg.viewBox.baseVal; }
    box.addEventListener('dblclick', reset);
    box.addEventListener('keydown', function (e) {
      if (e.key === '+' || e.key === '=') zoom(0.8, centre());
      else if (e.key === '-') zoom(1.25, centre());
      else if (e.key === '0') reset();
      else return;
      e.preventDefault();
    });
    var buttons = box.parentNode.querySelectorAll('.zoom-buttons button');
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () {
        var z = b.getAttribute('data-zoom');
        if (z === 'in') zoom(0.8, centre());
        else if (z === 'out') zoom(1.25, centre());
        else reset();
      });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.zoom'), setupZoom);

  /* ---- the search */
  var input = document.getElementById('search');
  var holder = document.getElementById('og-data');
  var data = holder ? JSON.parse(holder.textContent) : null;
  if (!input || !data) return;
  var S = data.snaps, str = data.strings, LIMIT = 30, SHOWN = 4;

  /* Lower case, accents and the Vietnamese d-bar dropped: "Hòn Tre" and
   * "Đà" compare as "hon tre" and "da". */
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u0111\u0110]/g, 'd').toLowerCase();
  }
  var folded = null, byId = null, moves = null, preds = [];
  function prepare() {
    folded = S.map(function (s) {
      return s.name.map(function (n, u) { return fold(str[n]) + '\u0000' + fold(str[s.id[u]]); });
    });
    byId = S.map(function (s) {
      var m = new Map();
      s.id.forEach(function (id, u) { m.set(str[id], u); });
      return m;
    });
    moves = data.moves.map(function (list) {
      var m = new Map();
      for (var i = 0; i < list.length;) {
        var u = list[i], k = list[i + 1];
        m.set(u, list.slice(i + 2, i + 2 + k));
        i += 2 + k;
      }
      return m;
    });
  }
  /* Units of snapshot p + 1 that unit u of snapshot p went into. */
  function images(p, u) {
    var m = moves[p].get(u);
    if (m) return m;
    var j = byId[p + 1].get(str[S[p].id[u]]);
    return j === undefined ? [] : [j];
  }
  /* Units of snapshot p that went into unit v of snapshot p + 1. */
  function predecessors(p, v) {
    if (!preds[p]) {
      var inv = new Map();
      for (var u = 0; u < S[p].id.length; u++) {
        images(p, u).forEach(function (j) {
          if (!inv.has(j)) inv.set(j, []);
          inv.get(j).push(u);
        });
      }
      preds[p] = inv;
    }
    return preds[p].get(v) || [];
  }
  function step(list, next) {
    var seen = new Set();
    list.forEach(function (u) { next(u).forEach(function (v) { seen.add(v); }); });
    return Array.from(seen);
  }
  /* The units in every snapshot that unit u of snapshot k was, or became. */
  function counterparts(k, u) {
    var out = new Array(S.length);
    out[k] = [u];
    for (var p = k; p + 1 < S.length; p++)
      out[p + 1] = step(out[p], function (x) { return images(p, x); });
    for (p = k - 1; p >= 0; p--)
      out[p] = step(out[p + 1], function (x) { return predecessors(p, x); });
    return out;
  }
  function chain(k, line, u) {
    var up = S[k].up[line], names = [str[S[k].name[u]]];
    if (up[u] === -2) return null;
    if (up[u] === -3) return names[0] + ' (no chain: on or below a cycle)';
    for (var v = up[u], guard = 0; v >= 0 && guard < 100000; v = up[v], guard++)
      names.push(str[S[k].name[v]]);
    return names.join(' \u203a ');
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function render(k, u, all) {
    var box = el('section', 'result');
    box.appendChild(el('h3', 'result-name', str[S[k].name[u]]));
    box.appendChild(el('p', 'about', data.kinds[S[k].kind[u]] + ' \u00b7 ' +
      data.levels[S[k].level[u]] + ' level \u00b7 id ' + str[S[k].id[u]] +
      ' \u00b7 in ' + data.labels[k]));
    var table = el('table', 'chains'), head = el('tr');
    head.appendChild(el('th', '', 'snapshot'));
    data.lines.forEach(function (l) { head.appendChild(el('th', '', l)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    all.forEach(function (list, t) {
      var tr = el('tr');
      tr.setAttribute('data-snapshot', data.labels[t]);
      tr.appendChild(el('th', '', data.labels[t]));
      data.lines.forEach(function (line, l) {
        var td = el('td', 'chain');
        td.setAttribute('data-line', line);
        var chains = list.slice(0, SHOWN).map(function (v) { return chain(t, l, v); })
          .filter(function (c) { return c; });
        if (!chains.length) {
          td.className = 'chain none';
          td.textContent = '\u2014';
        }
        chains.forEach(function (c) { td.appendChild(el('div', '', c)); });
        if (list.length > SHOWN) td.appendChild(el('div', 'kind', '+' + (list.length - SHOWN) + ' more units'));
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    return box;
  }
  var results = document.getElementById('results');
  var status = document.getElementById('search-status');
  function search() {
    var q = fold(input.value).trim();
    results.textContent = '';
    status.textContent = '';
    if (q.length < 2) return;
    if (!folded) prepare();
    var words = q.split(/\s+/), shown = 0, matched = 0;
    var seen = S.map(function () { return new Set(); });
    for (var k = 0; k < S.length; k++) {
      var f = folded[k];
      for (var u = 0; u < f.length; u++) {
        var hit = true;
        for (var w = 0; w < words.length && hit; w++) hit = f[u].indexOf(words[w]) >= 0;
        if (!hit || seen[k].has(u)) continue;
        /* the same unit in other snapshots is this result too */
        var all = counterparts(k, u);
        all.forEach(function (list, t) { list.forEach(function (v) { seen[t].add(v); }); });
        matched++;
        if (shown < LIMIT) {
          results.appendChild(render(k, u, all));
          shown++;
        }
      }
    }
    status.textContent = matched === 0 ? 'No unit matches.'
      : matched + (matched === 1 ? ' unit matches' : ' units match') +
        (matched > shown ? '; the first ' + shown + ' are shown.' : '.');
  }
  input.addEventListener('input', search);
  if (input.value) search();
}());
