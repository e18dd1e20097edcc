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
    var box = null, toggle = null, body = null, heads = [], current = [], sortedBy = null, descending = false,
      hovered = null, byCode = {};

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

    /* Outline a row's 街道 (or a note's two) and mark the rows as the current ones. */
    function mark(rows) {
      current.forEach(function (row) { outline(row, false); row.tr.removeAttribute('aria-current'); });
      current = rows;
      rows.forEach(function (row) { outline(row, true); row.tr.setAttribute('aria-current', 'true'); });
    }

    /* A 街道 clicked on the map (or Enter on its focused shape): its row is marked and scrolled into the table's
     * view, under the headings (not with scrollIntoView, which would scroll the map's box too). */
    function found(row) {
      mark([row]);
      var wrap = box.lastChild, top = row.tr.offsetTop - wrap.querySelector('thead').offsetHeight;
      if (top < wrap.scrollTop || row.tr.offsetTop + row.tr.offsetHeight > wrap.scrollTop + wrap.clientHeight) {
        wrap.scrollTop = top;
      }
    }

    /* fitBounds' padding for `bounds` clear of the table (bottom right) and the open legend (bottom left): beside
     * them (the legend's width at the left, the table's at the right) or above both, whichever shows it larger. A 街道
     * fitted clear of the table alone lay under a legend of a few choropleths, as tall as half the window. */
    function padding(bounds) {
      var legend = map.getContainer().querySelector('.geo-legend'), size = map.getSize(),
        table = {x: Math.min(box.offsetWidth, size.x / 2), y: box.offsetHeight},
        key = legend && !legend.classList.contains('geo-legend-folded') ? {x: legend.offsetWidth, y: legend.offsetHeight} : {x: 0, y: 0},
        beside = {paddingTopLeft: [key.x + 20, 20], paddingBottomRight: [table.x + 20, 20]},
        above = {paddingTopLeft: [20, 20], paddingBottomRight: [20, Math.min(Math.max(key.y, table.y), size.y / 2) + 20]};
      function zoom(p) {
        return map.getBoundsZoom(bounds, false, L.point(p.paddingTopLeft).add(p.paddingBottomRight));
      }
      return zoom(above) > zoom(beside) ? above : beside;
    }

    /* Opened over the whole district (in a window under `openMinPx` it starts folded, the district fitted to the
     * window), the table hid a third of it, and a row hovered there showed no tooltip: the district is fitted beside
     * it. A view of a part of the district (zoomed in) is left as it is, and so is a phone's (a row tapped folds the
     * table). */
    function clearOfTable() {
      if (window.innerWidth < data.phoneWidthPx) { return; }
      var all = null;
      Object.keys(shapes).forEach(function (code) {
        var b = shapes[code][0][1].getBounds();
        all = all ? all.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast());
      });
      if (!all || !map.getBounds().contains(all)) { return; }
      var rect = box.getBoundingClientRect(), origin = map.getContainer().getBoundingClientRect(),
        corner = map.latLngToContainerPoint(all.getSouthEast());
      if (corner.x + origin.left > rect.left && corner.y + origin.top > rect.top) {
        map.fitBounds(all, L.extend(padding(all), {animate: false}));  // at once: a row clicked next is not lost
      }
    }

    /* Zoom to a row's 街道 (clear of the table) and outline it. */
    function go(row) {
      if (!shapes[row.code]) { return; }
      zoomTo([row]);
      map.once('moveend', function () { if (hovered === row) { hint(row, true); } });  // its tooltip where it now is
    }

    /* Zoom to the 街道 of `rows` (a row's, or the two a note names), clear of the table, and outline them. */
    function zoomTo(rows) {
      var bounds = null;
      rows.forEach(function (row) {
        var drawn = shapes[row.code];
        if (drawn) { bounds = bounds ? bounds.extend(drawn[0][1].getBounds()) : L.latLngBounds(drawn[0][1].getBounds().getSouthWest(), drawn[0][1].getBounds().getNorthEast()); }
      });
      if (!bounds) { return; }
      mark(rows);
      if (window.innerWidth < data.phoneWidthPx) { fold(true); }  // on a phone, open, it would hide the 街道
      // Leaflet drops a zoom asked for during another (a row clicked while the last one's zoom runs): that one ends.
      if (map._animatingZoom) { map._onZoomTransitionEnd(); }
      map.fitBounds(bounds, padding(bounds));
    }

    /* The notes under the table (where 街道 overlap, projects along a shared edge), each item a button going to its
     * 街道 (a click, Enter); names from the data set as text, each in a <bdi>, geo's words as text. */
    function addNotes(parent) {
      (spec.notes || []).forEach(function (note) {
        var section = el('section', 'geo-cov-note', null, parent);
        el('h3', null, note.title, section);
        el('p', null, note.rule, section);
        var list = el('ul', null, null, section);
        note.items.forEach(function (item) {
          var rows = item.codes.map(function (code) { return byCode[code]; }).filter(Boolean), li = el('li', null, null, list),
            drawn = rows.some(function (row) { return shapes[row.code]; }), target = drawn ? button('geo-cov-note-go', li) : el('span', null, null, li);
          target.classList.add('geo-cov-note-item');  // four lines (CSS), whole on hover
          item.parts.forEach(function (part) { el(part[0] === 'name' ? 'bdi' : 'span', null, part[1], target); });
          target.title = target.textContent;
          if (drawn) {
            target.title += ' · 缩放到此处 Zoom to it';
            L.DomEvent.on(target, 'click', function () { zoomTo(rows); });
          }
        });
      });
    }

    /* Whether `latlng` lies in a 街道's shape (even-odd over all its rings: holes and parts). */
    function inside(latlng, shape) {
      var hit = false;
      (function walk(rings) {
        if (!rings.length || !(rings[0] instanceof L.LatLng)) { rings.forEach(walk); return; }
        for (var i = 0, j = rings.length - 1; i < rings.length; j = i++) {
          var a = rings[i], b = rings[j];
          if ((a.lat > latlng.lat) !== (b.lat > latlng.lat) &&
              latlng.lng < (b.lng - a.lng) * (latlng.lat - a.lat) / (b.lat - a.lat) + a.lng) { hit = !hit; }
        }
      })(shape.getLatLngs());
      return hit;
    }

    /* The boxes over the map: the table, the legend, the layer list, the zoom buttons, the tile notice. */
    function controls() {
      return Array.prototype.map.call(map.getContainer().querySelectorAll('.leaflet-control'), function (node) {
        return node.getBoundingClientRect();
      }).filter(function (r) { return r.width && r.height; });
    }

    /* Where a row's 街道 shows its tooltip: its label's place if that is seen (in the map, under no control), else
     * the point of the 街道 seen nearest to it (on a grid over the part in view), else (all of it under the controls)
     * its label's place in view; null when it is out of view. */
    function hintPoint(shape) {
      var p = shape.feature.properties, size = map.getSize(), covers = controls(),
        origin = map.getContainer().getBoundingClientRect();
      function seen(latlng) {
        var pt = map.latLngToContainerPoint(latlng), x = pt.x + origin.left, y = pt.y + origin.top;
        return pt.x >= 0 && pt.y >= 0 && pt.x <= size.x && pt.y <= size.y &&
          !covers.some(function (r) { return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom; });
      }
      var at = p.labelAt ? L.latLng(p.labelAt[1], p.labelAt[0]) : shape.getCenter();
      if (seen(at)) { return at; }
      var view = map.getBounds(), b = shape.getBounds();
      if (!view.intersects(b)) { return null; }  // out of view: a row's click goes there
      var south = Math.max(view.getSouth(), b.getSouth()), north = Math.min(view.getNorth(), b.getNorth()),
        west = Math.max(view.getWest(), b.getWest()), east = Math.min(view.getEast(), b.getEast()),
        from = map.latLngToContainerPoint(at), best = null, bestDistance = Infinity, steps = 12;
      for (var i = 0; i <= steps; i++) {
        for (var j = 0; j <= steps; j++) {
          var ll = L.latLng(south + (north - south) * (i + 0.5) / (steps + 1), west + (east - west) * (j + 0.5) / (steps + 1)),
            distance = map.latLngToContainerPoint(ll).distanceTo(from);
          if (distance < bestDistance && seen(ll) && inside(ll, shape)) { best = ll; bestDistance = distance; }
        }
      }
      return best || (view.contains(at) ? at : null);  // all of it under the controls: its label's place
    }

    /* A row hovered (or its name focused) shows its 街道's tooltip on the map, as hovering the 街道 does, on a side of its
     * place where it lies in the map clear of the table and the other controls; it goes when the pointer (or the
     * focus) leaves. */
    function hint(row, on) {
      (shapes[row.code] || []).forEach(function (pair) {
        var tip = pair[0].getTooltip();
        if (!map.hasLayer(pair[0]) || !tip) { return; }
        tip.options.direction = 'auto';
        if (!on) { pair[1].fire('mouseout', {layer: pair[1]}, true); return; }
        var at = hintPoint(pair[1]);
        if (!at) { return; }
        pair[1].fire('mouseover', {latlng: at, layer: pair[1]}, true);
        var covers = controls(), frame = map.getContainer().getBoundingClientRect();
        function hidden() {  // how much of the tooltip lies off the map or under a control, in px²
          var shown = tip.getElement() && tip.getElement().getBoundingClientRect();
          if (!shown) { return 0; }
          var cost = shown.width * shown.height - area(shown, frame);
          covers.forEach(function (r) { cost += area(shown, r); });
          return cost;
        }
        // Leaflet's own side first (right of a place left of the middle), else the side that hides the least of it.
        var best = {side: 'auto', cost: hidden()};
        ['left', 'right', 'top', 'bottom'].forEach(function (side) {
          if (!best.cost) { return; }
          tip.options.direction = side;
          tip.update();
          var cost = hidden();
          if (cost < best.cost) { best = {side: side, cost: cost}; }
        });
        tip.options.direction = best.side;
        tip.update();
      });
    }

    function area(a, b) {
      return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
        Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    }

    function addRow(row) {
      var tr = row.tr = el('tr', null, null, body);
      var th = el('th', null, null, tr);
      th.scope = 'row';
      var name = button('geo-cov-go', th);
      el('bdi', null, row.name, name);
      name.title = row.name;  // a long name shows three lines (CSS), whole on hover
      if (shapes[row.code]) {
        name.title = row.name + ' · 缩放到此处 Zoom to it';
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
     * text. Its category headings are set sideways, read bottom to top (print CSS): across, a table of a dozen
     * categories was wider than A4, and the browser shrank every printed page to fit it, the map's legend too. */
    function printCopy(table, notes) {
      var copy = el('section', 'geo-cov-print', null, document.body);
      function plain(node) {
        Array.prototype.forEach.call(node.querySelectorAll('button'), function (button) {
          var text = el('span');
          while (button.firstChild) { text.appendChild(button.firstChild); }
          button.parentNode.replaceChild(text, button);
        });
        return node;
      }
      function refresh() {
        copy.textContent = '';
        el('h2', null, spec.title, copy);
        el('p', null, document.title, copy);
        var clone = plain(table.cloneNode(true));
        clone.className = 'geo-cov-print-table';
        copy.appendChild(clone);
        if (notes) { copy.appendChild(plain(notes.cloneNode(true))); }
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
      L.DomEvent.on(toggle, 'click', function () {
        fold(!box.classList.contains('geo-cov-folded'));
        if (!box.classList.contains('geo-cov-folded')) { clearOfTable(); }
      });
      fold(window.innerWidth < spec.openMinPx);  // open, it would cover the district
      var wrap = el('div', 'geo-cov-wrap', null, box), table = el('table', 'geo-cov-table', null, wrap), notes = null;
      var head = el('tr', null, null, el('thead', null, null, table));
      [{label: spec.nameLabel}].concat(spec.columns).forEach(function (column, i) {
        var th = el('th', column.category ? 'geo-cov-category' : null, null, head);
        th.scope = 'col';
        button('geo-cov-sort', th).textContent = column.label;
        L.DomEvent.on(th.firstChild, 'click', function () { sort(i); });
        heads.push(th);
      });
      body = el('tbody', null, null, table);
      spec.rows.forEach(function (row) { byCode[row.code] = row; addRow(row); });
      if (spec.notes) { addNotes(notes = el('div', 'geo-cov-notes', null, wrap)); }
      spec.rows.forEach(function (row) {
        (shapes[row.code] || []).forEach(function (pair) {
          pair[1].on('click', function () { found(row); });
          pair[1].on('keypress', function (e) { if (e.originalEvent.key === 'Enter') { found(row); } });
        });
      });
      printCopy(table, notes);
      return box;
    };
    control.addTo(map);
  }

  window.geoCoverageTable = geoCoverageTable;
})();
