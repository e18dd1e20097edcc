/* geo map client: draws a geo page's layers, legend and labels from its JSON data island.
 * Constant code shipped with the geo package; the page's data never becomes code: it is
 * parsed with JSON.parse, and text reaches the DOM either pre-escaped by geo (popups,
 * legend) or through textContent. */
(function () {
  'use strict';

  var MAX_LABEL_ZOOM = 18;
  var island = null;
  var groups = [];  // the layers drawn, by their number in the island

  function data() {
    if (island === null) {
      island = JSON.parse(document.getElementById('geo-data').textContent);
    }
    return island;
  }

  function styleOf(spec, feature) {
    return (feature && feature.properties && feature.properties.style) || spec.style || {};
  }

  /* A GeoJSON layer from the island's layer number `index`. */
  function layer(index) {
    var spec = data().layers[index];
    var group = groups[index] = L.geoJSON(spec.data, {
      geoLayer: spec.key,
      pane: spec.pane || 'overlayPane',
      interactive: spec.interactive !== false,
      style: function (feature) { return styleOf(spec, feature); },
      pointToLayer: function (feature, latlng) { return L.circleMarker(latlng, styleOf(spec, feature)); },
      onEachFeature: function (feature, sub) {
        var p = feature.properties || {};
        if (p.popup) { sub.bindPopup(p.popup, {maxWidth: 360}); }
        if (spec.zoneLabels) {
          // Leaflet places the label at the shape's middle, which for a crescent lies outside it.
          if (p.labelAt) { sub.getCenter = function () { return L.latLng(p.labelAt[1], p.labelAt[0]); }; }
          sub.bindTooltip(p.label, {permanent: true, direction: 'center',
            className: 'geo-zone-label geo-minzoom-' + (p.minzoom || 0)});
        } else if (p.label && !spec.hoverTooltips) {
          sub.bindTooltip(p.label, {className: 'geo-name-tip'});  // a long name wraps, on the screen
        }
      }
    });
    if (spec.hoverTooltips) {
      group.bindTooltip(function (sub) { return sub.feature.properties.tooltip; },
        {className: 'geo-tooltip', sticky: true});
    }
    return group;
  }

  function legend(map) {
    var control = L.control({position: 'bottomleft'});
    control.onAdd = function () {
      var div = L.DomUtil.create('div', 'geo-legend');
      div.innerHTML = data().legend;  // escaped by geo when the page was written
      foldable(div, div.querySelector('.geo-legend-title'));
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    var fit = function () { legendRoom(map, control.getContainer()); };
    map.on('resize geonotice', fit);
    fit();
  }

  /* The legend (bottom left) of a score of categories, in a window 600 px high, ran up over the zoom buttons and the
   * tile notice (top left): it scrolls within the room below them (CSS takes at most 65% of the window). */
  function legendRoom(map, div) {
    var top = 0;
    Array.prototype.forEach.call(map.getContainer().querySelectorAll('.leaflet-top.leaflet-left .leaflet-control'), function (node) {
      top = Math.max(top, node.getBoundingClientRect().bottom);
    });
    var css = getComputedStyle(div), padding = parseFloat(css.paddingTop) + parseFloat(css.paddingBottom);
    div.style.setProperty('--geo-legend-room', Math.max(div.getBoundingClientRect().bottom - top - 10 - padding, 60) + 'px');
  }

  /* The legend folds to its title, pressed (a click, a tap, Enter); on a phone it starts folded, or it
   * would hide a third of the map. */
  function foldable(div, title) {
    if (!title) { return; }
    title.setAttribute('role', 'button');
    title.tabIndex = 0;
    function fold() { div.classList.toggle('geo-legend-folded'); }
    L.DomEvent.on(title, 'click', fold);
    L.DomEvent.on(title, 'keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { L.DomEvent.preventDefault(e); fold(); } });
    if (window.innerWidth < data().phoneWidthPx) { fold(); }
  }

  /* Labels of small 街道 would pile up when zoomed out: each label has a minimum zoom, and the
   * map container carries its current zoom as a class that hides the labels not yet due. */
  function labelZoom(map) {
    if (!document.getElementById('geo-label-zoom-css')) {
      var rules = [];
      for (var zoom = 0; zoom < MAX_LABEL_ZOOM; zoom++) {
        for (var min = zoom + 1; min <= MAX_LABEL_ZOOM; min++) {
          rules.push('.geo-zoom-' + zoom + ' .geo-minzoom-' + min + '{display:none}');
        }
      }
      var style = document.createElement('style');
      style.id = 'geo-label-zoom-css';
      style.textContent = rules.join('\n');
      document.head.appendChild(style);
    }
    function update() {
      var box = map.getContainer();
      box.className = box.className.replace(/ ?geo-zoom-[0-9]+/g, '') + ' geo-zoom-' + map.getZoom();
    }
    map.on('zoomend', update);
    update();
  }

  /* When the basemap's tiles cannot be loaded (an intranet, no network), say so in one line;
   * the overlays stay drawn on the plain background. A tile server behind a firewall that drops
   * the traffic never answers, so no tile fails either: no tile loaded after `tileWaitMs` says so
   * too (and a tile loading later, on a slow network, takes that back). */
  function tileNotice(map) {
    var notice = null, loaded = false, failed = false, layers = 0;
    function show() {
      if (notice) { return; }
      notice = L.control({position: 'topleft'});
      notice.onAdd = function () {
        var div = L.DomUtil.create('div', 'geo-tile-notice');
        div.textContent = data().tileNotice;
        return div;
      };
      notice.addTo(map);
      map.fire('geonotice');
    }
    map.eachLayer(function (tiles) {
      if (!(tiles instanceof L.TileLayer)) { return; }
      layers += 1;
      tiles.on('tileerror', function () { failed = true; show(); });
      tiles.on('tileload', function () {
        loaded = true;
        if (notice && !failed) { notice.remove(); notice = null; map.fire('geonotice'); }
      });
    });
    if (layers && data().tileWaitMs) {
      setTimeout(function () { if (!loaded) { show(); } }, data().tileWaitMs);
    }
  }

  /* Printed, the map is laid out to the paper, but Leaflet kept the screen's size: the district was
   * drawn off-centre and cut off. The print layout is known when the print media query turns on:
   * the map then takes the paper's size and shows what the screen showed (or was zooming to); afterwards it is put
   * back. */
  function printView(map) {
    if (!window.matchMedia) { return; }
    var seen = null;
    window.matchMedia('print').addEventListener('change', function (e) {
      if (e.matches) {
        // Printed as the page opens, while it zooms to the district: the zoom's end would move the map under the
        // print, so it ends now (Leaflet's own ending of it) and the print takes the view it ends at.
        if (map._animatingZoom) { map._onZoomTransitionEnd(); }
        seen = {bounds: map.getBounds(), centre: map.getCenter(), zoom: map.getZoom()};
        map.invalidateSize({pan: false});
        map.fitBounds(seen.bounds, {animate: false});
      } else if (seen) {
        map.invalidateSize({pan: false});
        map.setView(seen.centre, seen.zoom, {animate: false});
        seen = null;
      }
    });
  }

  /* Tab goes through every shape with a hover name (a tab stop in Chromium: 480 on a report of 570
   * projects) before the controls: the page's first tab stop, shown when focused, skips to them. */
  function skipLink(map) {
    var link = document.createElement('a');
    link.className = 'geo-skip';
    link.href = '#';
    link.textContent = '跳到地图控件 Skip to the map controls';
    L.DomEvent.on(link, 'click', function (e) {
      L.DomEvent.preventDefault(e);
      var first = map.getContainer().querySelector('.leaflet-control-container a, .leaflet-control-container button');
      if (first) { first.focus(); }
    });
    document.body.insertBefore(link, document.body.firstChild);
  }

  /* Enter on a focused shape opens its popup (Leaflet takes it for a click), but Leaflet's Esc closes a popup only
   * while the map itself has the focus, not one of its shapes: Esc there does too. */
  function escCloses(map) {
    L.DomEvent.on(map.getContainer(), 'keydown', function (e) { if (e.key === 'Escape') { map.closePopup(); } });
  }

  function init(map) {
    skipLink(map);
    escCloses(map);
    legend(map);
    labelZoom(map);
    tileNotice(map);
    printView(map);
    if (window.geoPanel) { window.geoPanel(map, data()); }
    if (window.geoCoverageTable) { window.geoCoverageTable(map, data(), groups); }
  }

  /* geo opens the layer list (it is handiest open), but in a small window (an 800x600 screen, a
   * phone) it would cover the tile notice and leave the placing panel a sliver: there it starts
   * folded into its button, shown on hover or a tap, and the page says so for the panel's height. */
  function foldLayerListInSmallWindows() {
    L.Control.Layers.addInitHook(function () {
      var least = data().layerListOpenMinPx;
      if (least && (window.innerWidth < least[0] || window.innerHeight < least[1])) {
        this.options.collapsed = true;
        document.documentElement.classList.add('geo-layers-folded');
      }
    });
  }

  /* A map that links Leaflet from its CDN (geo render --cdn), opened with no internet, has no
   * Leaflet to draw with: it says so and what to do, rather than stay a blank page. */
  /* A layer drawn over the choropleths whichever is shown (the coverage map's 街道 overlaps): in a pane of its own
   * above Leaflet's overlays, as a choropleth chosen in the layer list is drawn over the layers added before it. */
  function abovePanes() {
    L.Map.addInitHook(function () {
      var map = this;
      data().layers.forEach(function (spec) {
        if (spec.pane && !map.getPane(spec.pane)) { map.createPane(spec.pane).style.zIndex = 450; }
      });
    });
  }

  if (typeof L !== 'undefined') { foldLayerListInSmallWindows(); abovePanes(); }
  if (typeof L === 'undefined') {
    document.addEventListener('DOMContentLoaded', function () {
      var box = document.createElement('div');
      box.className = 'geo-leaflet-notice';
      box.textContent = data().leafletNotice;
      document.body.insertBefore(box, document.body.firstChild);
    });
  }

  window.geoMap = {data: data, layer: layer, init: init};
})();
