/* libveilig site: the measures catalogue's filters (maatregelen.html).
   Reads the page's embedded JSON index (one entry per row of the table, in
   the same order) and hides the rows that do not pass the form's filters.
   Without this script the page shows every measure and no form. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var data = document.getElementById("catalogue-index");
  var table = document.getElementById("catalogue");
  if (!form || !data || !table) return;
  var index = JSON.parse(data.textContent);
  var rows = table.querySelectorAll("tbody tr");
  var count = document.getElementById("filter-count");
  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function value(name) {
    var el = form.elements[name];
    return el ? el.value : "";
  }
  function apply() {
    var c = value("category"), a = value("approach"), g = value("target_group");
    var s = value("setting"), p = value("province"), q = fold(value("text").trim());
    var n = 0;
    for (var i = 0; i < index.length && i < rows.length; i++) {
      var e = index[i];
      var ok = (!c || e.c === c) && (!a || e.a === a) && (!g || e.g.indexOf(g) >= 0) &&
        (!s || e.s.indexOf(s) >= 0) && (!p || e.p === p) &&
        (!q || e.t.some(function (t) { return t.indexOf(q) >= 0; }));
      rows[i].hidden = !ok;
      if (ok) n++;
    }
    if (count) count.textContent = String(n);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.hidden = false;
})();
