// The page's behaviour: show the whole state at the step under the mouse (or
// the last one clicked, or named by #step=N); open with the violation (or the
// step named by #step=N) in view, the diagram pane sized to the window; and a
// self-check of the page as laid out that the browser test reads back.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var n = data.steps.length;
  var pinned = n;
  var title = document.getElementById('state-title');
  var stepLine = document.getElementById('state-step');
  var body = document.querySelector('#state-table tbody');
  var pane = document.getElementById('diagram-pane');
  var picks = document.querySelectorAll('#diagram [data-step].step, #diagram .state-pick');
  var rows = document.querySelectorAll('#step-table tr[data-step]');
  var calls = document.querySelectorAll('#summary-table a.call[data-step]');

  function clamp(i) { return Math.max(0, Math.min(n, i)); }

  function text(tag, cls, s) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = s;
    return e;
  }

  function show(i) {
    var state = data.states[i];
    var prev = i > 0 ? data.states[i - 1] : null;
    var changed = i > 0 ? data.steps[i - 1].changed : [];
    title.textContent = i === 0 ? 'Initial state' : 'State after step ' + i + ' of ' + n;
    stepLine.textContent = '';
    if (i > 0) {
      var s = data.steps[i - 1];
      stepLine.appendChild(text('b', '', s.actor + ': '));
      stepLine.appendChild(document.createTextNode(s.function + ': ' + s.label + (s.patch ? ' [patch ' + (s.patch < 10 ? '0' : '') + s.patch + ']' : '') + (s.seed ? ' ' + s.seed + ' ' + s.file : '')));
      if (s.detail) { stepLine.appendChild(document.createElement('br')); stepLine.appendChild(text('i', '', s.detail)); }
    }
    if (i === n) {
      stepLine.appendChild(document.createElement('br'));
      stepLine.appendChild(text('span', 'viol', '\u2717 ' + data.invariant + ' (' + data.violationKind + '): ' + data.message));
    }
    body.textContent = '';
    for (var v = 0; v < data.vars.length; v++) {
      var tr = document.createElement('tr');
      var isChanged = changed.indexOf(data.vars[v]) >= 0;
      if (isChanged) tr.className = 'changed';
      tr.appendChild(text('td', '', data.vars[v]));
      var td = text('td', '', state[v]);
      if (isChanged && prev) td.appendChild(text('span', 'was', '  (was ' + prev[v] + ')'));
      tr.appendChild(td);
      body.appendChild(tr);
    }
    picks.forEach(function (g) { g.classList.toggle('shown', Number(g.dataset.step) === i); });
    rows.forEach(function (r) { r.classList.toggle('shown', Number(r.dataset.step) === i); });
    calls.forEach(function (a) { a.classList.toggle('shown', Number(a.dataset.step) === i); });
    document.body.dataset.shownStep = String(i);
  }

  // The diagram pane fills the window below the header and summary (if that leaves it room), so that
  // the pane, not the page, scrolls through the steps and the header stays in view.
  function fitPane() {
    var top = pane.getBoundingClientRect().top + window.scrollY;
    var room = window.innerHeight - top - 8;
    pane.style.height = (room >= 300 ? room : window.innerHeight - 16) + 'px';
  }

  // Scrolls the pane (not the page) so that element el sits in its lower half, with the steps before it above.
  function reveal(el) {
    if (!el) return;
    var p = pane.getBoundingClientRect();
    var r = el.getBoundingClientRect();
    var strip = document.getElementById('lane-strip').getBoundingClientRect().height;
    var delta = (r.top - p.top) - (strip + (p.height - strip) * 0.6 - r.height / 2);
    pane.scrollTop = Math.max(0, pane.scrollTop + delta);
    var now = el.getBoundingClientRect();
    if (now.top < 0 || now.bottom > window.innerHeight) el.scrollIntoView({block: 'center'});
  }

  function stepElement(i) {
    return i === 0 ? document.querySelector('#diagram .state-pick') : document.getElementById('step-' + i);
  }

  function violationElement() {
    return document.querySelector('#diagram .violation');
  }

  function select(i, setHash, scroll) {
    pinned = clamp(i);
    show(pinned);
    if (setHash && history.replaceState) history.replaceState(null, '', '#step=' + pinned);
    if (scroll) reveal(stepElement(pinned));
  }

  function fromHash() {
    var m = /^#step=(\d+)$/.exec(location.hash);
    return m ? clamp(Number(m[1])) : -1;
  }

  function wire(el) {
    var i = Number(el.dataset.step);
    el.addEventListener('mouseenter', function () { show(i); });
    el.addEventListener('mouseleave', function () { show(pinned); });
    el.addEventListener('click', function () { select(i, true, false); });
    el.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { select(i, true, false); e.preventDefault(); } });
  }
  picks.forEach(wire);
  rows.forEach(function (r) { r.addEventListener('click', function () { select(Number(r.dataset.step), true, true); }); });
  calls.forEach(function (a) {
    a.addEventListener('click', function (e) { select(Number(a.dataset.step), true, true); e.preventDefault(); });
  });
  var jump = document.querySelector('a.jump');
  if (jump) jump.addEventListener('click', function (e) { select(n, true, false); reveal(violationElement()); e.preventDefault(); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { select(pinned - 1, true, true); e.preventDefault(); }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { select(pinned + 1, true, true); e.preventDefault(); }
  });
  window.addEventListener('hashchange', function () { var h = fromHash(); if (h >= 0) select(h, false, true); });
  window.addEventListener('resize', fitPane);

  fitPane();
  var start = fromHash();
  if (start >= 0) {
    select(start, false, true);
  } else {
    select(n, false, false);
    reveal(violationElement());
  }

  // Self-check, from what the browser laid out.
  var lifelines = document.querySelectorAll('#diagram g.lifeline');
  var lineX = {};
  lifelines.forEach(function (g) {
    var l = g.querySelector('line').getBBox();
    lineX[g.dataset.actor] = l.x + l.width / 2;
  });
  var steps = document.querySelectorAll('#diagram g.step');
  var onLine = 0;
  var overflowing = [];
  steps.forEach(function (g) {
    var box = g.querySelector('rect').getBBox();
    if (Math.abs(box.x + box.width / 2 - lineX[g.dataset.actor]) < 1 && box.width > 0) onLine++;
    g.querySelectorAll('text.step-head, text.step-label, text.step-fn').forEach(function (t) {
      if (t.getComputedTextLength() > box.width - 2) overflowing.push(Number(g.dataset.step));
    });
  });
  // Lane headers: each name inside its header box, and every header inside the window.
  var heads = document.querySelectorAll('#lane-heads g.lane-head');
  var clipped = [];
  heads.forEach(function (g) {
    var box = g.querySelector('rect').getBBox();
    var t = g.querySelector('text').getBBox();
    var r = g.getBoundingClientRect();
    if (t.width > box.width - 2 || t.x < box.x || r.left < 0 || r.right > window.innerWidth) {
      clipped.push(g.dataset.actor || g.dataset.engine);
    }
  });
  var marks = document.querySelectorAll('#diagram .violation');
  var viol = marks.length ? marks[0].getBoundingClientRect() : null;
  var inView = !!viol && viol.top >= 0 && viol.bottom <= window.innerHeight && viol.left >= 0 && viol.right <= window.innerWidth;
  function count(sel) { return document.querySelectorAll(sel).length; }
  var check = {
    lifelines: lifelines.length,
    actors: data.actors.length,
    steps: steps.length,
    onLifelines: onLine,
    violations: marks.length,
    violationStep: marks.length ? Number(marks[0].dataset.step) : -1,
    violationInView: inView,
    laneHeads: heads.length,
    laneHeadsClipped: clipped,
    textOverflow: overflowing,
    arrows: { callback: count('#diagram g.msg.callback'), signal: count('#diagram g.msg.signal'),
              wake: count('#diagram g.msg.wake'), ptrace: count('#diagram g.msg.ptrace') },
    window: [window.innerWidth, window.innerHeight],
    shownStep: pinned,
    stateRows: body.children.length
  };
  var ok = check.lifelines === check.actors && check.steps === n && check.onLifelines === n &&
    check.violations === 1 && check.violationStep === data.violationStep && check.stateRows === data.vars.length &&
    clipped.length === 0 && overflowing.length === 0 && (start >= 0 || inView);
  var out = document.getElementById('self-check');
  out.textContent = JSON.stringify(check);
  document.body.dataset.selfCheck = ok ? 'ok' : 'failed';
})();
