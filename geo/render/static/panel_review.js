/* geo placing panel, the review of the catalog: a project of the report marked 不是项目 Not a project
 * (a place it names for context, a neighbour of a project), and 新增项目 Add a project that the
 * report names and extraction missed, drawn with the panel's tools. Both go into placed.csv beside
 * the placements, for geo/hand_review.py. Constant code shipped with the geo package, loaded before
 * panel.js, which calls window.geoPanelReview(panel); text reaches the DOM as textContent only. */
(function () {
  'use strict';

  /* panel: the panel's spec, its helpers (el, button, folded, csvName) and state (placed, rows),
   * and what the review does through it (remove, startDrawing, addRow, refresh). */
  window.geoPanelReview = function (panel) {
    var spec = panel.spec;
    var marked = {};  // project id -> the item marked not a project
    var added = 0;    // projects added in this page, for their ids here
    var order = {};   // category -> its place in the vocabulary (placed.csv orders added rows by it)
    spec.categories.forEach(function (category, i) { order[category.code] = i; });
    spec.removed.forEach(function (item) { marked[item.id] = item; });  // marked in an earlier round

    function toggle(item) {
      if (marked[item.id]) {
        delete marked[item.id];
      } else {
        panel.remove(item.id);  // not a project: placed nowhere
        marked[item.id] = item;
      }
      panel.refresh();
    }

    /* A row's 不是项目 button (a project of the report's; one added here is removed with 移除 Remove). */
    function markButton(item, parent) {
      return panel.button('', '不是项目：重建时保留于目录但不计入任何统计 Not a project: kept in the catalog as ' +
        'removed, counted nowhere, when rebuilt with the download', parent, function () { toggle(item); });
    }

    function show(row, id) {
      if (!row.mark) { return; }
      row.mark.textContent = marked[id] ? '取消标记 Unmark' : '不是项目 Not a project';
      row.row.classList.toggle('geo-panel-marked', !!marked[id]);
      if (marked[id]) { panel.el('span', 'geo-panel-placed', '✗ 不是项目 Not a project', row.state); }
    }

    /* Whether a name is one the page lists already (as the filter compares names). */
    function taken(name) {
      var wanted = panel.folded(name);
      return Object.keys(panel.rows).some(function (id) { return panel.rows[id].names.indexOf(wanted) >= 0; });
    }

    function addForm(parent) {
      var box = panel.el('details', 'geo-panel-add', null, parent);
      panel.el('summary', null, '新增项目 Add a project (报告中有、未识别 named in the report, not found)', box);
      var name = panel.el('input', 'geo-panel-add-name', null, box);
      name.type = 'text';
      name.placeholder = '项目名称 Project name';
      name.title = name.placeholder;
      var category = panel.el('select', 'geo-panel-add-category', null, box);
      category.title = '类别 Category';
      spec.categories.forEach(function (c) { panel.el('option', null, c.label, category).value = c.code; });
      var problem = panel.el('div', 'geo-panel-problem', null, box);
      var start = panel.button('放置 Place', '在地图上绘制 Draw it on the map', box, function () {
        var text = name.value.trim(), chosen = spec.categories[category.selectedIndex];
        problem.textContent = !text ? '请填写名称 Give its name' : taken(text) ?
          '已有此名称的项目 A project of this name is listed: place or correct it there' : '';
        if (problem.textContent) { return; }
        added += 1;
        var item = {id: 'added-here-' + added, name: text, category: chosen.code, label: chosen.label,
          kind: chosen.kind, added: true};
        panel.addRow(item);
        name.value = '';
        panel.startDrawing(item, item.kind);
      });
      start.classList.add('geo-panel-add-place');
      return box;
    }

    /* placed.csv's order: the report's projects by their rank, then those added, by category and name
     * (as geo orders those added in an earlier round), so the same work writes the same bytes. */
    function key(item) {
      return item.added ? [1, order[item.category], item.category, item.name] : [0, item.rank, '', ''];
    }

    function compare(a, b) {
      for (var i = 0; i < a.length; i++) {
        var c = typeof a[i] === 'number' ? a[i] - b[i] : codePoints(a[i], b[i]);
        if (c) { return c; }
      }
      return 0;
    }

    function codePoints(a, b) {  // as Python compares text, by code point (not UTF-16 unit)
      var x = Array.from(a), y = Array.from(b);
      for (var i = 0; i < Math.min(x.length, y.length); i++) {
        var c = x[i].codePointAt(0) - y[i].codePointAt(0);
        if (c) { return c; }
      }
      return x.length - y.length;
    }

    /* Every row of placed.csv: placements (placedRow(entry) writes one) and projects marked. */
    function csvRows(placedRow) {
      var rows = Object.keys(panel.placed).map(function (id) {
        var entry = panel.placed[id];
        return {item: entry.item, cells: function () { return placedRow(entry); }};
      });
      Object.keys(marked).forEach(function (id) {
        var item = marked[id];
        rows.push({item: item, cells: function () {
          return [panel.csvName(item.name), item.category, '', '', '', 'wgs84', '', spec.removedSource,
            spec.removedSource];
        }});
      });
      rows.sort(function (a, b) { return compare(key(a.item), key(b.item)); });
      return rows.map(function (row) { return row.cells(); });
    }

    return {
      marked: marked,
      markButton: markButton,
      show: show,
      addForm: addForm,
      csvRows: csvRows,
      unmark: function (id) { delete marked[id]; },
      count: function () { return Object.keys(marked).length; }
    };
  };
})();
