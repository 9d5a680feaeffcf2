// The page's only behaviour: show the whole state at the step under the mouse
// (or the last one clicked, or named by #step=N), and a self-check of the
// rendered diagram that the browser test reads back from the DOM.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('trace-data').textContent);
  var n = data.steps.length;
  var pinned = n;
  var title = document.getElementById('state-title');
  var stepLine = document.getElementById('state-step');
  var body = document.querySelector('#state-table tbody');
  var picks = document.querySelectorAll('#diagram [data-step].step, #diagram .state-pick');
  var rows = document.querySelectorAll('#step-table tr[data-step]');

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
    document.body.dataset.shownStep = String(i);
  }

  function select(i, setHash) {
    pinned = clamp(i);
    show(pinned);
    if (setHash && history.replaceState) history.replaceState(null, '', '#step=' + pinned);
  }

  function fromHash() {
    var m = /^#step=(\d+)$/.exec(location.hash);
    return m ? clamp(Number(m[1])) : n;
  }

  function wire(el) {
    var i = Number(el.dataset.step);
    el.addEventListener('mouseenter', function () { show(i); });
    el.addEventListener('mouseleave', function () { show(pinned); });
    el.addEventListener('click', function () { select(i, true); });
    el.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { select(i, true); e.preventDefault(); } });
  }
  picks.forEach(wire);
  rows.forEach(function (r) { r.addEventListener('click', function () { select(Number(r.dataset.step), true); }); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') { select(pinned - 1, true); e.preventDefault(); }
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') { select(pinned + 1, true); e.preventDefault(); }
  });
  window.addEventListener('hashchange', function () { select(fromHash(), false); });
  select(fromHash(), false);

  // Self-check, from what the browser laid out: every step box sits on its actor's lifeline.
  var lifelines = document.querySelectorAll('#diagram g.lifeline');
  var lineX = {};
  lifelines.forEach(function (g) {
    var l = g.querySelector('line').getBBox();
    lineX[g.dataset.actor] = l.x + l.width / 2;
  });
  var steps = document.querySelectorAll('#diagram g.step');
  var onLine = 0;
  steps.forEach(function (g) {
    var b = g.querySelector('rect').getBBox();
    if (Math.abs(b.x + b.width / 2 - lineX[g.dataset.actor]) < 1 && b.width > 0) onLine++;
  });
  var marks = document.querySelectorAll('#diagram .violation');
  var check = {
    lifelines: lifelines.length,
    actors: data.actors.length,
    steps: steps.length,
    onLifelines: onLine,
    violations: marks.length,
    violationStep: marks.length ? Number(marks[0].dataset.step) : -1,
    shownStep: pinned,
    stateRows: body.children.length
  };
  var ok = check.lifelines === check.actors && check.steps === n && check.onLifelines === n &&
    check.violations === 1 && check.violationStep === data.violationStep && check.stateRows === data.vars.length;
  var out = document.getElementById('self-check');
  out.textContent = JSON.stringify(check);
  document.body.dataset.selfCheck = ok ? 'ok' : 'failed';
})();
