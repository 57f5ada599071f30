/* libveilig site: the measures catalogue's filters (maatregelen.html).
   Reads the page's embedded JSON index (one entry per row of the table, in
   the same order) and the terms of the vocabularies' codes (once for the
   page), and hides the rows that do not pass the form's filters.
   Without this script the page shows every measure and no form. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var data = document.getElementById("catalogue-index");
  var table = document.getElementById("catalogue");
  if (!form || !data || !table) return;
  var index = JSON.parse(data.textContent);
  /* the terms of the known categories and target groups, once for the page,
     by code; an entry's own terms (e.t) hold the rest */
  var termsEl = document.getElementById("catalogue-terms");
  var terms = termsEl ? JSON.parse(termsEl.textContent) : { c: {}, g: {} };
  function termsOf(table, code) {
    return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : [];
  }
  function has(list, q) {
    return list.some(function (t) { return t.indexOf(q) >= 0; });
  }
  function found(e, q) {
    if (has(e.t, q) || has(termsOf(terms.c, e.c), q)) return true;
    return e.g.some(function (g) { return has(termsOf(terms.g, g), q); });
  }
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
        (!q || found(e, q));
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
