/* libveilig site: the measures catalogue's filters (maatregelen.html).
   Reads the page's embedded JSON index (one entry per row of the table, in
   the same order, in a block after each part of the table) and what its
   values stand for (once for the page), adds the provinces to the form and
   hides the rows that do not pass the form's filters. Without this script
   the page shows every measure and no form.

   An entry is [c, a, p, g, s, t] (docs/site.md, "The catalogue's index"):
   category, approach, province, target groups, settings, each a value (1,
   2, ...; an approach below 0 is the category's usual one, which the search
   does not look in) or a code the vocabulary does not know; and the folded
   texts the search looks in. The terms block holds the codes of the values
   (c, a, g, s, p), the provinces' names (pn) and the folded code and labels
   of each category, approach and target group (tc, ta, tg). */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var table = document.getElementById("catalogue");
  var termsEl = document.getElementById("catalogue-terms");
  if (!form || !table || !termsEl) return;
  /* the parts' entries joined once (not part after part: that copies) */
  var parts = table.querySelectorAll("script.catalogue-index"), lists = [];
  for (var k = 0; k < parts.length; k++) lists.push(JSON.parse(parts[k].textContent));
  var index = Array.prototype.concat.apply([], lists);
  var T = JSON.parse(termsEl.textContent);
  /* the provinces of the registry: the form's choices */
  var province = form.elements["province"];
  for (var j = 0; province && j < T.p.length; j++) {
    var option = document.createElement("option");
    option.value = T.p[j];
    option.textContent = T.pn[j];
    province.appendChild(option);
  }
  /* the code of an entry's value x in the list of codes */
  function code(list, x) {
    if (typeof x !== "number") return x;
    return x === 0 ? "" : list[Math.abs(x) - 1];
  }
  /* the folded terms of a known value (none for a usual approach, x < 0) */
  function termsOf(list, x) {
    return typeof x === "number" && x > 0 && x <= list.length ? list[x - 1] : [];
  }
  function has(list, q) {
    return list.some(function (t) { return t.indexOf(q) >= 0; });
  }
  function found(e, q) {
    if (has(e[5], q) || has(termsOf(T.tc, e[0]), q) || has(termsOf(T.ta, e[1]), q)) return true;
    return e[3].some(function (g) { return has(termsOf(T.tg, g), q); });
  }
  function hasCode(list, values, c) {
    return values.some(function (x) { return code(list, x) === c; });
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
      var ok = (!c || code(T.c, e[0]) === c) && (!a || code(T.a, e[1]) === a) &&
        (!p || code(T.p, e[2]) === p) && (!g || hasCode(T.g, e[3], g)) &&
        (!s || hasCode(T.s, e[4], s)) && (!q || found(e, q));
      rows[i].hidden = !ok;
      if (ok) n++;
    }
    if (count) count.textContent = String(n);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  if (count) count.textContent = String(rows.length);
  form.hidden = false;
})();
