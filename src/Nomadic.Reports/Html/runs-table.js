// The runs table of the HTML report and of the Workspace dashboard: click a header to sort by it (again to reverse),
// type words to keep the rows holding all of them, and, when the page has a status picker, keep one status.
(function () {
  "use strict";
  var table = document.getElementById("runs");
  var filter = document.getElementById("run-filter");
  var status = document.getElementById("run-status");
  var shown = document.getElementById("runs-shown");
  if (!table || !filter || !shown) { return; }
  var body = table.tBodies[0];
  // The last header row names the columns; a row above it may group them.
  var headers = table.tHead.rows[table.tHead.rows.length - 1].cells;

  function key(row, column) { return row.cells[column].getAttribute("data-sort") || ""; }

  function compare(type, column, a, b) {
    var x = key(a, column), y = key(b, column);
    var nx = parseFloat(x), ny = parseFloat(y);
    var numeric = type === "number" || (type === "auto" && !isNaN(nx) && !isNaN(ny));
    if (numeric) {
      if (x === "" || isNaN(nx)) { return y === "" || isNaN(ny) ? 0 : 1; }
      if (y === "" || isNaN(ny)) { return -1; }
      return nx - ny;
    }
    return x.localeCompare(y);
  }

  Array.prototype.forEach.call(headers, function (header, column) {
    header.addEventListener("click", function () {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var type = header.getAttribute("data-type");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) { var c = compare(type, column, a, b); return ascending ? c : -c; });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    var wanted = status ? status.value : "";
    // Finished runs and trials still running are counted apart: a running trial is not a run yet.
    var finished = { shown: 0, all: 0 }, running = { shown: 0, all: 0 };
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var match = (wanted === "" || row.getAttribute("data-status") === wanted)
        && words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !match;
      var counts = row.getAttribute("data-status") === "running" ? running : finished;
      counts.all++;
      if (match) { counts.shown++; }
    });
    shown.textContent = running.all === 0
      ? finished.shown + " of " + finished.all + " runs"
      : finished.shown + " of " + finished.all + " finished runs, " + running.shown + " of " + running.all + " running";
  }

  filter.addEventListener("input", apply);
  if (status) { status.addEventListener("change", apply); }
  apply();
})();
