// report.html's behaviour: the dashboard (implementation bars, the claim
// grid with its filters) and the annotated pages, both drawn from the one
// JSON document embedded in the page. The view and its filters live in the
// URL's fragment, so a filtered view or an annotated page is a link:
//   #outcome=FAIL&impl=openssl&page=SSL_SESSION_free&kind=returns-int&q=text&differ=1&unexpected=1
//   #annotate=SSL_SESSION_free
// Rows are drawn in slices as the reader scrolls, so tens of thousands of
// claims load as fast as a few hundred.
(function () {
  'use strict';

  var OUTCOMES = ['PASS', 'FAIL', 'UNSUPPORTED', 'UNTESTED', 'UNRESOLVED'];
  var SHORT = {PASS: 'PASS', FAIL: 'FAIL', UNSUPPORTED: 'UNSUP', UNTESTED: 'UNTESTED', UNRESOLVED: 'UNRES'};
  var SLICE = 200;

  // A sentence's fate on the annotated page, worst first.
  var STATES = [
    ['fail', 'failing somewhere'],
    ['unsettled', 'checked, not settled everywhere (unsupported or unresolved)'],
    ['pass', 'checked and passing everywhere'],
    ['unrecognised', 'not recognised by the claim extractor'],
    ['notcheckable', 'not machine-checkable (reason on click)']
  ];

  var data = JSON.parse(document.getElementById('sslconf-data').textContent);
  var impls = data.implementations;
  // Claim rows: [id, page, section, kind, text, source, reason, cells];
  // a cell is [outcome, detail, expected], or null when that run lacks the claim.
  var claims = data.claims.map(function (row) {
    return {
      id: row[0], page: row[1], section: row[2], kind: row[3], text: row[4], source: row[5], reason: row[6],
      cells: row[7]
    };
  });
  claims.forEach(function (c) {
    var first = null;
    c.differs = false;
    c.unexpected = false;
    c.cells.forEach(function (cell) {
      var o = cell ? cell[0] : '-';
      if (first === null) first = o;
      else if (o !== first) c.differs = true;
      if (cell && cell[0] !== cell[2]) c.unexpected = true;
    });
    var at = c.source.lastIndexOf(':');
    c.file = at > 0 ? c.source.slice(0, at) : c.source;
    c.line = at > 0 ? parseInt(c.source.slice(at + 1), 10) || 0 : 0;
  });

  // Sources are shown under the folder they all share, named once above.
  var common = commonFolder(claims.map(function (c) { return c.file; }));
  claims.forEach(function (c) { c.shortSource = c.source.slice(common.length); });

  var allPages = unique(claims.map(function (c) { return c.page; }));
  // Function → the page documenting it; the divergences, once each.
  var documents = data.documents || {};
  var findings = data.findings || [];
  var findingOf = {};
  findings.forEach(function (f) { findingOf[f.id] = f; });
  var allKinds = unique(claims.map(function (c) { return c.kind; }));

  var root = document.getElementById('app');
  var state = {};
  var shown = [];
  var drawn = 0;
  var observer = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (ch) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[ch];
    });
  }

  function commonFolder(files) {
    if (!files.length) return '';
    var prefix = files[0].slice(0, files[0].lastIndexOf('/') + 1);
    files.forEach(function (f) {
      while (prefix && f.indexOf(prefix) !== 0) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
    });
    return prefix;
  }

  function unique(values) {
    var seen = {}, out = [];
    values.forEach(function (v) { if (!seen[v]) { seen[v] = true; out.push(v); } });
    return out.sort();
  }

  function readHash() {
    var s = {outcome: '', impl: '', page: '', kind: '', q: '', differ: false, unexpected: false, annotate: null};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf('=');
      var key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      var value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      if (key === 'differ' || key === 'unexpected') s[key] = value !== '0';
      else if (key in s) s[key] = value;
    });
    return s;
  }

  function hashOf(s) {
    var parts = [];
    ['outcome', 'impl', 'page', 'kind', 'q'].forEach(function (k) {
      if (s[k]) parts.push(k + '=' + encodeURIComponent(s[k]));
    });
    if (s.differ) parts.push('differ=1');
    if (s.unexpected) parts.push('unexpected=1');
    return parts.length ? '#' + parts.join('&') : '#';
  }

  function annotateLink(page, line) {
    return '#annotate=' + encodeURIComponent(page) + (line ? '&line=' + line : '');
  }

  // ---- the dashboard ----------------------------------------------------

  function implementationBars() {
    var html = '<div class="impls">';
    impls.forEach(function (impl) {
      var total = 0;
      OUTCOMES.forEach(function (o) { total += impl.totals[o] || 0; });
      html += '<div class="name">' + esc(impl.name) + '<small>' + esc(impl.family) + ' · ' + esc(impl.version) +
        '</small></div><div class="bar" role="img" aria-label="outcomes of ' + esc(impl.name) + '">';
      OUTCOMES.forEach(function (o) {
        var n = impl.totals[o] || 0;
        if (!n) return;
        html += '<span class="o-' + o + '" style="width:' + (100 * n / Math.max(total, 1)) + '%" title="' + o + ' ' + n +
          '">' + (n * 12 > total ? SHORT[o] + ' ' + n : '') + '</span>';
      });
      html += '</div><div class="counts">';
      OUTCOMES.forEach(function (o) {
        html += '<a href="' + hashOf({outcome: o, impl: impl.name}) + '">' + SHORT[o] + ' <b>' + (impl.totals[o] || 0) +
          '</b></a> ';
      });
      html += impl.unexpected ? '<a class="unexpected-count" href="' + hashOf({impl: impl.name, unexpected: true}) +
        '">unexpected ' + impl.unexpected + '</a>' : '<span class="muted">unexpected 0</span>';
      html += '</div>';
    });
    return html + '</div>';
  }

  function options(values, selected, any) {
    var html = '<option value="">' + esc(any) + '</option>';
    values.forEach(function (v) {
      html += '<option value="' + esc(v) + '"' + (v === selected ? ' selected' : '') + '>' + esc(v) + '</option>';
    });
    return html;
  }

  function filterBar() {
    return '<div class="filters" id="filters">' +
      '<label>outcome <select id="f-outcome">' + options(OUTCOMES, state.outcome, 'any') + '</select></label>' +
      '<label>implementation <select id="f-impl">' + options(impls.map(function (i) { return i.name; }), state.impl, 'all') +
      '</select></label>' +
      '<label>page <select id="f-page">' + options(allPages, state.page, 'all') + '</select></label>' +
      '<label>kind <select id="f-kind">' + options(allKinds, state.kind, 'all') + '</select></label>' +
      '<input type="search" id="f-q" placeholder="search sentence, id, file" value="' + esc(state.q) + '">' +
      '<label><input type="checkbox" id="f-differ"' + (state.differ ? ' checked' : '') + '> only where implementations differ</label>' +
      '<label><input type="checkbox" id="f-unexpected"' + (state.unexpected ? ' checked' : '') + '> only unexpected</label>' +
      '<span id="page-link"></span><span id="shown"></span></div>';
  }

  // What the search box searches, made on first search.
  function haystack(c) {
    if (c.haystack === undefined) c.haystack = (c.id + ' ' + c.text + ' ' + c.source + ' ' + c.kind).toLowerCase();
    return c.haystack;
  }

  function visibleImpls() {
    var list = [];
    impls.forEach(function (impl, i) { if (!state.impl || impl.name === state.impl) list.push(i); });
    return list;
  }

  function matches(c, columns) {
    if (state.page && c.page !== state.page) return false;
    if (state.kind && c.kind !== state.kind) return false;
    if (state.differ && !c.differs) return false;
    if (state.q && haystack(c).indexOf(state.q.toLowerCase()) < 0) return false;
    if (!state.outcome && !state.unexpected) return true;
    for (var k = 0; k < columns.length; ++k) {
      var cell = c.cells[columns[k]];
      if (!cell) continue;
      if (state.outcome && cell[0] !== state.outcome) continue;
      if (state.unexpected && cell[0] === cell[2]) continue;
      return true;
    }
    return false;
  }

  function cellHtml(cell) {
    if (!cell) return '<td class="cell o-none">—</td>';
    var surprise = cell[0] !== cell[2];
    return '<td class="cell o-' + cell[0] + (surprise ? ' unexpected' : '') + '" title="' + esc(cell[0] + ': ' + cell[1]) +
      '">' + SHORT[cell[0]] + (surprise ? '<span class="bang">expected ' + esc(SHORT[cell[2]] || cell[2]) + '</span>' : '') +
      '</td>';
  }

  // What went wrong, beside what the page says: FAIL and UNRESOLVED cells,
  // and any cell that differs from its expectation.
  function observations(c, columns) {
    var html = '';
    columns.forEach(function (i) {
      var cell = c.cells[i];
      if (!cell || (cell[0] !== 'FAIL' && cell[0] !== 'UNRESOLVED' && cell[0] === cell[2])) return;
      var repro = cell[0] === 'FAIL' && findingOf[c.id] && findingOf[c.id].reproducer;
      html += '<div class="observed' + (cell[0] === 'FAIL' ? '' : ' o-note') + '"><b>' + esc(impls[i].name) + '</b> ' +
        cell[0] + ': observed ' + esc(cell[1]) + (cell[0] !== cell[2] ? ' <b>(expected ' + esc(cell[2]) + ')</b>' :
        ' (a known divergence, recorded in conformance/expectations)') +
        (repro ? ' · <a href="' + esc(repro) + '">reproducer</a>' : '') + '</div>';
    });
    return html;
  }

  function rowHtml(c, columns) {
    var html = '<tr data-id="' + esc(c.id) + '">';
    columns.forEach(function (i) { html += cellHtml(c.cells[i]); });
    html += '<td class="claim"><div class="sentence">' + (c.differs ? '<span class="differs" title="outcomes differ">≠</span> ' : '') +
      '<span class="page-says">' + esc(c.text) + '</span></div><div class="meta">' +
      '<span><a class="mono" href="' + annotateLink(c.page, c.line) + '" title="' + esc(c.source) + ': the sentence in its page">' + esc(c.shortSource) +
      '</a></span><span>' + esc(c.kind) + '</span><span class="mono">' + esc(c.id) + '</span>' +
      (c.reason ? '<span>not machine-checkable: ' + esc(c.reason) + '</span>' : '') + '</div>' +
      observations(c, columns) + '</td></tr>';
    return html;
  }

  function drawMore() {
    var body = document.getElementById('rows');
    var columns = visibleImpls();
    var end = Math.min(drawn + SLICE, shown.length);
    var html = '';
    for (var k = drawn; k < end; ++k) html += rowHtml(shown[k], columns);
    var more = document.getElementById('more');
    if (more) more.remove();
    body.insertAdjacentHTML('beforeend', html);
    drawn = end;
    if (drawn < shown.length) {
      body.insertAdjacentHTML('beforeend', '<tr class="more" id="more"><td colspan="' + (columns.length + 1) +
        '"><button type="button" id="more-button">show more (' + (shown.length - drawn) + ' left)</button></td></tr>');
      document.getElementById('more-button').onclick = drawMore;
      if (observer) observer.observe(document.getElementById('more'));
    }
  }

  function drawRows() {
    var columns = visibleImpls();
    shown = claims.filter(function (c) { return matches(c, columns); });
    drawn = 0;
    var head = '<tr>';
    columns.forEach(function (i) { head += '<th style="width:88px" title="' + esc(impls[i].version) + '">' + esc(impls[i].name) + '</th>'; });
    head += '<th>claim: the sentence, its source, kind and id</th></tr>';
    document.getElementById('grid').innerHTML = '<thead>' + head + '</thead><tbody id="rows"></tbody>';
    document.getElementById('shown').textContent = shown.length + ' of ' + claims.length + ' claims';
    document.getElementById('page-link').innerHTML = state.page ?
      '<a href="' + annotateLink(state.page) + '">annotated page ' + esc(state.page) + '</a>' : '';
    drawMore();
    document.documentElement.setAttribute('data-shown', String(shown.length));
  }

  function pageList() {
    var html = '<details class="pages"><summary>Annotated pages (' + allPages.length +
      '): each page\'s text with every sentence marked by what became of it</summary><ul>';
    allPages.forEach(function (p) { html += '<li><a href="' + annotateLink(p) + '">' + esc(p) + '</a></li>'; });
    return html + '</ul></details>';
  }

  // Each divergence once, across every results file: what a maintainer
  // needs to act on it (findings.md holds the same, for an issue tracker).
  function findingsSection() {
    if (!findings.length) return '<p class="muted" id="findings">No library differed from the pages.</p>';
    function who(list) {
      return list.map(function (o) { return esc(o.implementation) + (o.release ? ' (' + esc(o.release) + ')' : ''); }).join(', ');
    }
    var html = '<details class="findings" id="findings" open><summary>Findings (' + findings.length +
      '): statements of the pages that some library does not do as written</summary><ol>';
    // A run with thousands of divergences lists the first ones; the grid's
    // FAIL filter and findings.md hold them all.
    var LIMIT = 100;
    findings.slice(0, LIMIT).forEach(function (f) {
      var at = f.source.lastIndexOf(':');
      html += '<li data-id="' + esc(f.id) + '"><div class="sentence"><span class="page-says">' + esc(f.text) + '</span></div>' +
        '<div class="meta"><a class="mono" href="' + annotateLink(f.page, at > 0 ? f.source.slice(at + 1) : '') + '">' +
        esc(f.source) + '</a><span>' + esc(f.page) + '</span></div>';
      f.reproduces.forEach(function (o) {
        html += '<div class="observed"><b>differs on ' + who([o]) + '</b>: ' + esc(o.detail) + '</div>';
      });
      if (f.holds.length) html += '<div>does what the page says on ' + who(f.holds) + '</div>';
      f.unchecked.forEach(function (o) {
        html += '<div class="muted">not decided on ' + who([o]) + ': ' + esc(o.detail || o.outcome) + '</div>';
      });
      if (f.reproducer) html += '<div><a href="' + esc(f.reproducer) + '">reproducer: ' + esc(f.reproducer) + '</a></div>';
      html += '</li>';
    });
    html += '</ol>';
    if (findings.length > LIMIT)
      html += '<p class="muted">' + (findings.length - LIMIT) + ' more: <a href="' + hashOf({outcome: 'FAIL'}) +
        '">every FAIL in the grid</a>, or findings.md beside this report.</p>';
    return html + '</details>';
  }

  function bindFilters() {
    function update() {
      state.outcome = document.getElementById('f-outcome').value;
      state.impl = document.getElementById('f-impl').value;
      state.page = document.getElementById('f-page').value;
      state.kind = document.getElementById('f-kind').value;
      state.q = document.getElementById('f-q').value;
      state.differ = document.getElementById('f-differ').checked;
      state.unexpected = document.getElementById('f-unexpected').checked;
      history.replaceState(null, '', hashOf(state));
      drawRows();
    }
    ['f-outcome', 'f-impl', 'f-page', 'f-kind', 'f-differ', 'f-unexpected'].forEach(function (id) {
      document.getElementById(id).addEventListener('change', update);
    });
    var timer = 0;
    document.getElementById('f-q').addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
  }

  function drawDashboard() {
    document.title = 'sslconf conformance report';
    root.innerHTML = '<h2>Implementations</h2>' + implementationBars() + pageList() + '<h2>Findings</h2>' +
      findingsSection() + '<h2>Claims</h2>' +
      (common ? '<p class="muted">Sources under <span class="mono">' + esc(common) + '</span></p>' : '') + filterBar() +
      '<table class="grid" id="grid"></table>';
    if ('IntersectionObserver' in window) {
      if (observer) observer.disconnect();
      observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) drawMore();
      }, {rootMargin: '600px'});
    }
    bindFilters();
    drawRows();
  }

  // ---- the annotated page ------------------------------------------------

  // One sentence may carry several claims (a return value and a NULL rule).
  function sentencesOf(page) {
    var bySource = {}, list = [];
    claims.forEach(function (c) {
      if (c.page !== page) return;
      var key = c.source + '\u0000' + c.text;
      var s = bySource[key];
      if (!s) {
        s = bySource[key] = {text: c.text, source: c.source, file: c.file, line: c.line, section: c.section, claims: []};
        list.push(s);
      }
      s.claims.push(c);
    });
    list.sort(function (a, b) { return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line; });
    list.forEach(function (s) { s.state = stateOf(s.claims); });
    return list;
  }

  function stateOf(list) {
    var fail = false, unsettled = false, unchecked = false, unrecognised = false;
    list.forEach(function (c) {
      if (c.reason === 'unrecognised') unrecognised = true;
      c.cells.forEach(function (cell) {
        if (!cell) return;
        if (cell[0] === 'FAIL') fail = true;
        else if (cell[0] === 'UNSUPPORTED' || cell[0] === 'UNRESOLVED') unsettled = true;
        else if (cell[0] === 'UNTESTED') unchecked = true;
      });
    });
    if (fail) return 'fail';
    if (unsettled) return 'unsettled';
    if (unrecognised) return 'unrecognised';
    if (unchecked) return 'notcheckable';
    return 'pass';
  }

  // Where a sentence came from in the text: a paragraph ends where the next
  // sentence starts further down than this one's own length can explain.
  function startsParagraph(prev, s) {
    if (!prev || prev.section !== s.section || prev.file !== s.file) return true;
    if (prev.claims[0].kind === 'prototype' || s.claims[0].kind === 'prototype') return true;
    return s.line - prev.line > Math.ceil(prev.text.length / 60) + 1;
  }

  function explain(s) {
    var html = '<button type="button" id="why-close" aria-label="close">×</button><div class="mono">' + esc(s.source) +
      '</div><p>“' + esc(s.text) + '”</p><ul>';
    s.claims.forEach(function (c) {
      html += '<li><b>' + esc(c.kind) + '</b> <span class="mono">' + esc(c.id) + '</span>';
      if (c.reason) html += '<br>not machine-checkable: <b>' + esc(c.reason) + '</b>';
      html += '<ul>';
      c.cells.forEach(function (cell, i) {
        if (cell) html += '<li>' + esc(impls[i].name) + ': <b>' + cell[0] + '</b>' +
          (cell[0] !== cell[2] ? ' (expected ' + esc(cell[2]) + ')' : '') + (cell[1] ? ' — ' + esc(cell[1]) : '') + '</li>';
      });
      html += '</ul></li>';
    });
    return html + '</ul><a href="' + hashOf({page: s.claims[0].page, q: s.claims[0].id}) + '">in the claim grid</a>';
  }

  function titleOf(s) {
    return s.claims.map(function (c) {
      var outcomes = c.cells.map(function (cell, i) { return cell ? impls[i].name + ' ' + cell[0] : ''; }).filter(Boolean);
      return c.kind + (c.reason ? ' (not machine-checkable: ' + c.reason + ')' : '') + ': ' + outcomes.join(', ');
    }).join('\n');
  }

  // The page #annotate= names: a page, or a function the page documents
  // (SSL_SESSION_free lives on SSL_SESSION_new), in any letter case.
  function resolvePage(name) {
    if (allPages.indexOf(name) >= 0) return {page: name};
    if (documents[name]) return {page: documents[name], via: name};
    var lower = name.toLowerCase(), found = null;
    allPages.forEach(function (p) { if (!found && p.toLowerCase() === lower) found = {page: p}; });
    Object.keys(documents).forEach(function (f) {
      if (!found && f.toLowerCase() === lower) found = {page: documents[f], via: f};
    });
    return found || {page: null};
  }

  function drawNoPage(name) {
    document.title = name + ': no such page';
    var lower = name.toLowerCase();
    var near = unique(allPages.concat(Object.keys(documents)).filter(function (n) {
      return lower && n.toLowerCase().indexOf(lower) >= 0;
    })).slice(0, 20);
    var html = '<p><a href="#">← dashboard</a></p><h2>No page of this report documents ' + esc(name) + '</h2>' +
      '<p id="no-page">Neither a page nor a function of the ' + allPages.length + ' pages in this report is named ' +
      '<span class="mono">' + esc(name) + '</span>.</p>';
    if (near.length) {
      html += '<p>Names containing it:</p><ul>';
      near.forEach(function (n) { html += '<li><a href="' + annotateLink(n) + '">' + esc(n) + '</a></li>'; });
      html += '</ul>';
    }
    root.innerHTML = html + pageList();
    document.documentElement.setAttribute('data-shown', '0');
  }

  function drawAnnotated(name, line) {
    var resolved = resolvePage(name);
    if (!resolved.page) return drawNoPage(name);
    var page = resolved.page;
    var sentences = sentencesOf(page);
    document.title = page + ': annotated page';
    var counts = {};
    sentences.forEach(function (s) { counts[s.state] = (counts[s.state] || 0) + 1; });
    var html = '<p><a href="#">← dashboard</a> · <a href="' + hashOf({page: page}) + '">this page\'s claims in the grid</a></p>' +
      (resolved.via ? '<p class="muted" id="documented-on"><span class="mono">' + esc(resolved.via) +
        '</span> is documented on the page <span class="mono">' + esc(page) + '</span>.</p>' : '') +
      '<h2>' + esc(page) + ' <span class="muted mono">' + esc(sentences.length ? sentences[0].file : '') + '</span></h2>' +
      '<div class="legend">';
    STATES.forEach(function (st) {
      html += '<span><span class="key st-' + st[0] + '">' + (counts[st[0]] || 0) + '</span> ' + st[1] + '</span>';
    });
    html += '</div><p class="muted">The sentences the reader found in this page, in page order: click or hover a sentence for its claims and each implementation\'s outcome. Sections the claim extractor does not read (NAME, SEE ALSO) are not shown.</p><div class="page-text" id="page-text">';
    var prev = null, open = false;
    sentences.forEach(function (s, k) {
      if (!prev || prev.section !== s.section) {
        if (open) html += '</p>';
        open = false;
        html += '<h3>' + esc(s.section || '(no section)') + '</h3>';
      }
      var proto = s.claims[0].kind === 'prototype';
      if (startsParagraph(prev, s)) {
        if (open) html += '</p>';
        html += proto ? '<p class="mono">' : '<p>';
        open = true;
      } else {
        html += ' ';
      }
      html += '<span class="s st-' + s.state + '" tabindex="0" data-k="' + k + '" data-line="' + s.line + '" title="' +
        esc(titleOf(s)) + '">' + esc(s.text) + '</span>';
      prev = s;
    });
    if (open) html += '</p>';
    html += '</div><aside id="why" hidden></aside>';
    root.innerHTML = html;
    var why = document.getElementById('why');
    function show(el) {
      why.innerHTML = explain(sentences[+el.getAttribute('data-k')]);
      why.hidden = false;
      document.getElementById('why-close').onclick = function () { why.hidden = true; };
    }
    document.getElementById('page-text').addEventListener('click', function (e) {
      var el = e.target.closest('.s');
      if (el) show(el);
    });
    document.getElementById('page-text').addEventListener('keydown', function (e) {
      var el = e.target.closest('.s');
      if (el && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); show(el); }
    });
    // Arriving from the grid at one sentence: show it, with its explanation.
    if (line) {
      var target = root.querySelector('.s[data-line="' + line + '"]');
      if (target) { target.scrollIntoView({block: 'center'}); target.focus(); show(target); }
    }
    document.documentElement.setAttribute('data-shown', String(sentences.length));
  }

  function route() {
    state = readHash();
    var line = (location.hash.match(/[#&]line=(\d+)/) || [])[1];
    document.documentElement.setAttribute('data-view', state.annotate !== null ? 'annotated' : 'dashboard');
    if (state.annotate !== null) drawAnnotated(state.annotate, line);
    else drawDashboard();
    // For the reader's own measurements and the browser test: when the view
    // was ready (ms since navigation) and how wide it drew.
    document.documentElement.setAttribute('data-rendered-ms', String(Math.round(performance.now())));
    document.documentElement.setAttribute('data-width', String(document.documentElement.scrollWidth));
  }

  window.addEventListener('hashchange', route);
  route();
})();
