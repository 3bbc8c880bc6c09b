/* Parallel Plan report: progressive enhancement only (sorting, zoom and pan, details on click). The report is
   complete without it. Safe to load more than once and for several reports on one page. No network, no eval. */
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
