/* geo's coverage table: the coverage map's figures per 街道 beside the map, from the page's data island
 * (`coverageTable`, written by geo.render.coverage_table). A column's heading sorts by it (again: the other way);
 * a row (a click, or Enter on its name) zooms the map to its 街道 and outlines it; a 街道 clicked on the map marks
 * its row; a row hovered (or its name focused) shows its 街道's tooltip on the map. Printed, a copy of the whole table
 * follows the map. It starts folded to its title
 * in a window narrower than `openMinPx`, where it would cover the district. Names reach the page through
 * textContent, each in a <bdi> so a right-to-left mark in one stays in its cell. */
(function () {
  'use strict';

  function el(tag, cls, text, parent) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== null && text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function button(cls, parent) {
    var node = el('button', cls, null, parent);
    node.type = 'button';
    return node;
  }

  /* {code: [[group, shape]...]}: each 街道's shape in each choropleth (one is shown at a time). */
  function shapesByCode(data, groups) {
    var shapes = {};
    data.layers.forEach(function (spec, i) {
      if (spec.key.indexOf('coverage:') !== 0 || !groups[i]) { return; }
      groups[i].eachLayer(function (shape) {
        var code = shape.feature.properties.code;
        (shapes[code] = shapes[code] || []).push([groups[i], shape]);
      });
    });
    return shapes;
  }

  function cellText(spec, column, value) {
    if (value === null || value === undefined) { return '–'; }
    return column.km ? value.toFixed(spec.kmDecimals) : String(value);
  }

  function geoCoverageTable(map, data, groups) {
    var spec = data.coverageTable;
    if (!spec) { return; }
    var shapes = shapesByCode(data, groups);
    var box = null, toggle = null, body = null, heads = [], current = null, sortedBy = null, descending = false,
      hovered = null;

    function fold(folded) {
      box.classList.toggle('geo-cov-folded', folded);
      toggle.setAttribute('aria-expanded', String(!folded));
    }

    function compare(column) {
      return function (a, b) {
        var d;
        if (column === 0) {
          d = a.name.localeCompare(b.name, 'zh-CN');
        } else {
          d = (a.values ? a.values[column - 1] : -1) - (b.values ? b.values[column - 1] : -1);
        }
        if (descending) { d = -d; }
        return d || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
      };
    }

    /* Sort by a column: numbers largest first, names in order; the same heading again, the other way. */
    function sort(column) {
      descending = column === sortedBy ? !descending : column > 0;
      sortedBy = column;
      spec.rows.slice().sort(compare(column)).forEach(function (row) { body.appendChild(row.tr); });
      heads.forEach(function (th, i) {
        if (i === column) { th.setAttribute('aria-sort', descending ? 'descending' : 'ascending'); } else { th.removeAttribute('aria-sort'); }
      });
    }

    function outline(row, on) {
      (shapes[row.code] || []).forEach(function (pair) {
        if (on) {
          pair[1].setStyle({color: '#d4006a', weight: 4});
          pair[1].bringToFront();
        } else {
          pair[0].resetStyle(pair[1]);
        }
      });
    }

    /* Outline a row's 街道 and mark the row as the current one. */
    function mark(row) {
      if (current) { outline(current, false); current.tr.removeAttribute('aria-current'); }
      current = row;
      outline(row, true);
      row.tr.setAttribute('aria-current', 'true');
    }

    /* A 街道 clicked on the map (or Enter on its focused shape): its row is marked and scrolled into the table's
     * view, under the headings (not with scrollIntoView, which would scroll the map's box too). */
    function found(row) {
      mark(row);
      var wrap = box.lastChild, top = row.tr.offsetTop - wrap.querySelector('thead').offsetHeight;
      if (top < wrap.scrollTop || row.tr.offsetTop + row.tr.offsetHeight > wrap.scrollTop + wrap.clientHeight) {
        wrap.scrollTop = top;
      }
    }

    /* Zoom to a row's 街道 (clear of the table) and outline it. */
    function go(row) {
      var drawn = shapes[row.code];
      if (!drawn) { return; }
      mark(row);
      if (window.innerWidth < data.phoneWidthPx) { fold(true); }  // on a phone, open, it would hide the 街道
      var size = map.getSize();
      map.fitBounds(drawn[0][1].getBounds(), {paddingTopLeft: [20, 20],
        paddingBottomRight: [Math.min(box.offsetWidth, size.x / 2) + 20, 20]});
      map.once('moveend', function () { if (hovered === row) { hint(row, true); } });  // its tooltip where it now is
    }

    /* Where a row's 街道 shows its tooltip: its label's place, or else the middle of the part of it in view, if
     * either is seen (in the map, not under the table); null when the 街道 is out of view. */
    function hintPoint(shape) {
      var p = shape.feature.properties, size = map.getSize(), rect = box.getBoundingClientRect(),
        origin = map.getContainer().getBoundingClientRect();
      function seen(latlng) {
        var pt = map.latLngToContainerPoint(latlng), x = pt.x + origin.left, y = pt.y + origin.top;
        return pt.x >= 0 && pt.y >= 0 && pt.x <= size.x && pt.y <= size.y &&
          !(x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom);
      }
      var at = p.labelAt ? L.latLng(p.labelAt[1], p.labelAt[0]) : shape.getCenter();
      if (seen(at)) { return at; }
      var view = map.getBounds(), b = shape.getBounds();
      if (!view.intersects(b)) { return null; }
      var part = L.latLngBounds([Math.max(view.getSouth(), b.getSouth()), Math.max(view.getWest(), b.getWest())],
        [Math.min(view.getNorth(), b.getNorth()), Math.min(view.getEast(), b.getEast())]).getCenter();
      return seen(part) ? part : null;
    }

    /* A row hovered (or its name focused) shows its 街道's tooltip on the map, as hovering the 街道 does, to the left of
     * its place when to the right it would lie under the table; it goes when the pointer (or the focus) leaves. */
    function hint(row, on) {
      (shapes[row.code] || []).forEach(function (pair) {
        var tip = pair[0].getTooltip();
        if (!map.hasLayer(pair[0]) || !tip) { return; }
        tip.options.direction = 'auto';
        if (!on) { pair[1].fire('mouseout', {layer: pair[1]}, true); return; }
        var at = hintPoint(pair[1]);
        if (!at) { return; }
        pair[1].fire('mouseover', {latlng: at, layer: pair[1]}, true);
        var shown = tip.getElement() && tip.getElement().getBoundingClientRect(), rect = box.getBoundingClientRect();
        if (shown && shown.right > rect.left && shown.bottom > rect.top && shown.left < rect.right) {
          tip.options.direction = 'left';
          tip.update();
        }
      });
    }

    function addRow(row) {
      var tr = row.tr = el('tr', null, null, body);
      var th = el('th', null, null, tr);
      th.scope = 'row';
      var name = button('geo-cov-go', th);
      el('bdi', null, row.name, name);
      if (shapes[row.code]) {
        name.title = '缩放到此处 Zoom to it';
        L.DomEvent.on(tr, 'click', function () { go(row); });
        // A mouse's, not a tap's (a tap goes to the row's 街道, folding the table on a phone) nor a tap's focus.
        tr.addEventListener('pointerenter', function (e) { if (e.pointerType === 'mouse') { hovered = row; hint(row, true); } });
        tr.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') { hovered = null; hint(row, false); } });
        name.addEventListener('focus', function () { if (name.matches(':focus-visible')) { hint(row, true); } });
        name.addEventListener('blur', function () { if (hovered !== row) { hint(row, false); } });
      } else {
        name.disabled = true;
      }
      spec.columns.forEach(function (column, i) {
        el('td', null, cellText(spec, column, row.values && row.values[i]), tr);
      });
    }

    /* Printed, the table (in the map's box, which takes the paper's page) was left out: a copy of it, every row and
     * column as sorted on the screen, is printed after the map, on pages of its own (print CSS), its buttons plain
     * text. Its category headings are set upright: across, a table of a dozen categories was wider than A4, and the
     * browser shrank every printed page to fit it, the map's legend too. */
    function printCopy(table) {
      var copy = el('section', 'geo-cov-print', null, document.body);
      function refresh() {
        copy.textContent = '';
        el('h2', null, spec.title, copy);
        el('p', null, document.title, copy);
        var clone = table.cloneNode(true);
        clone.className = 'geo-cov-print-table';
        Array.prototype.forEach.call(clone.querySelectorAll('button'), function (node) {
          var text = el('span');
          while (node.firstChild) { text.appendChild(node.firstChild); }
          node.parentNode.replaceChild(text, node);
        });
        copy.appendChild(clone);
      }
      refresh();
      window.addEventListener('beforeprint', refresh);
      if (window.matchMedia) {
        window.matchMedia('print').addEventListener('change', function (e) { if (e.matches) { refresh(); } });
      }
    }

    // On a phone the bottom holds the legend's title, which the table's would meet: it goes under the layer list.
    var control = L.control({position: window.innerWidth < data.phoneWidthPx ? 'topright' : 'bottomright'});
    control.onAdd = function () {
      box = el('div', 'geo-cov');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      toggle = button('geo-cov-toggle', box);
      toggle.textContent = spec.title + ' (' + spec.rows.length + ')';
      L.DomEvent.on(toggle, 'click', function () { fold(!box.classList.contains('geo-cov-folded')); });
      fold(window.innerWidth < spec.openMinPx);  // open, it would cover the district
      var table = el('table', 'geo-cov-table', null, el('div', 'geo-cov-wrap', null, box));
      var head = el('tr', null, null, el('thead', null, null, table));
      [{label: spec.nameLabel}].concat(spec.columns).forEach(function (column, i) {
        var th = el('th', column.category ? 'geo-cov-category' : null, null, head);
        th.scope = 'col';
        button('geo-cov-sort', th).textContent = column.label;
        L.DomEvent.on(th.firstChild, 'click', function () { sort(i); });
        heads.push(th);
      });
      body = el('tbody', null, null, table);
      spec.rows.forEach(addRow);
      spec.rows.forEach(function (row) {
        (shapes[row.code] || []).forEach(function (pair) {
          pair[1].on('click', function () { found(row); });
          pair[1].on('keypress', function (e) { if (e.originalEvent.key === 'Enter') { found(row); } });
        });
      });
      printCopy(table);
      return box;
    };
    control.addTo(map);
  }

  window.geoCoverageTable = geoCoverageTable;
})();
