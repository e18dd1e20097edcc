/* geo placing panel: the projects map's list of unlocated projects, which a planner places by
 * hand (a point, a line or an area drawn with Leaflet.Editable) and downloads as placed.csv, a
 * gazetteer for `geo build --gazetteer placed.csv`. Located projects can be corrected alike; a
 * project can be marked not a project, and one added (panel_review.js).
 * Constant code shipped with the geo package: the page's data is read from its JSON island,
 * and every text from it reaches the DOM through textContent, never as markup. Nothing is
 * sent anywhere: the CSV is made in the page and saved through a Blob. */
(function () {
  'use strict';

  var M_PER_PX_ZOOM0 = 156543.03392;  // Web Mercator ground resolution at zoom 0 on the equator
  var KIND_TEXT = {point: '点 Point', line: '线 Line', polygon: '面 Area'};
  var PLACED_STYLE = {color: '#d6007a', weight: 4, opacity: 0.95, fillOpacity: 0.25};
  var CSV_COLUMNS = ['name', 'category', 'lon', 'lat', 'wkt', 'datum', 'accuracy_m', 'source', 'method'];

  var gcj02ToWgs84 = window.geoGcj02.toWgs84, wgs84ToGcj02 = window.geoGcj02.fromWgs84;

  /* ---- small DOM helpers: text only ever through textContent ---- */

  // Bidirectional embeddings, overrides and isolates: shown, they would put the characters after
  // them in another order than written (as geo.safe_text.page_text drops them from the map's text).
  var BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

  function el(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text).replace(BIDI_CONTROLS, ''); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function button(text, title, parent, onClick) {
    var node = el('button', 'geo-panel-button', text, parent);
    node.type = 'button';
    if (title) { node.title = title; }
    L.DomEvent.on(node, 'click', function (e) { L.DomEvent.stop(e); onClick(); });
    return node;
  }

  /* ---- the CSV ---- */

  function csvField(value) {
    var text = value === null || value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function number(value) {
    return value.toFixed(7);
  }

  function geoPanel(map, data) {
    var spec = data.panel;
    if (!spec || typeof L.Editable === 'undefined') { return; }

    /* A spreadsheet would run a cell that starts like a formula (spec.formulaOpeners: geo's one list,
     * geo.safe_text.FORMULA_OPENERS, the full-width ＝ too): a leading apostrophe keeps a name text.
     * geo's name matching ignores quote marks, so the row still finds its project. A name is written
     * without bidirectional controls, as the page shows it: Excel would show it reordered, and geo
     * matches the written name without them (geo.hand_placed.written_name). */
    function csvName(text) {
      text = String(text).replace(BIDI_CONTROLS, '');
      return spec.formulaOpeners.some(function (opener) { return text.indexOf(opener) === 0; }) ? "'" + text : text;
    }
    var box = spec.chinaBounds;
    var placedGroup = L.featureGroup().addTo(map);
    var placed = {};      // project id -> {item, kind, layer, zoom}
    var rows = {};        // project id -> its panel row's parts
    var drawing = null;   // {item, kind, layer being drawn, zoom, committed}
    var editing = null;   // project id being edited
    var ghost = null;     // the current position of a located project, outlined while it is corrected
    var notice = null;    // why the last download was refused

    /* ---- positions and accuracy ---- */

    function toStored(latlng) {  // a drawn position as WGS-84 [lon, lat]
      var lon = L.Util.wrapNum(latlng.lng, [-180, 180], true), lat = latlng.lat;
      return spec.gcj02 ? gcj02ToWgs84(lon, lat, box) : [lon, lat];
    }

    function coordText(latlngs) {
      return latlngs.map(function (ll) {
        var p = toStored(ll);
        return number(p[0]) + ' ' + number(p[1]);
      }).join(', ');
    }

    /* Pixels at the zoom it was placed at; a position placed in an earlier round and moved now
     * is no better than it was then. */
    function accuracy(entry) {
      if (entry.zoom === null) { return entry.stored.accuracy_m; }
      var lat = entry.layer.getBounds ? entry.layer.getBounds().getCenter().lat : entry.layer.getLatLng().lat;
      var metresPerPx = M_PER_PX_ZOOM0 * Math.cos(lat * Math.PI / 180) / Math.pow(2, entry.zoom);
      var drawn = Math.max(1, Math.round(spec.accuracyPx * metresPerPx));
      return entry.stored ? Math.max(drawn, entry.stored.accuracy_m || 0) : drawn;
    }

    function csvRow(entry) {
      var layer = entry.layer, lon = '', lat = '', wkt = '', stored = entry.stored;
      var source = entry.item.added ? spec.addedSource : spec.source;  // a project added, or one of the report's
      if (stored && entry.zoom === null) {  // placed in an earlier round and not moved: as stored
        return [csvName(entry.item.name), entry.item.category, stored.lon, stored.lat, stored.wkt, 'wgs84',
          stored.accuracy_m, source, stored.method];
      }
      if (entry.kind === 'point') {  // its wkt too: QGIS draws every row from one column
        var p = toStored(layer.getLatLng());
        lon = number(p[0]);
        lat = number(p[1]);
        wkt = 'POINT (' + lon + ' ' + lat + ')';
      } else if (entry.kind === 'line') {
        wkt = 'LINESTRING (' + coordText(layer.getLatLngs()) + ')';
      } else {
        var ring = layer.getLatLngs()[0].slice();
        ring.push(ring[0]);
        wkt = 'POLYGON ((' + coordText(ring) + '))';
      }
      var method = source + ' at zoom ' + entry.zoom +
        (spec.gcj02 ? ', drawn on GCJ-02 (Amap) tiles and converted to WGS-84' : '');
      return [csvName(entry.item.name), entry.item.category, lon, lat, wkt, 'wgs84', accuracy(entry), source,
        method];
    }

    function csvText() {
      var lines = [CSV_COLUMNS.join(',')];
      // In the panel's order whether placed now or in an earlier round: the same placements, the same bytes.
      review.csvRows(csvRow).forEach(function (cells) { lines.push(cells.map(csvField).join(',')); });
      return '\ufeff' + lines.join('\r\n') + '\r\n';
    }

    function download() {
      if (!Object.keys(placed).length && !review.count()) { return; }
      stopEditing();
      var bad = Object.keys(placed).filter(function (id) { return entryProblem(placed[id]); });
      notice = bad.length ? '先修正 Fix first (geo build would refuse it): ' +
        bad.map(function (id) { return placed[id].item.name; }).join('、') : null;
      refresh();
      if (notice) { return; }
      var blob = new Blob([csvText()], {type: 'text/csv;charset=utf-8'});
      var link = el('a', null, null, document.body);
      link.href = URL.createObjectURL(blob);
      link.download = 'placed.csv';
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.parentNode.removeChild(link); }, 1000);
    }

    /* ---- drawing, editing, removing (Leaflet.Editable) ---- */

    var tools = map.editTools || new L.Editable(map, {featuresLayer: placedGroup});
    map.editTools = tools;
    var MIN_VERTICES = {point: 1, line: 2, polygon: 3};

    /* ---- shapes geo can place: a line with a length, an area that encloses something ---- */

    // Checked in pixels at zoom 22, finer than any map zooms: points clicked at any zoom on whole
    // pixels that do not lie on one line stand at least a pixel from it; collinear or repeated
    // clicks come to a millionth of one. geo refuses a line of no length or an area of no area,
    // and has to cut a bow tie into two areas.
    var CHECK_ZOOM = 22;

    function shapeProblem(kind, latlngs) {
      if (kind !== 'line' && kind !== 'polygon') { return null; }
      var origin = map.project(latlngs[0], CHECK_ZOOM);
      var pts = latlngs.map(function (ll) { return map.project(ll, CHECK_ZOOM).subtract(origin); });
      var far = pts.reduce(function (a, b) { return b.x * b.x + b.y * b.y > a.x * a.x + a.y * a.y ? b : a; });
      var size = Math.sqrt(far.x * far.x + far.y * far.y);
      if (kind === 'line') { return size >= 0.5 ? null : '线没有长度 The line has no length: its points are one spot'; }
      var flat = size < 0.5 || pts.every(function (p) { return Math.abs(far.x * p.y - far.y * p.x) / size < 0.5; });
      if (flat) { return '面积为零 The area encloses nothing: its corners lie on one line'; }
      for (var a = 0, n = pts.length; a < n; a++) {
        for (var b = a + 2; b < n; b++) {
          if (a === 0 && b === n - 1) { continue; }  // neighbours around the ring
          if (segmentsMeet(pts[a], pts[a + 1], pts[b], pts[(b + 1) % n])) {
            return '面的边相交 The area\'s edges cross: move a corner so they do not';
          }
        }
      }
      return null;
    }

    function segmentsMeet(p, q, r, s) {
      function side(a, b, c) { var v = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); return v > 0 ? 1 : v < 0 ? -1 : 0; }
      function within(a, b, c) {  // c, on the line through a and b, lies between them
        return Math.min(a.x, b.x) <= c.x && c.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= c.y && c.y <= Math.max(a.y, b.y);
      }
      var d1 = side(p, q, r), d2 = side(p, q, s), d3 = side(r, s, p), d4 = side(r, s, q);
      return (d1 * d2 < 0 && d3 * d4 < 0) || (d1 === 0 && within(p, q, r)) || (d2 === 0 && within(p, q, s)) ||
        (d3 === 0 && within(r, s, p)) || (d4 === 0 && within(r, s, q));
    }

    function latLngsOf(kind, layer) {
      var latlngs = layer.getLatLngs();
      return kind === 'polygon' ? latlngs[0] || [] : latlngs;
    }

    function entryProblem(entry) {  // a shape placed earlier and not moved is as geo stored it
      return entry.zoom === null || !entry.layer.getLatLngs ? null : shapeProblem(entry.kind, latLngsOf(entry.kind, entry.layer));
    }

    /* Ends the shape being drawn if geo can place it, else says why and goes on drawing. */
    function commitIfPlaceable() {
      drawing.problem = shapeProblem(drawing.kind, latLngsOf(drawing.kind, drawing.layer));
      if (drawing.problem) { refresh(); } else { tools.commitDrawing(); }
    }

    function pointIcon() {
      return L.divIcon({className: 'geo-placed-point', iconSize: [16, 16]});
    }

    function startDrawing(item, kind, again) {  // again: the view stays where the planner is
      stopDrawing();
      stopEditing();
      showCurrent(item, !again);
      var layer;
      if (kind === 'point') {
        layer = tools.startMarker(null, {icon: pointIcon()});
      } else {
        var style = L.extend({}, PLACED_STYLE, {fill: kind === 'polygon'});
        layer = kind === 'polygon' ? tools.startPolygon(null, style) : tools.startPolyline(null, style);
      }
      // A double click ends a line or an area (its second click lands on the last vertex): not a zoom.
      drawing = {item: item, kind: kind, layer: layer, zoom: null, committed: false,
        dblclickZoom: map.doubleClickZoom.enabled()};
      map.doubleClickZoom.disable();
      refresh();
      // The keys go to the map (arrows move it, Space puts a point at its centre), not to the button
      // pressed, which Enter would press again instead of ending the shape.
      map.getContainer().focus({preventScroll: true});
    }

    /* Space on the map while drawing: a point where its centre is (the cross), as a click there. */
    function pointAtCentre() {
      var centre = map.getCenter(), latlngs = drawing.kind === 'point' ? [] : latLngsOf(drawing.kind, drawing.layer);
      if (latlngs.length && centre.equals(latlngs[latlngs.length - 1])) { return; }  // not moved since
      drawing.layer.editor.onDrawingClick({latlng: centre, layerPoint: map.latLngToLayerPoint(centre),
        containerPoint: map.latLngToContainerPoint(centre)});
    }

    function vertexCount() {
      return !drawing || drawing.kind === 'point' ? 0 : latLngsOf(drawing.kind, drawing.layer).length;
    }

    function finishDrawing() {
      if (drawing && vertexCount() >= MIN_VERTICES[drawing.kind]) { commitIfPlaceable(); }
    }

    function undoPoint() {
      if (!drawing || drawing.kind === 'point' || !drawing.layer.editor) { return; }
      if (vertexCount() === 1) {  // Leaflet.Editable's pop keeps the last point: start the shape again
        startDrawing(drawing.item, drawing.kind, true);
        return;
      }
      drawing.layer.editor.pop();
      drawing.problem = null;
      refresh();
    }

    function stopDrawing() {  // cancels what is being drawn; a committed shape is kept
      if (drawing) { tools.stopDrawing(); }
    }

    // The zoom a shape is placed at is the coarsest of its clicks and of the drags that moved it.
    function coarsest(zoom) {
      return zoom === null ? map.getZoom() : Math.min(zoom, map.getZoom());
    }

    map.on('editable:drawing:clicked', function (e) {
      if (drawing && e.layer === drawing.layer) {
        drawing.zoom = coarsest(drawing.zoom);
        if (drawing.problem) { drawing.problem = null; refresh(); }
      }
    });
    /* Leaflet.Editable deletes a vertex clicked while drawing. Here a click on one of the shape's
     * vertices that does not end it adds a point there to a line (a ring road ends where it began,
     * a road may cross itself at a corner) and leaves an area as it is. */
    map.on('editable:vertex:click', function (e) {
      if (!drawing || e.layer !== drawing.layer) { return; }
      var index = e.vertex.getIndex(), last = e.vertex.getLastIndex();
      e.cancel();
      if (drawing.kind === 'line' ? index === last && last >= 1 : index === 0 && last >= 2) {  // ends it
        commitIfPlaceable();
        return;
      }
      if (drawing.kind !== 'line' || index === last) { return; }
      if (e.vertex.getLatLng().equals(e.vertex.latlngs[last])) {  // the last point, back on an earlier one
        finishDrawing();
      } else {
        drawing.layer.editor.push(L.latLng(e.vertex.getLatLng()));
        drawing.zoom = coarsest(drawing.zoom);
      }
    });
    map.on('editable:drawing:commit', function (e) {
      if (drawing && e.layer === drawing.layer) { drawing.committed = true; }
    });
    map.on('editable:drawing:end', function (e) {
      if (!drawing || e.layer !== drawing.layer) { return; }
      var done = drawing;
      drawing = null;
      if (done.dblclickZoom) { map.doubleClickZoom.enable(); }
      done.layer.disableEdit();
      placedGroup.removeLayer(done.layer);
      if (done.committed) { place(done.item, done.kind, done.layer, coarsest(done.zoom)); }
      if (ghost) { map.removeLayer(ghost); ghost = null; }
      refresh();
      // Ended by a key (Space, Enter, Esc): the keys go back to the project's row, not to the map, from
      // which Tab went through every shape drawn before it reached the panel again.
      if (byKey && rows[done.item.id] && rows[done.item.id].start) { rows[done.item.id].start.focus(); }
    });
    var byKey = false;
    L.DomEvent.on(document, 'keydown', function (e) {
      byKey = true;
      if (e.key === 'Escape') { stopDrawing(); stopEditing(); refresh(); }
      if (e.key === 'Enter' && drawing && !/^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) { finishDrawing(); }
      if (e.key === ' ' && drawing && document.activeElement === map.getContainer()) {
        L.DomEvent.preventDefault(e);
        pointAtCentre();
      }
      byKey = false;
    });

    function place(item, kind, layer, zoom, stored) {
      remove(item.id);
      review.unmark(item.id);  // placed: a project after all
      var tip = el('span', null, item.name);
      layer.bindTooltip(tip, {className: 'geo-name-tip'});  // a long name wraps, on the screen
      placedGroup.addLayer(layer);
      placed[item.id] = {item: item, kind: kind, layer: layer, zoom: zoom, stored: stored || null};
      layer.on('editable:edited', function () {
        if (placed[item.id]) { placed[item.id].zoom = coarsest(placed[item.id].zoom); }
        refresh();
      });
    }

    function remove(id) {
      if (editing === id) { stopEditing(); }
      if (placed[id]) {
        placedGroup.removeLayer(placed[id].layer);
        delete placed[id];
      }
    }

    function startEditing(id) {
      stopDrawing();
      stopEditing();
      editing = id;
      placed[id].layer.enableEdit(map);
      refresh();
    }

    function stopEditing() {
      if (editing && placed[editing]) { placed[editing].layer.disableEdit(); }
      editing = null;
    }

    /* The current geometry of a located project, outlined while it is corrected. */
    function currentFeature(item) {
      var found = null;
      (data.layers || []).forEach(function (layer) {
        if (layer.key !== item.layer) { return; }
        layer.data.features.forEach(function (f) {
          if (f.properties && f.properties.id === item.id) { found = f; }
        });
      });
      return found;
    }

    function showCurrent(item, fit) {
      if (ghost) { map.removeLayer(ghost); ghost = null; }
      var feature = item.layer ? currentFeature(item) : null;
      if (!feature) { return; }
      ghost = L.geoJSON(feature, {
        interactive: false,
        style: function () { return {color: '#000000', weight: 3, dashArray: '4 6', fill: false}; },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, {radius: 12, color: '#000000', weight: 2, dashArray: '3 4', fill: false});
        }
      }).addTo(map);
      if (fit) { map.fitBounds(ghost.getBounds(), {maxZoom: Math.max(map.getZoom(), 15), padding: [40, 40], animate: false}); }
    }

    /* A vertex of the shape being drawn dragged or deleted: moved at this zoom. Zooming out to look
     * between clicks, or while editing, moves nothing: only the zooms of clicks and drags count. */
    map.on('editable:edited', function (e) {
      if (drawing && e.layer === drawing.layer && drawing.zoom !== null) { drawing.zoom = coarsest(drawing.zoom); }
    });

    /* ---- the panel ---- */

    var control = L.control({position: 'topright'});
    var parts = {};
    control.onAdd = function () {
      var box = el('div', 'geo-panel');
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var head = el('div', 'geo-panel-head', null, box);
      var toggle = button('放置项目 Place projects (' + spec.unlocated.length + ')', '展开/收起 Show or hide', head,
        function () { box.classList.toggle('geo-panel-closed'); });
      toggle.className = 'geo-panel-toggle';
      if (window.innerWidth < data.phoneWidthPx) { box.classList.add('geo-panel-closed'); }
      // Above the list, not scrolled with it: the filter, what is being drawn and its buttons.
      var now = el('div', 'geo-panel-now', null, box);
      var filter = el('input', 'geo-panel-filter', null, now);
      filter.type = 'search';
      filter.placeholder = '按名称筛选 Filter by name';
      filter.title = filter.placeholder;
      L.DomEvent.on(filter, 'input', function () { filterRows(filter.value); });
      parts.status = el('div', 'geo-panel-status', null, now);
      parts.actions = el('div', 'geo-panel-actions', null, now);
      var body = el('div', 'geo-panel-body', null, box);
      el('div', 'geo-panel-help', '选择项目，在地图上点击（点）或绘制（线、面），下载 placed.csv，再以原选项加 ' +
        '--gazetteer placed.csv 运行 geo build。Pick a project, click (point) or draw (line, area) on the map, ' +
        'download placed.csv, then run geo build again with its options and --gazetteer placed.csv. ' +
        'Nothing leaves this page. 不是项目：非项目的名称；新增项目：报告中有、未识别的项目。Not a project: a name that is ' +
        'none; Add a project: one the report names and geo missed. ' +
        '键盘：放置后方向键移动地图，空格在中心十字处加点，Enter 完成，Esc 取消。Keyboard: after Place, the arrows ' +
        'move the map, Space puts a point at the cross in its centre, Enter ends, Esc cancels.', body);
      review.addForm(body);
      parts.added = el('div', 'geo-panel-added', null, body);
      section(body, '未定位项目 Unlocated projects', spec.unlocated, 'unlocated');
      if (spec.counted.length) {
        section(body, '全' + spec.district + '统计（不放置）Counted district-wide, not placed', spec.counted, 'counted');
      }
      if (spec.located.length) {
        var details = parts.located = el('details', 'geo-panel-located', null, body);
        el('summary', null, '已定位项目（可修正）Located projects, to correct (' + spec.located.length + ')', details);
        section(details, null, spec.located, 'located');
      }
      if (spec.removed.length) {
        section(body, '已标记不是项目 Marked not a project', spec.removed, 'removed');
      }
      var foot = el('div', 'geo-panel-foot', null, box);
      parts.download = button('', '保存 placed.csv（UTF-8，Excel 可打开）Save placed.csv', foot, download);
      parts.download.classList.add('geo-panel-download');
      return box;
    };

    var headers = [];  // each category heading with its rows' ids, hidden when the filter leaves none

    function section(parent, title, items, group) {
      if (title) { el('div', 'geo-panel-section', title + ' (' + items.length + ')', parent); }
      var category = null;
      items.forEach(function (item) {
        if (item.category !== category) {
          category = item.category;
          headers.push({node: el('div', 'geo-panel-category', item.label, parent), ids: []});
        }
        headers[headers.length - 1].ids.push(item.id);
        addRow(item, parent, group);
      });
    }

    /* A project's row: of the report's, or one added here (in the list above the report's). */
    function addRow(item, parent, group) {
      rows[item.id] = projectRow(parent || parts.added, item, group || 'added');
      rows[item.id].item = item;
      rows[item.id].names = [folded(item.name), item.simplified ? folded(item.simplified) : ''];
      if (!group) { refresh(); }  // added now (the panel's own rows are shown when it is complete)
    }

    /* Text as the filter compares it: full-width letters and digits as ASCII (ＡＢＣ as ABC), case ignored. */
    function folded(text) {
      return (text.normalize ? text.normalize('NFKC') : text).toLowerCase();
    }

    /* Rows whose name holds the text typed, or whose name in Simplified script does (北园 finds 北園);
     * all of them for none. */
    function filterRows(text) {
      var wanted = folded(text.trim());
      Object.keys(rows).forEach(function (id) {
        var names = rows[id].names;
        rows[id].row.hidden = !!wanted && names[0].indexOf(wanted) < 0 && names[1].indexOf(wanted) < 0;
      });
      headers.forEach(function (header) {
        header.node.hidden = header.ids.every(function (id) { return rows[id].row.hidden; });
      });
      if (wanted && parts.located && spec.located.some(function (item) { return !rows[item.id].row.hidden; })) {
        parts.located.open = true;  // a located project found is shown
      }
    }

    function projectRow(parent, item, group) {
      var row = el('div', 'geo-panel-item geo-panel-' + group, null, parent);
      row.setAttribute('data-project', item.id);
      el('div', 'geo-panel-name', item.name, row);
      if (group === 'located') {
        var current = [item.status, item.source, item.accuracy_m === null ? '' : '±' + item.accuracy_m + ' m'];
        el('div', 'geo-panel-note', current.filter(Boolean).join(' · '), row);
      } else if (item.reason) {
        el('div', 'geo-panel-note', item.reason, row);
      }
      if (item.quote) {
        var quote = el('details', 'geo-panel-quote', null, row);
        el('summary', null, '原文 Quote', quote);
        el('div', 'geo-quote', item.quote, quote);
      }
      if (group === 'counted') {
        el('div', 'geo-panel-note', '全' + spec.district + '统计，不放置 District-wide by design', row);
        return {row: row};
      }
      var toolbar = el('div', 'geo-panel-tools', null, row);
      var kind = el('select', 'geo-panel-kind', null, toolbar);
      kind.title = '几何类型 Geometry type (类别默认 the category expects ' + KIND_TEXT[item.kind] + ')';
      ['point', 'line', 'polygon'].forEach(function (k) {
        var option = el('option', null, KIND_TEXT[k], kind);
        option.value = k;
      });
      kind.value = item.kind;
      var label = group === 'located' ? '修正 Correct' : '放置 Place';
      var start = button(label, '在地图上绘制 Draw it on the map', toolbar, function () {
        startDrawing(item, kind.value);
      });
      start.classList.add('geo-panel-place');
      var mark = item.added ? null : review.markButton(item, toolbar);
      if (mark) { mark.classList.add('geo-panel-mark'); }
      var state = el('div', 'geo-panel-state', null, row);
      return {row: row, kind: kind, start: start, state: state, mark: mark};
    }

    function refresh() {
      Object.keys(rows).forEach(function (id) {
        var row = rows[id], entry = placed[id];
        if (!row.state) { return; }
        row.row.classList.toggle('geo-panel-done', !!entry);
        row.row.classList.toggle('geo-panel-active', !!drawing && drawing.item.id === id);
        row.state.textContent = '';
        review.show(row, id);
        if (!entry) { return; }
        var zoom = entry.zoom === null ? '' : ' · zoom ' + entry.zoom;
        el('span', 'geo-panel-placed', '✓ ' + (KIND_TEXT[entry.kind] || entry.kind) + zoom + ' · ±' +
          accuracy(entry) + ' m', row.state);
        var problem = entryProblem(entry);
        if (problem) { el('div', 'geo-panel-problem', problem, row.state); }
        if (editing === id) {
          button('完成 Done', '结束编辑 Stop editing', row.state, function () { stopEditing(); refresh(); });
        } else if (entry.layer.enableEdit) {
          button('编辑 Edit', '拖动点或顶点 Drag the point or its vertices', row.state,
            function () { startEditing(id); });
        }
        button('移除 Remove', '删除此位置 Remove this position', row.state, function () { remove(id); refresh(); });
      });
      parts.status.textContent = '';
      parts.actions.textContent = '';
      if (drawing) {
        var how = {point: '点击地图放置 Click the map to place',
          line: '依次点击各点，再次点击最后一点完成 Click each point, click the last one again to finish',
          polygon: '依次点击各角点，点击第一点闭合 Click each corner, click the first one to close'}[drawing.kind];
        el('b', null, drawing.item.name, parts.status);
        el('span', null, ' — ' + how, parts.status);
        if (drawing.problem) { el('div', 'geo-panel-problem', drawing.problem, parts.status); }
        if (drawing.kind !== 'point') {
          button('完成 Finish', 'Enter', parts.actions, finishDrawing);
          button('撤销一点 Undo point', null, parts.actions, undoPoint);
        }
        button('取消 Cancel', 'Esc', parts.actions, stopDrawing);
      } else if (editing && placed[editing]) {
        el('b', null, placed[editing].item.name, parts.status);
        el('span', null, placed[editing].kind === 'point' ? ' — 拖动点 Drag the point' :
          ' — 拖动顶点移动，点击顶点删除，拖动中点加点 Drag a vertex to move it, click it to delete it, ' +
          'drag a midpoint to add one', parts.status);
      }
      if (notice && !Object.keys(placed).some(function (id) { return entryProblem(placed[id]); })) { notice = null; }
      if (notice && !drawing) { el('div', 'geo-panel-problem', notice, parts.status); }
      var count = Object.keys(placed).length + review.count();
      parts.download.textContent = '下载 Download placed.csv (' + count + ')';
      parts.download.disabled = count === 0;
    }

    /* Projects placed by hand in an earlier round are placed again, so that the next download
     * keeps them: one placed.csv holds every round. Multi-part shapes are kept but not edited. */
    function carryOver(item) {
      var feature = currentFeature(item), geometry = feature && feature.geometry;
      if (!geometry) { return; }
      var style = L.extend({}, PLACED_STYLE, {fill: item.placed.kind === 'polygon'}), layer;
      if (item.placed.kind === 'point') {
        layer = L.marker(L.GeoJSON.coordsToLatLng(geometry.coordinates), {icon: pointIcon()});
      } else if (item.placed.kind === 'line') {
        layer = L.polyline(L.GeoJSON.coordsToLatLngs(geometry.coordinates), style);
      } else if (item.placed.kind === 'polygon') {
        layer = L.polygon(L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1), style);
      } else {
        layer = L.geoJSON(feature, {style: function () { return L.extend({}, PLACED_STYLE, {fill: true}); }});
      }
      place(item, item.placed.kind, layer, null, item.placed);
    }

    var review = window.geoPanelReview({spec: spec, el: el, button: button, folded: folded, csvName: csvName,
      placed: placed, rows: rows, remove: remove, startDrawing: startDrawing, addRow: addRow, refresh: refresh});
    control.addTo(map);
    spec.located.forEach(function (item) { if (item.placed) { carryOver(item); } });
    refresh();
    // For tests and scripting: the CSV as it would be downloaded, and what is placed.
    geoPanel.csv = csvText;
    geoPanel.placed = placed;
    geoPanel.marked = review.marked;
  }

  geoPanel.gcj02ToWgs84 = gcj02ToWgs84;
  geoPanel.wgs84ToGcj02 = wgs84ToGcj02;
  window.geoPanel = geoPanel;
})();
