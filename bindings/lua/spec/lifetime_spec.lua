-- Lifetimes: objects keep their registry alive, a closed registry and removed
-- or replaced objects raise clear errors (never touch freed memory), and
-- loading and freeing many times neither leaks nor crashes.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

local function full_gc()
  for _ = 1, 4 do collectgarbage("collect") end
end

-- Reads every field of every object of a registry (returns how many values).
local function read_everything(reg)
  local n = 0
  local function touch(v)
    if v ~= nil then n = n + 1 end
  end
  touch(reg.programme)
  touch(reg.version)
  for m in reg:municipalities() do
    for _, k in ipairs({ "code", "name", "official_name", "province", "membership", "summary", "ambition",
      "scope", "focus", "excluded", "policy_links", "contacts", "sources", "index" }) do
      touch(m[k])
    end
    touch(tostring(m))
    for ms in m:measures() do
      for _, k in ipairs({ "id", "name", "description", "category", "approach", "target_groups", "settings",
        "area", "schedule", "partners", "status", "period", "budget", "budget_cents", "evidence", "indicators",
        "municipality" }) do
        touch(ms[k])
      end
    end
    for s in m:stakeholders() do
      for _, k in ipairs({ "id", "name", "kind", "roles", "parent", "note" }) do touch(s[k]) end
    end
    for ind in m:indicators() do
      for _, k in ipairs({ "id", "name", "level", "unit", "direction", "baseline", "target", "observations" }) do
        touch(ind[k])
      end
    end
  end
  return n
end

-- Runs every analysis and rendering once over a registry (of two municipalities or more).
local function analyse(veilig, reg, heavy)
  local a, b = reg:get(1), reg:get(2)
  local n = 0
  for _, row in ipairs(assert(reg:query({ category = { "bystander", "deescalation" } }))) do
    n = n + #row.measure.id
  end
  for m, ms in reg:each_match({ approach = "prevention" }) do
    n = n + #m.code + #ms.id
  end
  n = n + #assert(reg:coverage({ all = true })).rows
  n = n + #assert(reg:peers({ municipality = a, k = 3 }))
  n = n + #assert(b:peers()) + #assert(a:profile()).gaps + #assert(a:compare(b)).rows
  n = n + veilig.similarity(a, b)
  n = n + #assert(a:schedule({ days = { "fri", "sat" }, from = "22:00", to = "04:00" })).slots
  n = n + #assert(b:progress({ as_of = "2024" })).indicators
  n = n + #assert(veilig.diff(reg, reg, a.code))
  n = n + #assert(reg:render_list({ format = "json" })) + #assert(a:render({ format = "markdown" }))
  n = n + #assert(reg:export({ table = "stakeholders" }))
  if heavy then
    n = n + #assert(reg:peers()) + #assert(reg:report_html({ municipality = a, lang = "en" }))
  end
  return n
end

describe("lifetimes", function()
  local veilig = require("veilig")

  it("children keep their registry alive", function()
    local weak = setmetatable({}, { __mode = "v" })
    local m, ms
    do
      local reg = assert(veilig.builtin())
      weak.reg = reg
      m = reg:find("Enschede")
      ms = m:measure("pub-ploeg")
    end
    full_gc()
    assert.is_not_nil(weak.reg)
    assert.equal("Enschede", m.name)
    m = nil
    full_gc()
    assert.equal("pub-ploeg", ms.id)
    assert.equal("Enschede", ms.municipality.name)
    assert.equal(19, #ms.municipality.registry)
    ms = nil
    full_gc()
    assert.is_nil(weak.reg) -- and now it is collected (its __gc freed it)
  end)

  it("an iterator keeps its registry alive", function()
    local it = assert(veilig.builtin()):municipalities()
    full_gc()
    local n = 0
    for m in it do
      n = n + 1
      assert.is_string(m.code)
    end
    assert.equal(19, n)
  end)

  it("a closed registry raises, it does not crash", function()
    local reg = assert(veilig.builtin())
    local m = reg:get(1)
    local ms = m:measure(1)
    local s = m:stakeholder(1)
    local it = m:measures()
    assert.is_false(reg:is_closed())
    reg:close()
    assert.is_true(reg:is_closed())
    reg:close() -- again: nothing happens
    assert.equal("veilig.registry (closed)", tostring(reg))
    assert.equal("veilig.municipality (registry closed)", tostring(m))
    assert.error_matches(function() return #reg end, "closed")
    assert.error_matches(function() return reg:get(1) end, "closed")
    assert.error_matches(function() return reg:dump() end, "closed")
    assert.error_matches(function() return m.name end, "closed")
    assert.error_matches(function() return #m end, "closed")
    assert.error_matches(function() return ms.id end, "closed")
    assert.error_matches(function() return s.roles end, "closed")
    assert.error_matches(function() return it() end, "closed")
    assert.error_matches(function() return m:set("name", "x") end, "closed")
    assert.is_false(m == ms) -- comparing does not raise
  end)

  it("<close> frees the registry at the end of the block (Lua 5.4)", function()
    if not support.lua54 then
      return -- the syntax is 5.4's
    end
    local chunk = assert(support.load_with_env([[
      local veilig = ...
      local m
      do
        local reg <close> = assert(veilig.builtin())
        m = reg:get(1)
        assert(m.name == "Enschede")
      end
      return m
    ]], "=close", _G))
    local m = chunk(veilig)
    assert.error_matches(function() return m.name end, "closed")
    -- a failed load gives nil, which <close> accepts
    local ok = assert(support.load_with_env([[
      local veilig = ...
      do
        local reg <close> = veilig.load("/nonexistent/veilig.json")
        assert(reg == nil)
      end
      return true
    ]], "=close-nil", _G))
    assert.is_true(ok(veilig))
  end)

  it("a removed municipality's objects become stale, the others stay", function()
    local reg = assert(veilig.builtin())
    local enschede, almelo = reg:find("Enschede"), reg:find("Almelo")
    local ms, s = enschede:measure(1), enschede:stakeholder(1)
    local it = enschede:measures()
    assert.is_true(reg:remove("GM0153"))
    assert.equal(18, #reg)
    for _, obj in ipairs({ enschede, ms, s }) do
      assert.error_matches(function() return obj.name end, "stale")
      assert.matches("%(stale%)$", tostring(obj))
    end
    assert.error_matches(function() return it() end, "stale")
    assert.error_matches(function() return enschede:measure(1) end, "stale")
    assert.error_matches(function() return #enschede end, "stale")
    assert.equal("Almelo", almelo.name) -- untouched
    assert.equal(1, almelo.index)
    assert.is_nil(reg:find("Enschede"))
    -- a new municipality, maybe where the old one was in memory: the old handle stays stale
    for i = 1, 20 do assert(reg:add(("GM9%03d"):format(i), "Nieuw " .. i)) end
    assert.error_matches(function() return enschede.code end, "stale")
    assert.is_false(enschede == reg:get(1))
    -- removing by index, by handle; and what is not there
    assert.is_true(reg:remove(1))
    assert.error_matches(function() return almelo.name end, "stale")
    local last = reg:get(#reg)
    assert.is_true(reg:remove(last))
    assert.error_matches(function() return last.name end, "stale")
    local ok, msg, details = reg:remove(1000)
    assert.is_nil(ok)
    assert.is_string(msg)
    assert.equal("notfound", details.code)
    assert.is_nil((reg:remove("Atlantis")))
    assert.error_matches(function() reg:remove(last) end, "stale") -- a stale object raises wherever it is used
  end)

  it("a replaced municipality's objects become stale", function()
    local reg = assert(veilig.builtin())
    local old = reg:find("Enschede")
    local ms = old:measure(1)
    local other = reg:find("Almelo")
    local other_ms_count = #other
    local t = old:to_table()
    t.name = "Enschede (nieuw)"
    local new = assert(reg:add_json(t, true))
    assert.equal("Enschede (nieuw)", new.name)
    assert.equal(1, new.index)
    assert.error_matches(function() return old.name end, "stale")
    assert.error_matches(function() return ms.id end, "stale")
    assert.equal("pub-ploeg", new:measure(1).id)
    assert.equal(other_ms_count, #other)
    assert.equal("Almelo", other.name)
    -- without replace, an existing code is an error, and nothing changes
    local none, msg, details = reg:add_json(t)
    assert.is_nil(none)
    assert.equal("exists", details.code)
    assert.is_string(msg)
    assert.equal("Enschede (nieuw)", new.name)
  end)

  it("removed and replaced measures, stakeholders and indicators become stale", function()
    local reg = assert(veilig.builtin())
    local m = reg:find("Enschede")
    local first, second, last = m:measure(1), m:measure(2), m:measure(9)
    assert.is_true(m:remove_measure(1))
    assert.error_matches(function() return first.id end, "stale")
    assert.equal("toezichthouders", second.id) -- the others stay
    assert.equal(1, m.index)
    assert.is_true(m:remove_measure("inzet-studenten"))
    assert.error_matches(function() return last.id end, "stale")
    assert.is_true(m:remove_measure(second))
    assert.error_matches(function() return second.id end, "stale")
    assert.equal(6, #m)
    assert.error_matches(function() m:remove_measure(second) end, "stale")
    local _, _, details = m:remove_measure(99)
    assert.equal("notfound", details.code)
    assert.is_nil((m:remove_measure("pub-ploeg")))

    local s = m:stakeholder("ggd")
    assert.is_true(m:remove_stakeholder("ggd"))
    assert.error_matches(function() return s.name end, "stale")
    assert.is_nil(m:stakeholder("ggd"))

    local ind = assert(m:add_indicator({ id = "i", name = "I" }))
    assert.is_true(m:remove_indicator(ind))
    assert.error_matches(function() return ind.name end, "stale")

    local campaign = m:measure("sociale-norm-campagnes")
    local replaced = assert(m:add_measure({ id = "sociale-norm-campagnes", name = "Nieuw", category = "campaign" }, true))
    assert.equal("Nieuw", replaced.name)
    assert.error_matches(function() return campaign.name end, "stale")
    assert.equal(replaced, m:measure("sociale-norm-campagnes"))

    -- a measure of another municipality is not there to remove
    local other = reg:find("Almelo")
    local foreign = assert(other:add_measure({ id = "x", name = "X", category = "research" }))
    assert.is_nil((m:remove_measure(foreign)))
    assert.equal("X", foreign.name)
  end)

  it("an object resurrected by a finalizer still goes stale", function()
    -- Lua 5.2+ drops resurrected values from weak tables (the module's table
    -- of handles is one): the generation stamp catches what the sweep misses.
    local reg = assert(veilig.builtin())
    local kept
    do
      local ms = reg:find("Enschede"):measure(1)
      if newproxy then -- 5.1, LuaJIT: tables have no __gc
        local proxy = newproxy(true)
        getmetatable(proxy).__gc = function() kept = ms end
      else
        setmetatable({ ms }, { __gc = function(t) kept = t[1] end })
      end
    end
    full_gc()
    assert.is_not_nil(kept)
    assert.equal("pub-ploeg", kept.id)
    assert.is_true(kept == reg:find("Enschede"):measure(1))
    assert.is_true(reg:remove("Enschede"))
    assert.error_matches(function() return kept.id end, "stale")
    assert.equal("veilig.measure (stale)", tostring(kept))
  end)

  it("a __gc metamethod cannot change a registry while the module reads it", function()
    -- Finalizers run at allocations, also those inside the module's calls:
    -- one that closes the registry then is refused (a change from outside any
    -- call of the module goes through). Either way nothing reads freed memory.
    local reg = assert(veilig.builtin())
    local refused, closed = 0, 0
    local function attempt()
      local ok, err = pcall(reg.close, reg)
      if ok then
        closed = closed + 1
      elseif tostring(err):find("cannot change", 1, true) then
        refused = refused + 1
      else
        error(err)
      end
    end
    local function arm()
      if newproxy then -- 5.1, LuaJIT
        getmetatable(newproxy(true)).__gc = attempt
      else
        setmetatable({}, { __gc = attempt })
      end
    end
    local pause = collectgarbage("setpause", 50)
    local stepmul = collectgarbage("setstepmul", 400)
    for _ = 1, 100 do
      arm()
      local ok, err = pcall(function()
        analyse(veilig, reg, false)
        for m in reg:municipalities() do
          local _ = m.policy_links, m.sources, m.contacts, m.scope, m.membership, tostring(m)
          for ms in m:measures() do
            _ = ms.schedule, ms.partners, ms.target_groups, ms.area, ms.name, tostring(ms)
          end
          for s in m:stakeholders() do _ = s.roles, s.name end
        end
      end)
      if not ok then
        assert.matches("closed", tostring(err))
      end
      if reg:is_closed() then
        reg = assert(veilig.builtin())
      end
    end
    collectgarbage("setpause", pause)
    collectgarbage("setstepmul", stepmul)
    full_gc()
    assert.is_true(refused + closed > 0)
  end)

  it("stress: loading, analysing and freeing 200 times leaks no Lua memory and does not crash", function()
    local text = support.read_file(support.dataset)
    local function round(i)
      local reg = assert(i % 2 == 0 and veilig.builtin() or veilig.loads(text))
      local n = read_everything(reg)
      assert.is_true(n > 300, n)
      local m = reg:get(1)
      assert.is_true(#reg:dump() > 1000)
      assert.is_table(reg:validate())
      assert.is_true(analyse(veilig, reg, i % 10 == 0) > 100)
      if i % 3 == 0 then
        reg:close()
      elseif i % 3 == 1 then
        reg:remove(1)
        assert.has_error(function() return m.name end)
      end
      -- else: left to the garbage collector
    end
    -- LuaJIT counts its compiled traces in collectgarbage("count"): they grow
    -- for a while as the loop warms up (not a leak), so measure with the JIT off
    local jit = rawget(_G, "jit")
    if jit then
      jit.flush()
      jit.off()
    end
    for i = 1, 20 do round(i) end -- warm up
    full_gc()
    local before = collectgarbage("count")
    for i = 1, 200 do
      round(i)
      if i % 25 == 0 then collectgarbage("collect") end
    end
    full_gc()
    local after = collectgarbage("count")
    if jit then jit.on() end
    assert.is_true(after - before < 256,
      ("Lua memory grew from %.0f KiB to %.0f KiB"):format(before, after))
  end)
end)
