-- Analyses and renderings: reg:query / each_match, coverage, profile,
-- compare, peers, similarity, diff, schedule, progress, and the text, CSV,
-- Markdown, JSON and HTML renderings. Expected answers are those worked out by
-- hand for the C tests over tests/data/analysis/fixture.json (test_query.c,
-- test_coverage.c, test_profile.c, test_peers.c, test_progress.c) and the
-- worked examples of docs/analysis.md; the rest runs on the bundled dataset.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

local fixture = support.source_dir .. "/tests/data/analysis/fixture.json"
local PERSONAL = "p.tebrake@enschede.nl"

-- "GM0001:m1 GM0002:b1": the matches of a query, from the objects.
local function matches(rows)
  local out = {}
  for i, r in ipairs(rows) do
    out[i] = r.municipality.code .. ":" .. r.measure.id
  end
  return table.concat(out, " ")
end

local function close_to(expected, actual, tol)
  assert.is_number(actual)
  assert.is_true(math.abs(expected - actual) <= (tol or 1e-12),
    ("expected %.17g, got %.17g"):format(expected, actual))
end

-- Whether s occurs anywhere in the strings of a table (or in a string).
local function mentions(v, s, seen)
  if type(v) == "string" then return v:find(s, 1, true) ~= nil end
  if type(v) ~= "table" then return false end
  seen = seen or {}
  if seen[v] then return false end
  seen[v] = true
  for k, x in pairs(v) do
    if mentions(k, s, seen) or mentions(x, s, seen) then return true end
  end
  return false
end

describe("reg:query", function()
  local veilig = require("veilig")
  local reg = assert(veilig.load(fixture))
  local function q(filters)
    return matches(assert(reg:query(filters)))
  end

  it("filters as the C library does (AND across filters, OR within one)", function()
    assert.equal("GM0001:m1 GM0002:b1", q({ category = "deescalation" }))
    assert.equal("GM0001:m3 GM0002:b2", q({ category = { "campaign", "reporting" } }))
    assert.equal("GM0001:m3", q({ approach = "enforcement" }))
    assert.equal("GM0002:b2", q({ approach = "signalling" }))
    assert.equal("GM0001:m2", q({ target_group = "lgbtiq" }))
    assert.equal("GM0001:m1", q({ setting = "nightlife" }))
    assert.equal("GM0001:m1 GM0002:b1", q({ stakeholder_kind = "police" }))
    assert.equal("GM0002:b1", q({ stakeholder = "politie beedorp" }))
    assert.equal("GM0001:m2", q({ status = "ended" }))
    assert.equal("GM0001:m3 GM0002:b1 GM0002:b2", q({ status = "unknown" }))
    assert.equal("", q({ evidence = "unknown" }))
    assert.equal("GM0001:m3", q({ province = "nl-ov", category = "campaign" }))
    assert.equal("GM0001:m1 GM0002:b1 GM0002:b2", q({ active_on = "2022-06-01" }))
    assert.equal("GM0001:m1 GM0001:m3 GM0002:b1 GM0002:b2", q({ active_on = "2021-12" }))
    assert.equal("GM0002:b1 GM0002:b2", q({ municipality = "Beedorp", target_group = "women_girls" }))
    assert.equal("", q({ municipality = "gm0003" }))
    assert.equal("GM0001:m2", q({ text = "lhbti" }))
    assert.equal("GM0001:m2", q({ text = "OMSTANDERS" }))
    assert.equal("GM0001:m1 GM0002:b1", q({ text = "de-escalatie" }))
    assert.equal("", q({ text = "nothing like it" }))
    local all = "GM0001:m1 GM0001:m2 GM0001:m3 GM0002:b1 GM0002:b2"
    assert.equal(all, q({}))
    assert.equal(all, q())
  end)

  it("OR across filters: groups in the array part, or where = an expression", function()
    local want = "GM0001:m1 GM0001:m3 GM0002:b1 GM0002:b2" -- document order, each once
    assert.equal(want, q({ category = "reporting", { approach = "enforcement", province = "NL-OV" },
      { category = "deescalation" } }))
    assert.equal(want, q({ { category = "reporting" }, { approach = "enforcement", province = "NL-OV" },
      { category = "deescalation" } }))
    assert.equal(want, q({ where = "category=reporting OR approach=enforcement province=NL-OV "
      .. "OR category=deescalation" }))
    assert.equal("GM0001:m3", q({ where = 'text="Boetes campagne"' }))
    assert.error_matches(function() reg:query({ where = "approach=prevention OR categroy=campaign" }) end,
      'where, column 24: query: unknown filter "categroy"; did you mean "category"%?')
    assert.error_matches(function() reg:query({ where = "OR x=y" }) end, "OR needs a filter before it")
    assert.error_matches(function() reg:query({ where = "category=campaign", text = "x" }) end,
      "give 'where' alone")
    assert.error_matches(function() reg:query({ where = 1 }) end, "'where' must be a string")
    assert.error_matches(function() reg:query({ { colour = "red" } }) end, "unknown filter 'colour'")
  end)

  it("gives the module's own objects", function()
    local rows = assert(reg:query({ category = "deescalation" }))
    assert.equal(2, #rows)
    local aastad = reg:find("GM0001")
    assert.is_true(rawequal(aastad, rows[1].municipality))
    assert.is_true(rawequal(aastad:measure("m1"), rows[1].measure))
    assert.equal("veilig.measure b1 (GM0002)", tostring(rows[2].measure))
    assert.equal(rows[2].municipality, rows[2].measure.municipality)
  end)

  it("each_match iterates the same pairs", function()
    local seen = {}
    for m, ms in reg:each_match({ status = "unknown" }) do
      seen[#seen + 1] = m.code .. ":" .. ms.id
      assert.equal(m, ms.municipality)
    end
    assert.equal("GM0001:m3 GM0002:b1 GM0002:b2", table.concat(seen, " "))
    local n = 0
    for _ in reg:each_match() do n = n + 1 end
    assert.equal(5, n)
    for _ in reg:each_match({ category = "research" }) do error("no match expected") end
  end)

  it("raises for unknown filters, wrong types and values a filter does not take", function()
    assert.error_matches(function() reg:query({ colour = "red" }) end, "unknown filter 'colour'")
    assert.error_matches(function() reg:query({ category = 1 }) end, "string or a non%-empty array")
    assert.error_matches(function() reg:query({ category = {} }) end, "non%-empty")
    assert.error_matches(function() reg:query({ category = { "campaign", 2 } }) end, "array of strings")
    assert.error_matches(function() reg:query({ category = true }) end, "category")
    assert.error_matches(function() reg:query({ evidence = "great" }) end, 'unknown evidence "great"')
    -- an unknown code: the known ones, and what was meant
    assert.error_matches(function() reg:query({ category = "bystandr" }) end,
      'unknown category "bystandr"; did you mean "bystander"%? %(known: deescalation, ')
    assert.error_matches(function() reg:query({ target_group = { "lgbtiq", "LHBTI" } }) end,
      'did you mean "lgbtiq"')
    assert.error_matches(function() reg:query({ province = "NL-OX" }) end, 'unknown province "NL%-OX"')
    assert.error_matches(function() reg:query({ active_on = "2021-13" }) end, "active_on")
    assert.error_matches(function() reg:query({ category = "" }) end, "category")
    assert.error_matches(function() reg:query("bystander") end, "table expected")
    assert.error_matches(function() reg:query({ [1] = "x" }) end, "item 1 must be a table of filters")
    assert.error_matches(function() reg:each_match({ colour = "red" }) end, "unknown filter")
    assert.has_error(function() reg.query(nil, {}) end)
  end)

  it("answers 'who runs bystander measures?' on the bundled dataset", function()
    local big = assert(veilig.builtin())
    local expected = {}
    for m in big:municipalities() do
      for ms in m:measures() do
        if ms.category == "bystander" then expected[#expected + 1] = m.code .. ":" .. ms.id end
      end
    end
    assert.is_true(#expected > 0)
    assert.equal(table.concat(expected, " "), matches(assert(big:query({ category = "bystander" }))))
    local names = {}
    for m, ms in big:each_match({ category = "bystander", municipality = "Enschede" }) do
      names[#names + 1] = ms.name
      assert.equal("Enschede", m.name)
    end
    assert.same({ "Handelingsperspectief bieden voor slachtoffers en omstanders", "Omstandersinterventies" }, names)
  end)

  it("rows go stale with their objects; a closed registry raises", function()
    local r = assert(veilig.load(fixture))
    local rows = assert(r:query({ municipality = "GM0002" }))
    assert.is_true(r:remove("GM0002"))
    assert.error_matches(function() return rows[1].measure.name end, "stale")
    assert.equal("", matches(assert(r:query({ municipality = "GM0002" }))))
    r:close()
    assert.error_matches(function() r:query() end, "closed")
    assert.error_matches(function() r:each_match() end, "closed")
  end)
end)

describe("reg:coverage", function()
  local veilig = require("veilig")

  it("counts active measures by default; all_measures (or all) counts every one", function()
    local reg = assert(veilig.load(fixture))
    local c = assert(reg:coverage())
    assert.equal("category", c.axis)
    assert.equal(13, #c.columns) -- no unknown codes: no "other"
    assert.equal("deescalation", c.columns[1])
    assert.same({ 2, 2, 0 }, { c.rows[1].total, c.rows[2].total, c.rows[3].total })
    assert.equal(4, c.total)
    assert.equal("GM0002", c.rows[2].code)
    assert.equal(2, c.column_totals[1])
    -- keyed by code too, as in Python: counts.deescalation beside counts[1]
    assert.equal(1, c.rows[1].counts.deescalation)
    assert.equal(c.rows[2].counts[8], c.rows[2].counts.reporting)
    assert.equal(1, c.rows[2].counts.reporting)
    assert.equal(0, c.rows[3].counts.bystander)
    assert.equal(2, c.column_totals.deescalation)
    assert.equal(13, #c.rows[1].counts) -- the array form stays
    assert.equal(3, assert(reg:coverage({ all = true })).rows[1].total)
    assert.equal(3, assert(reg:coverage({ all_measures = true })).rows[1].total)
    assert.equal(2, assert(reg:coverage({ all = false })).rows[1].total)
    assert.equal(1, assert(reg:coverage({ active_on = "2022" })).rows[1].total) -- m3 ended in 2021
    local by_tg = assert(reg:coverage({ axis = "target_group", all = true }))
    assert.equal("target_group", by_tg.axis)
  end)

  it("rows carry their municipality object", function()
    local reg = assert(veilig.load(fixture))
    for i, row in ipairs(assert(reg:coverage()).rows) do
      assert.is_true(rawequal(reg:get(i), row.municipality_object))
    end
  end)

  it("checks its options", function()
    local reg = assert(veilig.load(fixture))
    assert.error_matches(function() reg:coverage({ axes = "category" }) end, "unknown option 'axes'")
    assert.error_matches(function() reg:coverage({ all = "yes" }) end, "'all' must be a boolean")
    assert.error_matches(function() reg:coverage({ axis = 1 }) end, "'axis' must be a string")
    assert.error_matches(function() reg:coverage({ active_on = "2021-02-30" }) end, "active_on")
    -- a vocabulary coverage does not offer: a mistake of the call, which raises
    assert.error_matches(function() reg:coverage({ axis = "setting" }) end,
                         "bad argument #2 to 'coverage' (option 'axis' must be \"category\", \"approach\" or \"target_group\")", 1, true)
  end)
end)

describe("m:profile", function()
  local veilig = require("veilig")

  it("describes Aastad as worked out by hand", function()
    local reg = assert(veilig.load(fixture))
    local m = reg:find("Aastad")
    local p = assert(m:profile())
    assert.equal("GM0001", p.code)
    assert.equal(3, p.measures)
    assert.same({ prevention = 2, enforcement = 1 }, p.by_approach)
    assert.same({ deescalation = 1, bystander = 1, campaign = 1 }, p.by_category)
    assert.same({ deescalation = 100000, campaign = 25050 }, p.budget_cents_by_category)
    assert.equal(3, #p.target_groups)
    assert.equal("women_girls", p.target_groups[1].code)
    assert.is_true(p.target_groups[1].in_scope)
    assert.equal("bystanders", p.target_groups[3].code)
    assert.is_false(p.target_groups[3].in_scope)
    assert.equal("s-police", p.stakeholders[1].id)
    assert.equal(1, p.stakeholders[1].measures)
    assert.equal(0, p.stakeholders[2].measures)
    assert.is_true(rawequal(m:stakeholder("s-police"), p.stakeholders[1].stakeholder_object))
    assert.equal(13, #p.gaps)
    assert.same({ kind = "category", code = "supervision" }, p.gaps[1])
    assert.equal("research", p.gaps[10].code)
    assert.equal("no_indicator", p.gaps[11].kind)
    assert.equal("m1", p.gaps[11].measure)
    assert.is_true(rawequal(m:measure("m1"), p.gaps[11].measure_object))
    assert.is_true(rawequal(m:measure("m3"), p.gaps[13].measure_object))
  end)

  it("finds Beedorp's measure without an executing party", function()
    local reg = assert(veilig.load(fixture))
    local p = assert(reg:find("GM0002"):profile())
    local last = p.gaps[#p.gaps]
    assert.equal("no_executing_party", last.kind)
    assert.equal("b2", last.measure)
    assert.equal("no_indicator", p.gaps[#p.gaps - 1].kind)
  end)
end)

describe("compare", function()
  local veilig = require("veilig")

  it("puts two municipalities side by side", function()
    local reg = assert(veilig.load(fixture))
    local a, b = reg:find("GM0001"), reg:find("GM0002")
    local c = assert(a:compare(b))
    assert.equal("GM0001", c.a)
    assert.equal("GM0002", c.b)
    assert.is_true(rawequal(a, c.a_object))
    assert.is_true(rawequal(b, c.b_object))
    assert.same({ dimension = "category", code = "deescalation", a = 1, b = 1 }, c.rows[1])
    local by = {}
    for _, row in ipairs(c.rows) do by[row.dimension .. ":" .. row.code] = { row.a, row.b } end
    assert.same({ 2, 1 }, by["approach:prevention"])
    assert.same({ 0, 1 }, by["category:reporting"])
    assert.same({ 1, 2 }, by["target_group:women_girls"])
    assert.same({ 1, 1 }, by["stakeholder_type:police"])
    assert.equal(14, #c.rows)
    local d = assert(veilig.compare(a, b))
    assert.same(c.rows, d.rows)
  end)

  it("compares municipalities of two registries", function()
    local reg, big = assert(veilig.load(fixture)), assert(veilig.builtin())
    local c = assert(veilig.compare(reg:get(1), big:find("Enschede")))
    assert.equal("GM0153", c.b)
    assert.is_true(rawequal(big:find("Enschede"), c.b_object))
    assert.is_true(rawequal(reg:get(1), c.a_object))
    assert.error_matches(function() veilig.compare(reg:get(1)) end, "veilig.municipality expected")
    assert.error_matches(function() veilig.compare(reg, reg:get(1)) end, "veilig.municipality expected")
  end)
end)

describe("peers and similarity", function()
  local veilig = require("veilig")

  it("similarity is the weighted Jaccard index of docs/analysis.md", function()
    local reg = assert(veilig.load(fixture))
    local a, b, c = reg:find("GM0001"), reg:find("GM0002"), reg:find("GM0003")
    close_to(0.1 + 0.4 / 3, veilig.similarity(a, b))
    close_to(veilig.similarity(a, b), veilig.similarity(b, a), 1e-15)
    assert.equal(0, veilig.similarity(a, c))
    assert.equal(1, veilig.similarity(a, a))
    assert.error_matches(function() veilig.similarity(a, "GM0002") end, "veilig.municipality expected")
  end)

  it("peers of one municipality, with suggestions and objects", function()
    local reg = assert(veilig.load(fixture))
    local a, b = reg:find("GM0001"), reg:find("GM0002")
    local rows = assert(reg:peers({ municipality = "GM0001", k = 2 }))
    assert.equal(1, #rows) -- Ceestad, without measures, is no peer
    assert.equal("GM0001", rows[1].subject)
    assert.equal(1, rows[1].rank)
    assert.equal("GM0002", rows[1].peer)
    assert.equal("Beedorp", rows[1].peer_name)
    close_to(0.1 + 0.4 / 3, rows[1].similarity) -- exact, not the JSON's 4 decimals
    assert.is_true(rawequal(a, rows[1].subject_object))
    assert.is_true(rawequal(b, rows[1].peer_object))
    assert.equal(1, #rows[1].suggestions)
    assert.same("b2", rows[1].suggestions[1].measure)
    assert.equal("reporting", rows[1].suggestions[1].category)
    assert.is_true(rawequal(b:measure("b2"), rows[1].suggestions[1].measure_object))
    -- the same by object, and as a method of the municipality
    local by_object = assert(reg:peers({ municipality = a, k = 2 }))
    local method = assert(a:peers({ k = 2 }))
    for i = 1, 1 do
      assert.equal(rows[i].peer, by_object[i].peer)
      assert.equal(rows[i].peer, method[i].peer)
      assert.equal(rows[i].similarity, method[i].similarity)
    end
    assert.equal(1, #assert(a:peers({ k = 1 })))
    assert.equal(1, #assert(a:peers())) -- k 5; the one other with measures
    assert.equal(0, #assert(reg:find("GM0003"):peers())) -- no measures: no basis, no peers
  end)

  it("peers of a municipality of another registry (my plan against the data)", function()
    local reg, mine = assert(veilig.load(fixture)), assert(veilig.load(fixture))
    local plan = mine:find("GM0001")
    -- reg's own GM0001 is another version of the plan: left out
    local rows = assert(reg:peers({ municipality = plan }))
    assert.equal(1, #rows)
    assert.equal("GM0002", rows[1].peer)
    assert.is_true(rawequal(plan, rows[1].subject_object))
    assert.is_true(rawequal(reg:find("GM0002"), rows[1].peer_object))
    assert.is_true(rawequal(reg:find("GM0002"):measure("b2"), rows[1].suggestions[1].measure_object))
    close_to(0.1 + 0.4 / 3, rows[1].similarity)
    local method = assert(plan:peers({ against = reg }))
    assert.equal(1, #method)
    assert.is_true(rawequal(plan, method[1].subject_object))
    assert.is_true(rawequal(reg:find("GM0002"), method[1].peer_object))
    plan.code = "GM0999"
    method = assert(plan:peers({ against = reg }))
    assert.equal("GM0001", method[1].peer)
    assert.equal(1, method[1].similarity)
    assert.equal("GM0002", method[2].peer)
    assert.error_matches(function() plan:peers({ against = "builtin" }) end,
      "option 'against' must be a veilig.registry")
  end)

  it("peers of every municipality", function()
    local reg = assert(veilig.load(fixture))
    local rows = assert(reg:peers())
    assert.equal(2, #rows) -- Ceestad, without measures, neither has peers nor is one
    assert.equal("GM0001", rows[1].subject)
    assert.equal("GM0002", rows[1].peer)
    assert.equal("GM0002", rows[2].subject)
    assert.equal("GM0001", rows[2].peer)
    assert.equal("m2", rows[2].suggestions[1].measure)
  end)

  it("on the bundled dataset: only municipalities with measures, most similar first", function()
    local big = assert(veilig.builtin())
    local rows = assert(big:peers())
    assert.equal(0, #assert(big:peers({ municipality = "GM0153" })))
    for i, row in ipairs(rows) do
      assert.is_true(row.subject_object.measure_count > 0 and row.peer_object.measure_count > 0)
      assert.is_true(row.similarity >= 0 and row.similarity <= 1)
      assert.is_false(row.subject == row.peer)
      assert.equal(row.subject, row.subject_object.code)
      close_to(veilig.similarity(row.subject_object, row.peer_object), row.similarity)
      if row.rank > 1 then assert.is_true(rows[i - 1].similarity >= row.similarity) end
      for _, s in ipairs(row.suggestions) do
        assert.equal(s.measure, s.measure_object.id)
        assert.equal(row.peer_object, s.measure_object.municipality)
      end
    end
  end)

  it("a municipality that is not there is nil, message, details; bad options raise", function()
    local reg, big = assert(veilig.load(fixture)), assert(veilig.builtin())
    local none, msg, details = reg:peers({ municipality = "Atlantis" })
    assert.is_nil(none)
    assert.matches("no such municipality", msg)
    assert.equal("notfound", details.code)
    assert.error_matches(function() reg:peers({ k = -1 }) end, "'k' must be a non%-negative integer")
    assert.error_matches(function() reg:peers({ k = "2" }) end, "'k'")
    assert.error_matches(function() reg:peers({ municipality = 1 }) end, "'municipality'")
    assert.error_matches(function() reg:peers({ count = 2 }) end, "unknown option 'count'")
    assert.error_matches(function() reg:get(1):peers({ municipality = "GM0002" }) end, "unknown option")
  end)
end)

describe("veilig.diff", function()
  local veilig = require("veilig")
  local function doc(measures, target_groups)
    local parts = {}
    for _, id in ipairs(measures) do
      local name = ({ m1 = "Een", m2 = "A", m3 = "Drie", m4 = "Vierde" })[id]
      parts[#parts + 1] = ('{"id":"%s","name":"%s","category":"campaign"}'):format(id, name)
    end
    return ('{"format":"veilig","version":1,"municipalities":[{"code":"GM0001","name":"Aastad",'
      .. '"scope":{"target_groups":[%s]},"measures":[%s]},{"code":"GM0002","name":"Beedorp"}]}')
        :format('"' .. table.concat(target_groups, '","') .. '"', table.concat(parts, ","))
  end

  it("follows the worked example of docs/analysis.md", function()
    local old = assert(veilig.loads(doc({ "m1", "m2", "m3" }, { "women_girls", "lgbtiq" })))
    local new = assert(veilig.loads(doc({ "m3", "m1", "m4" }, { "women_girls" })))
    local rows = assert(veilig.diff(old, new))
    assert.equal(3, #rows)
    assert.equal("changed", rows[1].change)
    assert.equal("GM0001", rows[1].municipality)
    assert.is_nil(rows[1].measure)
    assert.equal("/municipalities/0/scope/target_groups", rows[1].pointer)
    assert.same({ "women_girls", "lgbtiq" }, rows[1].old)
    assert.same({ "women_girls" }, rows[1].new)
    assert.equal("removed", rows[2].change)
    assert.equal("m2", rows[2].measure)
    assert.equal("/municipalities/0/measures/1", rows[2].pointer)
    assert.equal("A", rows[2].old.name)
    assert.is_nil(rows[2].new)
    assert.equal("added", rows[3].change)
    assert.equal("m4", rows[3].measure)
    assert.equal("/municipalities/0/measures/2", rows[3].pointer)
    assert.equal("Vierde", rows[3].new.name)
    -- a removal's pointer is into the old document, the others' into the new
    assert.same({ "new", "old", "new" }, { rows[1].document, rows[2].document, rows[3].document })
    -- only one municipality; the same document gives no rows
    assert.equal(3, #assert(veilig.diff(old, new, "GM0001")))
    assert.equal(0, #assert(veilig.diff(old, new, "GM0002")))
    assert.equal(0, #assert(veilig.diff(old, old)))
  end)

  it("compares the programme block first, its rows without a municipality", function()
    local text = '{"format":"veilig","version":1,"programme":{"name":"P"},'
      .. '"municipalities":[{"code":"GM0002","name":"Beedorp"}]}'
    local old = assert(veilig.loads(text))
    local new = assert(veilig.loads((text:gsub('"P"', '"Q"'))))
    local rows = assert(veilig.diff(old, new))
    assert.equal(1, #rows)
    assert.equal("changed", rows[1].change)
    assert.is_nil(rows[1].municipality)
    assert.equal("/programme/name", rows[1].pointer)
    assert.equal("P", rows[1].old)
    assert.equal("Q", rows[1].new)
    assert.equal(0, #assert(veilig.diff(old, new, "GM0002")))
  end)

  it("sees a change made through the objects", function()
    local old, new = assert(veilig.load(fixture)), assert(veilig.load(fixture))
    new:find("GM0001"):measure("m2").name = "B"
    local rows = assert(veilig.diff(old, new))
    assert.equal(1, #rows)
    assert.same({ change = "changed", municipality = "GM0001", measure = "m2",
      pointer = "/municipalities/0/measures/1/name", document = "new", old = "Omstanderstraining",
      new = "B" }, rows[1])
  end)

  it("a code in neither registry is nil, message, details; bad arguments raise", function()
    local old = assert(veilig.load(fixture))
    local none, msg, details = veilig.diff(old, old, "GM9999")
    assert.is_nil(none)
    assert.matches("either registry", msg)
    assert.equal("notfound", details.code)
    assert.error_matches(function() veilig.diff(old) end, "veilig.registry expected")
    assert.error_matches(function() veilig.diff(old, old:get(1)) end, "veilig.registry expected")
    assert.error_matches(function() veilig.diff(old, old, {}) end, "string expected")
  end)
end)

describe("m:schedule", function()
  local veilig = require("veilig")

  -- The worked example of docs/analysis.md.
  local function example()
    local reg = veilig.new()
    local m = assert(reg:add("GM0001", "Aastad"))
    assert(m:add_measure({ id = "pub", name = "PUB team", category = "deescalation",
      schedule = { { days = { "fri", "sat" }, from = "22:00", to = "04:00" } } }))
    assert(m:add_measure({ id = "walk", name = "Safety walk", category = "public_space",
      schedule = { { days = { "sat" }, dayparts = { "evening", "night" } } } }))
    return reg, m
  end

  it("lays the schedules over the week (slots[day][hour + 1], Monday first)", function()
    local reg, m = example()
    local s = assert(m:schedule())
    assert.equal("GM0001", s.code)
    assert.equal(2, s.measures)
    assert.equal(7, #s.slots)
    assert.equal(24, #s.slots[1])
    assert.equal(2, s.slots[6][1 + 1]) -- Saturday 01:00
    assert.equal(1, s.slots[6][5 + 1])
    assert.equal(2, s.slots[6][23 + 1])
    assert.equal(1, s.slots[7][2 + 1])
    assert.equal(0, s.slots[1][10 + 1])
    assert.equal(1, s.by_category.deescalation[6][1 + 1])
    assert.equal(1, s.by_category.public_space[6][1 + 1])
    assert.same({ "fri", "sat" }, s.window.days)
    assert.equal("22:00", s.window.from)
    assert.equal("04:00", s.window.to)
    assert.equal(720, s.window.minutes)
    assert.equal(1, s.window.share)
    assert(m:remove_measure("pub"))
    s = assert(m:schedule())
    assert.equal(360, s.window.covered_minutes)
    assert.equal(0.5, s.window.share)
    assert.is_not_nil(reg)
  end)

  it("takes a window of days and hours, and a date", function()
    local _, m = example()
    local s = assert(m:schedule({ days = { "sat" }, from = "00:00", to = "06:00" }))
    assert.equal(360, s.window.minutes)
    assert.equal(1, s.window.share)
    s = assert(m:schedule({ days = "mon", from = "09:00", to = "12:00" }))
    assert.same({ "mon" }, s.window.days)
    assert.equal(0, s.window.share)
    s = assert(m:schedule({ days = { "sun" }, from = "23:00", to = "24:00" }))
    assert.equal(60, s.window.minutes)
    assert.equal(2, assert(m:schedule({ active_on = "2024-06-01" })).measures)
  end)

  it("Enschede's PUB-ploeg covers the nightlife window, not a Monday morning", function()
    local e = assert(veilig.builtin()):find("Enschede")
    assert.equal(1, assert(e:schedule()).window.share)
    assert.equal(0, assert(e:schedule({ days = { "mon" }, from = "08:00", to = "12:00" })).window.share)
  end)

  it("checks its options", function()
    local _, m = example()
    assert.error_matches(function() m:schedule({ days = { "funday" } }) end, "'days'")
    assert.error_matches(function() m:schedule({ days = {} }) end, "'days'")
    assert.error_matches(function() m:schedule({ days = 5 }) end, "'days'")
    assert.error_matches(function() m:schedule({ from = "25:00" }) end, "'from'")
    assert.error_matches(function() m:schedule({ from = "24:00" }) end, "'from'")
    assert.error_matches(function() m:schedule({ to = "4:00" }) end, "'to'")
    assert.error_matches(function() m:schedule({ from = "22:00", to = "22:00" }) end, "must differ")
    assert.error_matches(function() m:schedule({ active_on = "soon" }) end, "active_on")
    assert.error_matches(function() m:schedule({ window = "night" }) end, "unknown option 'window'")
  end)
end)

describe("m:progress", function()
  local veilig = require("veilig")

  local function teststad()
    local reg = veilig.new()
    local m = assert(reg:add("GM0001", "Teststad"))
    assert(m:add_indicator({ id = "meldingen", name = "Meldingen", unit = "count", direction = "increase",
      baseline = { date = "2020", value = 10 }, target = { date = "2024", value = 20 },
      observations = { { date = "2022", value = 14 }, { date = "2021", value = 12 } } }))
    assert(m:add_indicator({ id = "onveilig", name = "Voelt zich onveilig", unit = "percent",
      direction = "decrease", baseline = { date = "2019", value = 40 }, target = { date = "2025", value = 30 },
      observations = { { date = "2021", value = 35 }, { date = "2023", value = 29 } } }))
    assert(m:add_indicator({ id = "tevreden", name = "Tevredenheid", direction = "increase",
      baseline = { date = "2020", value = 5 }, observations = { { date = "2021", value = 6 } } }))
    return reg, m
  end

  it("follows the worked examples of docs/analysis.md", function()
    local reg, m = teststad()
    local p = assert(m:progress())
    assert.equal("GM0001", p.code)
    assert.equal(3, #p.indicators)
    local a, b, c = p.indicators[1], p.indicators[2], p.indicators[3]
    assert.equal("meldingen", a.id)
    assert.is_true(rawequal(m:indicator("meldingen"), a.indicator_object))
    assert.same({ date = "2022", value = 14 }, a.latest)
    close_to(0.4, a.fraction, 1e-9)
    close_to(17.993612312268, a.projection, 1e-9)
    assert.equal("off_track", a.track)
    assert.equal("achieved", b.track)
    close_to(1.1, b.fraction, 1e-9)
    assert.equal("unknown", c.track)
    assert.equal(veilig.null, c.fraction) -- JSON's null
    assert.equal(veilig.null, c.target)
    assert.is_not_nil(reg)
  end)

  it("as_of leaves out later observations", function()
    local _, m = teststad()
    local a = assert(m:progress({ as_of = "2021-06-01" })).indicators[1]
    assert.equal(12, a.latest.value)
    close_to(0.2, a.fraction, 1e-9)
    close_to(10 + 2 * 1461 / 366, a.projection, 1e-9)
    assert.error_matches(function() m:progress({ as_of = "yesterday" }) end, "as_of")
    assert.error_matches(function() m:progress({ asof = "2021" }) end, "unknown option")
    assert.error_matches(function() m:progress("2021") end, "table expected")
  end)
end)

describe("renderings", function()
  local veilig = require("veilig")
  local big = assert(veilig.builtin())

  it("the dataset has personal contact data to leave out", function()
    assert.is_true(big:dump():find(PERSONAL, 1, true) ~= nil)
  end)

  it("render_list in every format it offers", function()
    local text = assert(big:render_list())
    assert.matches("Enschede", text)
    assert.matches("^code,name,province,measures", assert(big:render_list({ format = "csv" })))
    assert.matches("^|", assert(big:render_list({ format = "markdown" })))
    local json = assert(big:render_list({ format = "json", lang = "en" }))
    assert.matches('"GM0153"', json)
    assert.error_matches(function() big:render_list({ format = "html" }) end, "does not offer the format 'html'")
  end)

  it("m:render: text, Markdown, JSON", function()
    local e = big:find("Enschede")
    assert.matches("^Enschede %(GM0153%)", assert(e:render()))
    assert.matches("Provincie", assert(e:render({ lang = "nl" })))
    assert.matches("Province", assert(e:render({ lang = "en" })))
    assert.matches("^#", assert(e:render({ format = "markdown" })))
    assert.matches('"code": "GM0153"', assert(e:render({ format = "json" })))
    assert.matches("^municipality,", assert(e:render({ format = "csv" }))) -- its measures
    assert.error_matches(function() e:render({ format = "html" }) end, "does not offer the format 'html'")
  end)

  it("export: flat tables, CSV by default", function()
    local measures = assert(big:export())
    assert.matches("^municipality,", measures)
    local lines = 0
    for _ in measures:gmatch("\n") do lines = lines + 1 end
    local count = 0
    for m in big:municipalities() do count = count + #m end
    assert.is_true(lines >= count + 1)
    assert.matches("^municipality,stakeholder,", assert(big:export({ table = "stakeholders" })))
    assert.matches("^%[", assert(big:export({ table = "indicators", format = "json" })))
    assert.is_string(assert(big:export({ format = "markdown", lang = "en" })))
  end)

  it("report_html: the programme or one municipality, in Dutch or English", function()
    local all = assert(big:report_html())
    assert.matches("^<!DOCTYPE html>", all)
    assert.matches('<html lang="nl">', all, 1, true)
    local e = assert(big:report_html({ municipality = "Enschede", lang = "en", peers = 3 }))
    assert.matches('<html lang="en">', e, 1, true)
    assert.matches("Enschede", e)
    assert.equal(e, assert(big:report_html({ municipality = big:find("GM0153"), lang = "en", peers = 3 })))
    local none, msg, details = big:report_html({ municipality = "Atlantis" })
    assert.is_nil(none)
    assert.matches("no such municipality", msg)
    assert.equal("notfound", details.code)
    none, _, details = big:report_html({ municipality = assert(veilig.load(fixture)):get(1) })
    assert.is_nil(none)
    assert.equal("notfound", details.code)
  end)

  it("leave personal data out unless include_personal", function()
    local function absent(text, what)
      assert.is_string(text, what)
      assert.is_false(text:find(PERSONAL, 1, true) ~= nil, what .. " shows personal data")
    end
    for _, f in ipairs({ "text", "csv", "markdown", "json" }) do
      absent(big:render_list({ format = f }), "render_list " .. f)
      absent(big:render_list({ format = f, include_personal = true }), "render_list " .. f)
      for _, t in ipairs({ "measures", "stakeholders", "indicators" }) do
        absent(big:export({ table = t, format = f }), "export " .. t .. " " .. f)
      end
    end
    for m in big:municipalities() do
      for _, f in ipairs({ "text", "markdown", "json" }) do
        absent(m:render({ format = f }), "render " .. m.code .. " " .. f)
        absent(m:render({ format = f, lang = "en", include_personal = false }), "render " .. m.code)
      end
      assert.is_false(mentions(assert(m:profile()), PERSONAL))
      assert.is_false(mentions(assert(m:peers()), PERSONAL))
    end
    absent(big:report_html(), "report_html")
    absent(big:report_html({ municipality = "Enschede" }), "report_html Enschede")
    absent(big:report_html({ municipality = "Enschede", lang = "en" }), "report_html Enschede en")
    -- and in when asked for
    local e = big:find("Enschede")
    for _, f in ipairs({ "text", "markdown", "json" }) do
      assert.matches(PERSONAL, assert(e:render({ format = f, include_personal = true })), 1, true)
    end
    assert.matches(PERSONAL, assert(big:report_html({ municipality = e, include_personal = true })), 1, true)
  end)

  it("check their options", function()
    local e = big:find("Enschede")
    assert.error_matches(function() big:render_list({ format = "pdf" }) end, "'format'")
    assert.error_matches(function() big:render_list({ lang = "de" }) end, "'lang'")
    assert.error_matches(function() big:render_list({ include_personal = 1 }) end, "'include_personal'")
    assert.error_matches(function() big:render_list({ table = "measures" }) end, "unknown option 'table'")
    assert.error_matches(function() e:render({ peers = 2 }) end, "unknown option 'peers'")
    assert.error_matches(function() big:export({ table = "people" }) end, "'table'")
    assert.error_matches(function() big:report_html({ peers = -1 }) end, "'peers'")
    assert.error_matches(function() big:report_html({ municipality = 153 }) end, "'municipality'")
    assert.error_matches(function() big:report_html({ format = "html" }) end, "unknown option 'format'")
    assert.error_matches(function() big:report_html("Enschede") end, "table expected")
  end)
end)

describe("reg:save_report", function()
  local veilig = require("veilig")
  local big = assert(veilig.builtin())

  local function listing(dir)
    local p = assert(io.popen("ls -A '" .. dir .. "'"))
    local names = {}
    for name in p:lines() do names[#names + 1] = name end
    p:close()
    return table.concat(names, " ")
  end

  -- Runs body(dir) in a new folder, and removes the folder and what is in it whatever happens.
  local function in_folder(body)
    local dir = support.tmpname("-veilig")
    os.execute("mkdir '" .. dir .. "'")
    local ok, err = pcall(body, dir)
    os.execute("rm -rf '" .. dir .. "'")
    if not ok then error(err, 0) end
  end

  it("writes the report atomically, leaving no temporary file", function() in_folder(function(dir)
    local path = dir .. "/rapport.html"
    assert.is_true(assert(big:save_report(path, { municipality = "Enschede", lang = "en" })))
    assert.equal(assert(big:report_html({ municipality = "Enschede", lang = "en" })), support.read_file(path))
    assert.is_false(support.read_file(path):find(PERSONAL, 1, true) ~= nil)
    assert.equal("rapport.html", listing(dir))
    -- over an existing file
    assert.is_true(assert(big:save_report(path)))
    assert.equal(assert(big:report_html()), support.read_file(path))
    assert.equal("rapport.html", listing(dir))
    -- a folder that is not there, a folder in the way: nil, message, details; nothing left
    local none, msg, details = big:save_report(dir .. "/nowhere/rapport.html")
    assert.is_nil(none)
    assert.matches("nowhere/rapport.html: cannot create a temporary file", msg, 1, true)
    assert.equal("io", details.code)
    none, _, details = big:save_report(dir)
    assert.is_nil(none)
    assert.equal("io", details.code)
    none, _, details = big:save_report(path, { municipality = "Atlantis" })
    assert.is_nil(none)
    assert.equal("notfound", details.code)
    assert.equal("rapport.html", listing(dir))
    assert.error_matches(function() big:save_report() end, "string expected")
    assert.error_matches(function() big:save_report(path, { lang = "fr" }) end, "'lang'")
  end) end)
end)

describe("analyses and lifetimes", function()
  local veilig = require("veilig")

  it("stale and closed objects raise in every analysis", function()
    local reg = assert(veilig.load(fixture))
    local a, b = reg:find("GM0001"), reg:find("GM0002")
    assert(reg:remove(b))
    for name, fn in pairs({
      profile = function() return b:profile() end,
      compare = function() return a:compare(b) end,
      similarity = function() return veilig.similarity(b, a) end,
      peers = function() return b:peers() end,
      schedule = function() return b:schedule() end,
      progress = function() return b:progress() end,
      render = function() return b:render() end,
      reg_peers = function() return reg:peers({ municipality = b }) end,
    }) do
      assert.error_matches(fn, "stale", nil, nil, name)
    end
    reg:close()
    for _, fn in ipairs({
      function() return reg:coverage() end, function() return reg:peers() end,
      function() return reg:render_list() end, function() return reg:export() end,
      function() return reg:report_html() end, function() return reg:save_report("/tmp/x.html") end,
      function() return a:profile() end, function() return veilig.diff(reg, reg) end,
    }) do
      assert.error_matches(fn, "closed")
    end
  end)

  it("the objects in results keep their registry alive", function()
    local rows
    do
      rows = assert(assert(veilig.load(fixture)):peers())
    end
    for _ = 1, 3 do collectgarbage("collect") end
    assert.equal("Beedorp", rows[1].peer_object.name)
    assert.equal("Meldpunt", rows[1].suggestions[1].measure_object.name)
  end)
end)
