/* geo placing panel: the projects map's list of unlocated projects, which a planner places by
 * hand (a point, a line or an area drawn with Leaflet.Editable) and downloads as placed.csv, a
 * gazetteer for `geo build --gazetteer placed.csv`. Located projects can be corrected alike.
 * Constant code shipped with the geo package: the page's data is read from its JSON island,
 * and every text from it reaches the DOM through textContent, never as markup. Nothing is
 * sent anywhere: the CSV is made in the page and saved through a Blob. */
(function () {
  'use strict';

  var M_PER_PX_ZOOM0 = 156543.03392;  // Web Mercator ground resolution at zoom 0 on the equator
  var KIND_TEXT = {point: '点 Point', line: '线 Line', polygon: '面 Area'};
  var PLACED_STYLE = {color: '#d6007a', weight: 4, opacity: 0.95, fillOpacity: 0.25};
  var CSV_COLUMNS = ['name', 'category', 'lon', 'lat', 'wkt', 'datum', 'accuracy_m', 'source', 'method'];

  /* ---- GCJ-02 (Amap tiles) back to WGS-84: the formulas and the inverse of geo/crs.py ---- */

  var GCJ_A = 6378245.0;
  var GCJ_EE = 0.00669342162296594323;

  function gcjDelta(lon, lat) {
    var PI = Math.PI, x = lon - 105.0, y = lat - 35.0, sq = Math.sqrt(Math.abs(x));
    var common = (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0;
    var dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sq + common;
    dlat += (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2.0 / 3.0;
    dlat += (160.0 * Math.sin(y / 12.0 * PI) + 320.0 * Math.sin(y * PI / 30.0)) * 2.0 / 3.0;
    var dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sq + common;
    dlon += (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2.0 / 3.0;
    dlon += (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2.0 / 3.0;
    var radLat = lat / 180.0 * PI;
    var magic = 1.0 - GCJ_EE * Math.sin(radLat) * Math.sin(radLat);
    var sqrtMagic = Math.sqrt(magic);
    dlat = (dlat * 180.0) / ((GCJ_A * (1.0 - GCJ_EE)) / (magic * sqrtMagic) * PI);
    dlon = (dlon * 180.0) / (GCJ_A / sqrtMagic * Math.cos(radLat) * PI);
    return [dlon, dlat];
  }

  function inBox(box, lon, lat) {
    return lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3];
  }

  /* WGS-84 -> GCJ-02; outside `box` (where GCJ-02 applies) the point is unchanged. */
  function wgs84ToGcj02(lon, lat, box) {
    if (!inBox(box, lon, lat)) { return [lon, lat]; }
    var d = gcjDelta(lon, lat);
    return [lon + d[0], lat + d[1]];
  }

  /* GCJ-02 -> WGS-84 by fixed-point iteration, as geo.crs.gcj02_to_wgs84 (error < 1e-9 degree). */
  function gcj02ToWgs84(lon, lat, box) {
    var guessLon = lon, guessLat = lat;
    for (var i = 0; i < 30; i++) {
      var f = wgs84ToGcj02(guessLon, guessLat, box);
      var errLon = f[0] - lon, errLat = f[1] - lat;
      guessLon -= errLon;
      guessLat -= errLat;
      if (Math.abs(errLon) < 1e-10 && Math.abs(errLat) < 1e-10) { break; }
    }
    return [guessLon, guessLat];
  }

  /* ---- small DOM helpers: text only ever through textContent ---- */

  function el(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
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

  /* A spreadsheet would run a cell that starts like a formula: a leading apostrophe keeps a
   * name text. geo's name matching ignores quote marks, so the row still finds its project. */
  function csvName(text) {
    return /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  }

  function number(value) {
    return value.toFixed(7);
  }

  function geoPanel(map, data) {
    var spec = data.panel;
    if (!spec || typeof L.Editable === 'undefined') { return; }
    var box = spec.chinaBounds;
    var placedGroup = L.featureGroup().addTo(map);
    var placed = {};      // project id -> {item, kind, layer, zoom}
    var rows = {};        // project id -> its panel row's parts
    var drawing = null;   // {item, kind, layer being drawn, zoom, committed}
    var editing = null;   // project id being edited
    var ghost = null;     // the current position of a located project, outlined while it is corrected

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
      if (stored && entry.zoom === null) {  // placed in an earlier round and not moved: as stored
        return [csvName(entry.item.name), entry.item.category, stored.lon, stored.lat, stored.wkt, 'wgs84',
          stored.accuracy_m, spec.source, stored.method];
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
      var method = spec.source + ' at zoom ' + entry.zoom +
        (spec.gcj02 ? ', drawn on GCJ-02 (Amap) tiles and converted to WGS-84' : '');
      return [csvName(entry.item.name), entry.item.category, lon, lat, wkt, 'wgs84', accuracy(entry), spec.source,
        method];
    }

    function csvText() {
      var lines = [CSV_COLUMNS.join(',')];
      spec.unlocated.concat(spec.located).forEach(function (item) {
        if (placed[item.id]) { lines.push(csvRow(placed[item.id]).map(csvField).join(',')); }
      });
      return '\ufeff' + lines.join('\r\n') + '\r\n';
    }

    function download() {
      if (!Object.keys(placed).length) { return; }
      stopEditing();
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

    function pointIcon() {
      return L.divIcon({className: 'geo-placed-point', iconSize: [16, 16]});
    }

    function startDrawing(item, kind) {
      stopDrawing();
      stopEditing();
      showCurrent(item);
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
    }

    function vertexCount() {
      if (!drawing || drawing.kind === 'point') { return 0; }
      var latlngs = drawing.layer.getLatLngs();
      return (drawing.kind === 'polygon' ? latlngs[0] || [] : latlngs).length;
    }

    function finishDrawing() {
      if (drawing && vertexCount() >= MIN_VERTICES[drawing.kind]) { tools.commitDrawing(); }
    }

    function undoPoint() {
      if (drawing && drawing.kind !== 'point' && drawing.layer.editor) { drawing.layer.editor.pop(); }
    }

    function stopDrawing() {  // cancels what is being drawn; a committed shape is kept
      if (drawing) { tools.stopDrawing(); }
    }

    // The zoom a shape is placed at is the coarsest one from its first click on (edits included).
    function coarsest(zoom) {
      return zoom === null ? map.getZoom() : Math.min(zoom, map.getZoom());
    }

    map.on('editable:drawing:clicked', function (e) {
      if (drawing && e.layer === drawing.layer) { drawing.zoom = coarsest(drawing.zoom); }
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
    });
    L.DomEvent.on(document, 'keydown', function (e) {
      if (e.key === 'Escape') { stopDrawing(); stopEditing(); refresh(); }
      if (e.key === 'Enter' && drawing) { finishDrawing(); }
    });

    function place(item, kind, layer, zoom, stored) {
      remove(item.id);
      var tip = el('span', null, item.name);
      layer.bindTooltip(tip);
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

    function showCurrent(item) {
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
      map.fitBounds(ghost.getBounds(), {maxZoom: Math.max(map.getZoom(), 15), padding: [40, 40],
        animate: false});
    }

    map.on('zoomend', function () {
      if (drawing && drawing.zoom !== null) { drawing.zoom = coarsest(drawing.zoom); }
      if (editing && placed[editing] && placed[editing].zoom !== null) {  // null: not moved yet
        placed[editing].zoom = coarsest(placed[editing].zoom);
        refresh();
      }
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
      var body = el('div', 'geo-panel-body', null, box);
      parts.status = el('div', 'geo-panel-status', null, body);
      parts.actions = el('div', 'geo-panel-actions', null, body);
      el('div', 'geo-panel-help', '选择项目，在地图上点击（点）或绘制（线、面），下载 placed.csv，再运行 ' +
        'geo build --gazetteer placed.csv。Pick a project, click (point) or draw (line, area) on the map, ' +
        'download placed.csv, then run geo build --gazetteer placed.csv. Nothing leaves this page.', body);
      section(body, '未定位项目 Unlocated projects', spec.unlocated, 'unlocated');
      if (spec.counted.length) {
        section(body, '按区统计（不放置）Counted district-wide, not placed', spec.counted, 'counted');
      }
      if (spec.located.length) {
        var details = el('details', 'geo-panel-located', null, body);
        el('summary', null, '已定位项目（可修正）Located projects, to correct (' + spec.located.length + ')', details);
        section(details, null, spec.located, 'located');
      }
      var foot = el('div', 'geo-panel-foot', null, box);
      parts.download = button('', '保存 placed.csv（UTF-8，Excel 可打开）Save placed.csv', foot, download);
      parts.download.classList.add('geo-panel-download');
      return box;
    };

    function section(parent, title, items, group) {
      if (title) { el('div', 'geo-panel-section', title + ' (' + items.length + ')', parent); }
      var category = null;
      items.forEach(function (item) {
        if (item.category !== category) {
          category = item.category;
          el('div', 'geo-panel-category', item.label, parent);
        }
        rows[item.id] = projectRow(parent, item, group);
      });
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
        el('div', 'geo-panel-note', '全区统计，不放置 District-wide by design', row);
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
      var state = el('div', 'geo-panel-state', null, row);
      return {row: row, kind: kind, start: start, state: state};
    }

    function refresh() {
      Object.keys(rows).forEach(function (id) {
        var row = rows[id], entry = placed[id];
        if (!row.state) { return; }
        row.row.classList.toggle('geo-panel-done', !!entry);
        row.row.classList.toggle('geo-panel-active', !!drawing && drawing.item.id === id);
        row.state.textContent = '';
        if (!entry) { return; }
        var zoom = entry.zoom === null ? '' : ' · zoom ' + entry.zoom;
        el('span', 'geo-panel-placed', '✓ ' + (KIND_TEXT[entry.kind] || entry.kind) + zoom + ' · ±' +
          accuracy(entry) + ' m', row.state);
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
      var count = Object.keys(placed).length;
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

    control.addTo(map);
    spec.located.forEach(function (item) { if (item.placed) { carryOver(item); } });
    refresh();
    // For tests and scripting: the CSV as it would be downloaded, and what is placed.
    geoPanel.csv = csvText;
    geoPanel.placed = placed;
  }

  geoPanel.gcj02ToWgs84 = gcj02ToWgs84;
  geoPanel.wgs84ToGcj02 = wgs84ToGcj02;
  window.geoPanel = geoPanel;
})();
