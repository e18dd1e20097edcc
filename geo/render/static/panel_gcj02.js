/* geo placing panel, its datum: positions drawn on GCJ-02 (Amap) tiles converted back to WGS-84,
 * with the formulas and the inverse of geo/crs.py. Constant code shipped with the geo package,
 * loaded before panel.js, which reads window.geoGcj02. */
(function () {
  'use strict';

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

  window.geoGcj02 = {toWgs84: gcj02ToWgs84, fromWgs84: wgs84ToGcj02};
})();
