/* geo's coverage table: the coverage map's figures per 街道 beside the map, from the page's data island
 * (`coverageTable`, written by geo.render.coverage_table). A column's heading sorts by it (again: the other way);
 * a row (a click, or Enter on its name) zooms the map to its 街道 and outlines it; a 街道 clicked on the map marks
 * its row. It starts folded to its title
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
    var box = null, toggle = null, body = null, heads = [], current = null, sortedBy = null, descending = false;

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
      } else {
        name.disabled = true;
      }
      spec.columns.forEach(function (column, i) {
        el('td', null, cellText(spec, column, row.values && row.values[i]), tr);
      });
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
        var th = el('th', null, null, head);
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
      return box;
    };
    control.addTo(map);
  }

  window.geoCoverageTable = geoCoverageTable;
})();
