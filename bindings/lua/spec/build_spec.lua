-- Building and changing registries from Lua; writing them; validating them.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

describe("building", function()
  local veilig = require("veilig")

  it("a registry from Lua tables, round-tripping through dump and loads", function()
    local reg = veilig.new()
    reg["programme.name"] = "Mijn programma"
    assert.equal(reg, reg:set("programme.operator", "Gemeente"))
    local m = assert(reg:add("GM0001", "Voorbeeld"))
    assert.equal("veilig.municipality", (tostring(m):match("^%S+")))
    assert.equal(m, reg:find("Voorbeeld"))
    assert.equal(m, m:set("province", "NL-UT"))
    m.summary = "Een voorbeeld."
    m["membership.joined"] = "2021-12"
    m["membership.status"] = "active"
    m["scope.target_groups"] = { "women_girls", "lgbtiq" }
    m.focus = { "prevention" }

    local ms = assert(m:add_measure({
      id = "straatcoaches", name = "Straatcoaches", category = "supervision",
      description = "Coaches in het uitgaansgebied.",
      target_groups = { "women_girls", "lgbtiq", "nightlife_visitors" },
      settings = { "nightlife" },
      schedule = { { days = { "fri", "sat" }, from = "22:00", to = "04:00" } },
      budget = { amount = 12500.5, currency = "EUR" },
      status = "active",
      period = { start = "2022" },
      partners = { { stakeholder = "team", role = "executing" } },
    }))
    assert.equal("prevention", ms.approach)
    assert.equal(1250050, ms.budget_cents)
    assert.same({ { days = { "fri", "sat" }, dayparts = {}, from = "22:00", to = "04:00" } }, ms.schedule)

    local s = assert(m:add_stakeholder({ id = "team", name = "Team Veiligheid", kind = "municipal_department",
      roles = { "executing", "contact_point" }, note = "Aanspreekpunt" }))
    assert.same({ "executing", "contact_point" }, s.roles)
    assert.equal("Aanspreekpunt", s.note)

    local ind = assert(m:add_indicator({ id = "meldingen", name = "Meldingen", level = "output", unit = "count",
      direction = "decrease", baseline = { date = "2021", value = 40 }, target = { date = "2025", value = 20 },
      observations = { { date = "2022", value = 35, source = "politie" } } }))
    assert.same({ date = "2021", value = 40 }, ind.baseline)
    assert.same({ { date = "2022", value = 35, source = "politie" } }, ind.observations)
    assert.equal(ind, ind:add_observation({ date = "2023", value = 30, note = "daling" }))
    assert.equal(2, #ind.observations)
    ms.indicators = { "meldingen" }

    local text = reg:dump()
    local copy = assert(veilig.loads(text))
    assert.equal(text, copy:dump())
    assert.same(reg:to_table(), copy:to_table())
    local cm = copy:find("GM0001")
    assert.equal("Een voorbeeld.", cm.summary)
    assert.equal("2021-12", cm.membership.joined)
    assert.same({ "women_girls", "lgbtiq" }, cm.scope.target_groups)
    assert.equal(12500.5, cm:measure("straatcoaches").budget.amount)
    assert.equal("Team Veiligheid", cm:stakeholder("team").name)
    assert.equal(30, cm:indicator("meldingen").observations[2].value)
    assert.same({}, copy:validate())
  end)

  it("with every setter", function()
    local reg = veilig.new()
    local m = assert(reg:add("GM0001", "A"))
    local ms = assert(m:add_measure({ id = "m", name = "M", category = "campaign" }))
    local function set(obj, field, value, expected)
      assert.equal(obj, obj:set(field, value))
      if expected == nil then expected = value end
      if type(expected) == "table" then
        assert.same(expected, obj[field])
      else
        assert.equal(expected, obj[field])
      end
    end
    set(m, "code", "GM0002")
    assert.equal(m, reg:find("GM0002"))
    assert.is_nil(reg:find("GM0001"))
    set(m, "name", "B")
    set(m, "official_name", "Gemeente B")
    set(m, "official_name", nil)
    set(m, "province", "NL-GE")
    set(m, "membership.joined", "2020")
    set(m, "membership.period.start", "2020-01-01")
    set(m, "membership.period.end", "2024")
    set(m, "membership.status", "former")
    set(m, "membership.note", "n")
    assert.same({ joined = "2020", period = { start = "2020-01-01", ["end"] = "2024" }, status = "former", note = "n" },
      m.membership)
    set(m, "summary", "s")
    set(m, "ambition", "a")
    set(m, "scope.settings", { "online", "work" })
    set(m, "scope.settings", {})
    set(m, "scope.target_groups", nil, {})
    set(m, "focus", { "support", "signalling" })

    set(ms, "id", "m2")
    assert.equal(ms, m:measure("m2"))
    set(ms, "name", "M2")
    set(ms, "description", "d")
    set(ms, "category", "bystander")
    set(ms, "approach", "support")
    set(ms, "approach", nil, "prevention") -- back to the category's usual approach
    set(ms, "target_groups", { "bystanders" })
    set(ms, "settings", { "public_space" })
    set(ms, "area.name", "Centrum")
    set(ms, "area.note", "binnen de singels")
    assert.same({ name = "Centrum", note = "binnen de singels" }, ms.area)
    set(ms, "status", "planned")
    set(ms, "period.start", "2024-09")
    set(ms, "period.end", "2025")
    assert.same({ start = "2024-09", ["end"] = "2025" }, ms.period)
    set(ms, "evidence", "effective_first")
    set(ms, "budget", { amount = 99.99, currency = "EUR", period = { start = "2024", ["end"] = "2024-12-31" } }, {
      amount = 99.99, currency = "EUR", period = { start = "2024", ["end"] = "2024-12-31" } })
    assert.equal(9999, ms.budget_cents)
    set(ms, "budget_cents", 100000)
    assert.equal(1000, ms.budget.amount)
    assert.equal("EUR", ms.budget.currency) -- kept
    set(ms, "budget.amount", 0.1)
    assert.equal(10, ms.budget_cents)
    set(ms, "budget.currency", "USD")
    set(ms, "budget.period.end", "2025")
    assert.equal("2024", ms["budget.period.start"])
    set(ms, "budget", { cents = 5 }, { amount = 0.05, currency = "EUR" }) -- a new budget: no period
    set(ms, "budget", nil)
    assert.is_nil(ms.budget_cents)
    set(ms, "indicators", { "a", "b" })
    set(ms, "indicators", {})

    local s = assert(m:add_stakeholder({ id = "s", name = "S" }))
    assert.is_nil(s.kind)
    set(s, "id", "s2")
    set(s, "name", "S2")
    set(s, "kind", "police")
    set(s, "roles", { "partner" })
    set(s, "parent", "p")
    set(s, "note", "n")

    local ind = assert(m:add_indicator({ id = "i", name = "I" }))
    set(ind, "id", "i2")
    set(ind, "name", "I2")
    set(ind, "level", "impact")
    set(ind, "unit", "percent")
    set(ind, "direction", "increase")
    set(ind, "baseline.date", "2020")
    set(ind, "baseline.value", 12.5)
    set(ind, "baseline.note", "n")
    set(ind, "target.date", "2030")
    set(ind, "target.value", 50)
    assert.same({ date = "2020", value = 12.5, note = "n" }, ind.baseline)
    assert.same({ date = "2030", value = 50 }, ind.target)
    set(ind, "baseline.value", nil)
    assert.is_nil((ind:remove_observation(1))) -- none to remove
  end)

  it("refuses bad values at once (raises, naming the field) and changes nothing", function()
    local reg = veilig.builtin()
    local m = reg:find("Enschede")
    local ms = m:measure(1)
    local function refuses(obj, field, value, pattern)
      local before = obj[field]
      local ok, err = pcall(obj.set, obj, field, value)
      assert.is_false(ok)
      assert.matches("bad argument #3 to 'set' (" .. field .. ": ", err, 1, true)
      if pattern then assert.matches(pattern, err, 1, true) end
      assert.same(before, obj[field])
      -- the same through assignment
      ok, err = pcall(function() obj[field] = value end)
      assert.is_false(ok)
      assert.matches("." .. field .. ": ", err, 1, true)
      assert.same(before, obj[field])
    end
    refuses(ms, "category", "bogus", 'unknown category code "bogus" (known: deescalation, ')
    refuses(ms, "category", "bystanders", 'unknown category code "bystanders"; did you mean "bystander"?')
    refuses(ms, "period.start", "2021-13")
    refuses(ms, "target_groups", { "youth", "martians" }, 'unknown target_group code "martians"')
    refuses(ms, "target_groups", { "youth", "youth" })
    refuses(ms, "name", "")
    refuses(m, "name", nil)
    refuses(ms, "budget.amount", 1.005)
    refuses(ms, "budget.amount", -1)
    refuses(ms, "name", "\255\254")
    assert.error_matches(function() ms.nonsense = 1 end, "nonsense")
    assert.equal("deescalation", ms.category)
  end)

  it("reports what depends on the rest of the document as nil, message, details", function()
    local reg = veilig.builtin()
    local m = reg:find("Enschede")
    local ms = m:measure(1)
    local function rejects(obj, field, value, code)
      local before = obj[field]
      local ok, msg, details = obj:set(field, value)
      assert.is_nil(ok)
      assert.is_string(msg)
      assert.matches(field, msg, 1, true)
      assert.equal(code, details.code)
      assert.same(before, obj[field])
    end
    rejects(ms, "id", "toezichthouders", "exists")
    rejects(m, "code", "GM0141", "exists")
    rejects(ms, "budget.currency", "EUR", "notfound") -- no budget yet
  end)

  it("raises for values of the wrong type and unknown fields", function()
    local reg = veilig.builtin()
    local m = reg:get(1)
    local ms = m:measure(1)
    assert.error_matches(function() ms:set("name", 42) end, "string or nil expected")
    assert.error_matches(function() ms:set("target_groups", "youth") end, "table")
    assert.error_matches(function() ms:set("target_groups", { 1, 2 }) end, "list of strings")
    assert.error_matches(function() ms:set("nonsense", "x") end, "no settable field 'nonsense'")
    assert.error_matches(function() ms:set("area", {}) end, "no settable field 'area'") -- set area.name, area.note
    assert.error_matches(function() ms:set("budget", { amount = 1, cents = 100 }) end, "not both")
    assert.error_matches(function() ms:set("budget_cents", 1.5) end, "integer")
    assert.error_matches(function() ms:set("name") end, "value expected")
    assert.error_matches(function() m:add_measure({ id = "f", name = "F", category = "campaign", action = print }) end,
      "function")
    assert.error_matches(function() m:add_stakeholder({ name = "no id" }) end, "'id'")
    assert.error_matches(function() m:add_stakeholder({ id = "z", name = "Z", colour = "red" }) end,
      "unknown field 'colour'")
    assert.is_nil(m:stakeholder("z")) -- rolled back
    assert.error_matches(function() m:add_indicator({ id = "z", name = "Z", observations = { { date = "2020" } } }) end,
      "date and a value")
    assert.is_nil(m:indicator("z")) -- rolled back
    -- tables are read raw: an __index (that might even close the registry) is not consulted
    local proxy = setmetatable({}, { __index = function(_, k)
      reg:close()
      return k
    end })
    assert.error_matches(function() m:add_stakeholder(proxy) end, "'id'")
    assert.error_matches(function() m:measure(1):set("budget", proxy) end, "amount")
    assert.is_false(reg:is_closed())
  end)

  it("adds all or nothing", function()
    local reg = veilig.builtin()
    local m = reg:find("Enschede")
    local count = m.stakeholder_count
    assert.error_matches(function()
      m:add_stakeholder({ id = "new", name = "New", kind = "police", roles = { "leader" } })
    end, "bad argument #2 to 'add_stakeholder' (roles: unknown role code \"leader\"", 1, true)
    assert.equal(count, m.stakeholder_count)
    local s, msg, details = m:add_stakeholder({ id = "ggd", name = "GGD again" })
    assert.is_nil(s)
    assert.equal("exists", details.code)
    assert.is_string(msg)
    local ind
    assert.error_matches(function()
      m:add_indicator({ id = "i", name = "I", baseline = { date = "2021-02-30" } })
    end, "bad argument #2 to 'add_indicator' (baseline.date: ", 1, true)
    assert.equal(0, m.indicator_count)
    local ms
    ms, msg, details = m:add_measure({ id = "x", name = "X" }) -- no category
    assert.is_nil(ms)
    assert.equal("schema", details.code)
    assert.is_string(msg)
    ms, msg, details = m:add_measure({ id = "pub-ploeg", name = "X", category = "campaign" })
    assert.is_nil(ms)
    assert.equal("exists", details.code)
    ms, msg, details = m:add_measure({ id = "y", name = "Y", category = "campaign", budget = { amount = 1.005 } })
    assert.is_nil(ms)
    assert.equal("schema", details.code)
    assert.equal("/budget/amount", details.pointer)
    assert.equal(9, #m)
    local ok
    ok, msg, details = m:add_measure('{"id": "z", "name": "Z", "category": "campaign"') -- JSON text, cut short
    assert.is_nil(ok)
    assert.equal("parse", details.code)
  end)

  it("adds municipalities from JSON text or tables", function()
    local reg = veilig.new()
    local a = assert(reg:add_json('{"code": "GM0001", "name": "A", "unknown_key": {"kept": [1, 2]}}'))
    assert.equal("A", a.name)
    assert.same({ kept = { 1, 2 } }, a:to_table().unknown_key) -- unknown keys are kept
    local b = assert(reg:add_json({ code = "GM0002", name = "B", focus = { "prevention" },
      measures = { { id = "m", name = "M", category = "research", schedule = { { days = { "mon" }, dayparts = { "morning" } } } } } }))
    assert.same({ "prevention" }, b.focus)
    assert.equal("signalling", b:measure("m").approach)
    local ok, msg, details = reg:add_json({ code = "GM0003" })
    assert.is_nil(ok)
    assert.equal("schema", details.code)
    assert.is_string(msg)
    ok, msg, details = reg:add_json("[1, 2")
    assert.is_nil(ok)
    assert.equal("parse", details.code)
    -- what JSON cannot hold raises
    assert.error_matches(function() reg:add_json({ code = "GM0004", name = "C", [1] = "mixed" }) end, "mix")
    assert.error_matches(function() reg:add_json({ code = "GM0004", name = "C", x = { [1] = 1, [3] = 3 } }) end, "holes")
    assert.error_matches(function() reg:add_json({ code = "GM0004", name = "C", x = 0 / 0 }) end, "nan")
    local cyclic = { code = "GM0004", name = "C" }
    cyclic.self = cyclic
    assert.error_matches(function() reg:add_json(cyclic) end, "deeply")
    -- null and empty objects
    local c = assert(reg:add_json({ code = "GM0004", name = "C", x = veilig.null, y = setmetatable({}, veilig.object_mt), z = {} }))
    local t = c:to_table()
    assert.equal(veilig.null, t.x)
    assert.equal(veilig.object_mt, getmetatable(t.y))
    assert.same({}, t.z)
    assert.is_nil(getmetatable(t.z))
    assert.matches('"y": {}', c:to_json(), 1, true)
    assert.matches('"z": []', c:to_json(), 1, true)
    assert.equal(3, #reg)
  end)

  it("writes JSON with options, and files", function()
    local reg = veilig.builtin()
    local text = reg:dump()
    assert.equal(support.read_file(support.dataset), text) -- the dataset is canonical
    assert.is_not_nil(text:find("p.tebrake@enschede.nl", 1, true))
    assert.is_nil(reg:dump({ omit_personal = true }):find("p.tebrake@enschede.nl", 1, true))
    local compact = reg:dump({ compact = true })
    assert.is_nil(compact:find("\n  ", 1, true))
    assert.is_true(#compact < #text)
    local ascii = reg:dump({ ascii = true })
    assert.is_nil(ascii:find("[\128-\255]"))
    assert.is_not_nil(ascii:find("\\u", 1, true))
    assert.equal(text, assert(veilig.loads(ascii)):dump())
    assert.is_table(reg:to_table({ omit_personal = true }))

    local path = support.tmpname(".json")
    assert.is_true(reg:save(path))
    assert.equal(text, support.read_file(path))
    assert.is_true(reg:save(path, { compact = true }))
    assert.equal(compact, support.read_file(path))
    assert.equal(text, assert(veilig.load(path)):dump())
    os.remove(path)
    local ok, msg, details = reg:save("/nonexistent-dir/veilig.json")
    assert.is_nil(ok)
    assert.is_string(msg)
    assert.equal("io", details.code)

    local m = reg:find("Enschede")
    assert.equal(m:to_json(), m:to_json({}))
    assert.equal("GM0153", m:to_table().code)
    local ms = m:measure("pub-ploeg")
    assert.equal("pub-ploeg", ms:to_table().id)
    assert.matches('"id": "pub-ploeg"', ms:to_json(), 1, true)
  end)

  it("validates into plain tables", function()
    local reg = veilig.builtin()
    local diags = reg:validate()
    assert.is_table(diags)
    assert.is_true(#diags > 0)
    for _, d in ipairs(diags) do
      assert.is_string(d.severity)
      assert.matches("^V%d%d%d$", d.rule)
      assert.is_string(d.pointer)
      assert.is_string(d.message)
    end
    -- Loading accepts what building refuses (a code that is not GMdddd) and
    -- leaves it to validation.
    local r = assert(veilig.loads('{"format":"veilig","version":1,"municipalities":[{"code":"X1",'
      .. '"name":"Nergens","measures":[{"id":"Bad Id","name":"M","category":"campaign",'
      .. '"partners":[{"stakeholder":"ghost"}]}]}]}'))
    local rules = {}
    for _, d in ipairs(r:validate()) do rules[d.rule] = d end
    assert.equal("error", rules.V002.severity)
    assert.equal("/municipalities/0/code", rules.V002.pointer)
    assert.is_not_nil(rules.V006)
    assert.is_not_nil(rules.V007)
  end)
end)

describe("analyses", function()
  local veilig = require("veilig")

  it("come as plain tables: coverage", function()
    local reg = veilig.builtin()
    local c = assert(reg:coverage({ all_measures = true }))
    assert.equal("category", c.axis)
    assert.equal(#reg, #c.rows)
    assert.same(veilig.codes("category"), c.columns)
    local total = 0
    for i, row in ipairs(c.rows) do
      assert.equal(reg:get(i).code, row.code)
      assert.equal(#reg:get(i), row.total)
      total = total + row.total
    end
    assert.equal(total, c.total)
    local by_approach = assert(reg:coverage({ axis = "approach", all_measures = true }))
    assert.equal("approach", by_approach.axis)
    assert.same(veilig.codes("approach"), by_approach.columns)
    assert.error_matches(function() reg:coverage({ axis = "role" }) end, "'axis' must be")
    assert.has_error(function() reg:coverage({ axis = "colours" }) end)
    assert.has_error(function() reg:coverage({ active_on = "someday" }) end)
    assert.has_error(function() reg:coverage("category") end)
  end)

  it("come as plain tables: profile", function()
    local reg = veilig.builtin()
    local m = reg:find("Enschede")
    local p = assert(m:profile())
    assert.equal("GM0153", p.code)
    assert.equal("Enschede", p.name)
    assert.equal(#m, p.measures)
    assert.is_table(p.gaps)
    reg:remove(m)
    assert.error_matches(function() m:profile() end, "stale")
  end)
end)

describe("building refuses, loading accepts and validation reports (issue 15)", function()
  local veilig = require("veilig")

  it("a code that is not GMdddd and an unknown category", function()
    local reg = veilig.new()
    assert.error_matches(function() reg:add("XX", "Iks") end, 'bad argument #2 to \'add\'')
    assert.error_matches(function() reg:add_json({ code = "ZZ", name = "Zet" }) end, "ZZ")
    local m = assert(reg:add("GM0001", "Iks"))
    assert.error_matches(function() m.code = "YY" end, "YY")
    assert.error_matches(function() m:add_measure({ id = "a", name = "A", category = "flying" }) end, "flying")
    assert.error_matches(function() m:add_measure('{"id": "b", "name": "B", "category": "flying"}') end, "flying")
    assert.equal(0, #m)
    assert.equal("GM0001", m.code)
    -- as_loaded takes them as loading does (to merge documents)
    local x = assert(reg:add_json({ code = "XX", name = "Iks" }, { as_loaded = true }))
    assert.equal("XX", x.code)
    assert(m:add_measure({ id = "a", name = "A", category = "flying" }, { as_loaded = true }))
    assert.equal(1, #m)
    assert.error_matches(function() reg:add_json({ code = "XY", name = "Y" }, { as_loded = true }) end,
      "unknown option 'as_loded'")
    local loaded = assert(veilig.loads('{"format":"veilig","version":1,"municipalities":['
      .. '{"code":"XX","name":"Iks","measures":[{"id":"a","name":"A","category":"flying"}]},'
      .. '{"code":"YY","name":"Zet"}]}'))
    local found = {}
    for _, d in ipairs(loaded:validate()) do found[d.rule .. " " .. d.pointer] = true end
    assert.is_true(found["V002 /municipalities/0/code"])
    assert.is_true(found["V002 /municipalities/1/code"])
    assert.is_true(found["V013 /municipalities/0/measures/0/category"])
  end)
end)

describe("errors of the JSON adds speak Lua (issue 15)", function()
  local veilig = require("veilig")

  it("a table's error is at <table> and a pointer; a replacement is replace = true", function()
    local reg = assert(veilig.builtin())
    local none, msg, details = reg:add_json({ code = "GM0999", name = 42 })
    assert.is_nil(none)
    assert.equal("<table>: expected a string, found a number (at /name)", msg)
    assert.equal("<table>", details.source)
    assert.equal(0, details.line)
    assert.equal("/name", details.pointer)
    none, msg = reg:add_json({ code = "GM0153", name = "Enschede" })
    assert.is_nil(none)
    assert.matches("exists %(give replace = true to replace it%)", msg)
    assert.is_nil(msg:find("VEILIG_ADD_REPLACE", 1, true))
    none, msg = reg:find("GM0153"):add_measure({ id = "pub-ploeg", name = "X", category = "campaign" })
    assert.is_nil(none)
    assert.matches("replace = true", msg)
    -- text keeps its line and column
    none, msg, details = reg:add_json('{"code": "GM0999",\n "name": 42}')
    assert.equal("<string>:2:10: expected a string, found a number (at /name)", msg)
    assert.equal(2, details.line)
  end)
end)

