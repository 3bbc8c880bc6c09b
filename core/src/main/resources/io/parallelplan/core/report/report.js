/* Parallel Plan report: sorting, zoom and pan, details on click, and the graph of a large report (drawn from its
   data, see drawGraph). A report is complete without it but for that graph. Safe to load more than once and for
   several reports on one page. No network, no eval. */
(function () {
  'use strict';

  function init(root) {
    if (root.getAttribute('data-pp-ready') === '1') {
      return;
    }
    root.setAttribute('data-pp-ready', '1');
    var data = { nodes: [] };
    var dataEl = root.querySelector('script.pp-data');
    if (dataEl) {
      try {
        data = JSON.parse(dataEl.textContent);
      } catch (e) {
        data = { nodes: [] };
      }
    }
    var table = root.querySelector('table.pp-table');
    if (data.graph && table) {
      drawGraph(root, table, data.graph);
    }
    if (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r, i) {
        r.setAttribute('data-i', String(i));
      });
      sortable(table);
    }
    var box = root.querySelector('.pp-graph-box');
    var svg = box ? box.querySelector('svg.pp-graph') : null;
    if (svg) {
      zoomable(root, box, svg);
    }
    var details = root.querySelector('.pp-details');
    root.addEventListener('click', function (ev) {
      var target = ev.target.closest ? ev.target.closest('[data-i]') : null;
      if (!target || !root.contains(target) || target.tagName === 'TH') {
        return;
      }
      select(root, data, details, Number(target.getAttribute('data-i')), target.tagName !== 'TR');
    });
    root.addEventListener('keydown', function (ev) {
      if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.classList && ev.target.classList.contains('pp-node')) {
        ev.preventDefault();
        select(root, data, details, Number(ev.target.getAttribute('data-i')), true);
      }
    });
    // Nodes, table rows and timeline bars are written in plan order; number them once so that a click on any of
    // them finds the others, whatever order the table is sorted in later.
    Array.prototype.forEach.call(root.querySelectorAll('svg.pp-graph .pp-node'), function (n, i) {
      n.setAttribute('tabindex', '0');
      n.setAttribute('data-i', String(i));
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';

  // A large report's graph comes as data (SvgGraphRenderer.Drawing): level, row, tone and flags per node, the
  // columns' offsets, the edges of each kind. This draws it into the frame the page has, making exactly the elements
  // SvgGraphRenderer writes for a smaller report (same geometry, attributes and order); each node's id, title, state
  // and tooltip come from its row of the table, which is still in plan order here.
  function drawGraph(root, table, graph) {
    var svg = root.querySelector('svg.pp-graph');
    var nodesGroup = svg ? svg.querySelector('g.pp-nodes') : null;
    if (!nodesGroup) {
      return;
    }
    var nodes = graph.nodes;
    var offsets = graph.offsets;
    function x(v) {
      return 16 + nodes[4 * v] * 244;
    }
    function y(v) {
      return 16 + (nodes[4 * v + 1] + offsets[nodes[4 * v]]) * 48;
    }
    var groups = [svg.querySelector('g.pp-edges:not(.pp-critical):not(.pp-blocked)'),
      svg.querySelector('g.pp-edges.pp-critical'), svg.querySelector('g.pp-edges.pp-blocked')];
    graph.edges.forEach(function (pairs, kind) {
      var fragment = document.createDocumentFragment();
      for (var k = 0; k < pairs.length; k += 2) {
        var u = pairs[k];
        var v = pairs[k + 1];
        var x1 = x(u) + 172;
        var y1 = y(u) + 18;
        var x2 = x(v) - 2;
        var y2 = y(v) + 18;
        var dx = Math.min(108, (x2 - x1) / 2);
        fragment.appendChild(svgElement('path', ['data-e', u + ' ' + v, 'd', 'M' + num(x1) + ',' + num(y1) + 'C'
          + num(x1 + dx) + ',' + num(y1) + ' ' + num(x2 - dx) + ',' + num(y2) + ' ' + num(x2) + ',' + num(y2)]));
      }
      if (groups[kind]) {
        groups[kind].appendChild(fragment);
      }
    });
    var rows = table.tBodies[0].rows;
    var fragment = document.createDocumentFragment();
    for (var v = 0; v < rows.length && 4 * v < nodes.length; v++) {
      var cells = rows[v].cells;
      var tone = graph.tones[nodes[4 * v + 2]];
      var flags = nodes[4 * v + 3];
      var g = svgElement('g', ['class', 'pp-node', 'transform', 'translate(' + num(x(v)) + ',' + num(y(v)) + ')']);
      g.appendChild(svgElement('title', [], tooltip(cells, nodes[4 * v], flags)));
      if (flags & 1) {
        g.appendChild(svgElement('rect', ['x', '-4', 'y', '-4', 'width', '180', 'height', '44', 'rx', '9',
          'fill', 'none', 'stroke', '#e8590c', 'stroke-width', '3']));
      }
      var box = ['width', '172', 'height', '36', 'rx', '6', 'fill', tone[0], 'stroke', tone[1]];
      g.appendChild(svgElement('rect', tone[2] ? box.concat(['stroke-dasharray', '4 3']) : box));
      var label = svgElement('text', ['x', '8', 'y', '15', 'font-weight', '700'], shorten(cells[0].textContent, 16));
      var state = cells[2].querySelector('.pp-state');
      if (state) {
        label.appendChild(svgElement('tspan', ['font-weight', '400'],
          ' ' + shorten(state.textContent.toLowerCase(), 18)));
      }
      g.appendChild(label);
      g.appendChild(svgElement('text', ['x', '8', 'y', '29', 'font-size', '11'], shorten(cells[1].textContent, 27)));
      fragment.appendChild(g);
    }
    nodesGroup.appendChild(fragment);
    var note = root.querySelector('.pp-graph-note');
    if (note) {
      note.parentNode.removeChild(note);
    }
  }

  // SvgGraphRenderer.tooltip, from the table row: id and title; state (reason), attempts, duration, estimate;
  // blocked-by chain; level. Flags: 1 critical path, 2 has a duration, 4 names an executor.
  function tooltip(cells, level, flags) {
    var title = cells[1].textContent;
    var t = cells[0].textContent + (title ? ' \u2014 ' + title : '');
    var state = cells[2].querySelector('.pp-state');
    if (state) {
      var all = cells[2].textContent;
      var name = state.textContent;
      t += '\n' + name + (all.length > name.length ? ' (' + all.substring(name.length + 1) + ')' : '');
    } else {
      t += '\nno state';
    }
    var attempts = Number(cells[3].textContent);
    if (attempts > 0) {
      t += ' \u00b7 ' + attempts + (attempts === 1 ? ' attempt' : ' attempts');
      if (flags & 2) {
        t += ' \u00b7 ' + cells[4].textContent;
      }
    }
    var estimate = cells[5].textContent;
    t += ' \u00b7 estimate ' + (estimate.charAt(estimate.length - 1) === '*'
      ? estimate.substring(0, estimate.length - 1) + ' (none written)' : estimate);
    var chain = cells[7].textContent;
    if (chain) {
      t += '\nblocked by ' + chain;
    }
    t += '\nlevel ' + level;
    if (flags & 1) {
      t += ' \u00b7 critical path';
    }
    if (flags & 4) {
      t += ' \u00b7 executor ' + cells[6].textContent;
    }
    return t;
  }

  function svgElement(name, attributes, text) {
    var el = document.createElementNS(SVG, name);
    for (var i = 0; i < attributes.length; i += 2) {
      el.setAttribute(attributes[i], attributes[i + 1]);
    }
    if (text) {
      el.textContent = text;
    }
    return el;
  }

  // SvgGraphRenderer.num: at most one decimal.
  function num(d) {
    var tenths = Math.round(d * 10);
    var sign = tenths < 0 ? '-' : '';
    tenths = Math.abs(tenths);
    return sign + (tenths % 10 === 0 ? String(tenths / 10) : Math.floor(tenths / 10) + '.' + (tenths % 10));
  }

  // Escape.shorten: at most max UTF-16 units, an ellipsis in place of the rest, never half a surrogate pair.
  function shorten(s, max) {
    if (s.length <= max) {
      return s;
    }
    var cut = max - 1;
    var c = s.charCodeAt(cut - 1);
    if (cut > 0 && c >= 0xd800 && c <= 0xdbff) {
      cut--;
    }
    return s.substring(0, cut) + '\u2026';
  }

  function select(root, data, details, i, fromGraph) {
    Array.prototype.forEach.call(root.querySelectorAll('.pp-sel'), function (el) {
      el.classList.remove('pp-sel');
    });
    Array.prototype.forEach.call(root.querySelectorAll('.pp-edges path.pp-hi'), function (el) {
      el.classList.remove('pp-hi');
    });
    var node = root.querySelector('.pp-node[data-i="' + i + '"]');
    var row = root.querySelector('tr[data-i="' + i + '"]');
    if (node) {
      node.classList.add('pp-sel');
      Array.prototype.forEach.call(root.querySelectorAll('.pp-edges path[data-e]'), function (p) {
        var ends = p.getAttribute('data-e').split(' ');
        if (ends[0] === String(i) || ends[1] === String(i)) {
          p.classList.add('pp-hi');
        }
      });
      if (!fromGraph && node.scrollIntoView) {
        node.scrollIntoView({ block: 'center', inline: 'center' });
      }
    }
    if (row) {
      row.classList.add('pp-sel');
    }
    var info = (data.nodes && data.nodes[i]) || { lines: [] };
    var tip = node ? node.querySelector('title') : null;
    if (details && tip) {
      // The tooltip's text (id and title on its first line), then what only the data has: attempts, dependencies.
      var text = tip.textContent.split('\n');
      details.textContent = '';
      var head = document.createElement('b');
      head.textContent = text[0];
      details.appendChild(head);
      details.appendChild(document.createTextNode(text.slice(1).concat(info.lines || []).join('\n')));
      details.hidden = false;
    }
  }

  function sortable(table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      button.title = 'Sort by ' + th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) {
          h.removeAttribute('aria-sort');
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        sortBy(table, col, ascending, th.getAttribute('data-type') === 'number');
      });
    });
  }

  function key(cell, numeric) {
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v;
  }

  function sortBy(table, col, ascending, numeric) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r, index) {
      return { row: r, key: key(r.cells[col], numeric), index: index };
    });
    var collator = typeof Intl !== 'undefined' ? new Intl.Collator(undefined, { numeric: true }) : null;
    keyed.sort(function (a, b) {
      var c;
      if (numeric) {
        c = a.key === b.key ? 0 : (a.key < b.key ? -1 : 1);
      } else {
        c = collator ? collator.compare(a.key, b.key) : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      }
      if (!ascending) {
        c = -c;
      }
      return c !== 0 ? c : a.index - b.index;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) {
      fragment.appendChild(k.row);
    });
    body.appendChild(fragment);
  }

  function zoomable(root, box, svg) {
    var naturalWidth = Number(svg.getAttribute('width'));
    var naturalHeight = Number(svg.getAttribute('height'));
    var scale = 1;
    var toolbar = root.querySelector('.pp-toolbar');
    var label = toolbar ? toolbar.querySelector('.pp-zoom') : null;
    function apply(s) {
      scale = Math.max(0.1, Math.min(4, s));
      svg.setAttribute('width', String(Math.round(naturalWidth * scale)));
      svg.setAttribute('height', String(Math.round(naturalHeight * scale)));
      if (label) {
        label.textContent = Math.round(scale * 100) + '%';
      }
    }
    function fit() {
      var available = box.clientWidth - 2;
      // Fit to the width, but never so small that labels become unreadable: scroll instead.
      apply(available > 0 && naturalWidth > available ? Math.max(0.55, available / naturalWidth) : 1);
    }
    if (toolbar) {
      toolbar.hidden = false;
      toolbar.addEventListener('click', function (ev) {
        var action = ev.target.getAttribute && ev.target.getAttribute('data-zoom');
        if (action === 'in') {
          apply(scale * 1.25);
        } else if (action === 'out') {
          apply(scale / 1.25);
        } else if (action === 'fit') {
          fit();
        } else if (action === 'reset') {
          apply(1);
        }
      });
    }
    box.addEventListener('wheel', function (ev) {
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        apply(scale * (ev.deltaY < 0 ? 1.1 : 1 / 1.1));
      }
    }, { passive: false });
    var drag = null;
    box.classList.add('pp-grab');
    box.addEventListener('mousedown', function (ev) {
      if (ev.button !== 0 || (ev.target.closest && ev.target.closest('.pp-node'))) {
        return;
      }
      drag = { x: ev.clientX, y: ev.clientY, left: box.scrollLeft, top: box.scrollTop };
      box.classList.add('pp-grabbing');
    });
    window.addEventListener('mousemove', function (ev) {
      if (drag) {
        box.scrollLeft = drag.left - (ev.clientX - drag.x);
        box.scrollTop = drag.top - (ev.clientY - drag.y);
      }
    });
    window.addEventListener('mouseup', function () {
      drag = null;
      box.classList.remove('pp-grabbing');
    });
    fit();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.pp-report'), init);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
