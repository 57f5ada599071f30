-- Objects: iterators, look-ups, metamethods, vocabularies.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

describe("objects", function()
  local veilig = require("veilig")
  local reg

  before_each(function()
    reg = assert(veilig.builtin())
  end)

  after_each(function()
    reg:close()
  end)

  it("iterate in document order", function()
    local doc = support.json.decode(support.read_file(support.dataset))
    local codes = {}
    for m in reg:municipalities() do codes[#codes + 1] = m.code end
    local expected = {}
    for i, m in ipairs(doc.municipalities) do expected[i] = m.code end
    assert.same(expected, codes)

    local enschede = reg:find("GM0153")
    local ids = {}
    for ms in enschede:measures() do ids[#ids + 1] = ms.id end
    assert.equal(9, #ids)
    assert.equal("pub-ploeg", ids[1])
    assert.equal("inzet-studenten", ids[9])
    local n = 0
    for s in enschede:stakeholders() do
      n = n + 1
      assert.is_string(s.id)
    end
    assert.equal(11, n)
    for _ in enschede:indicators() do error("Enschede has no indicators in the dataset") end
    -- an iterator of a municipality without measures ends at once
    for _ in reg:find("Almelo"):measures() do error("Almelo has no measures") end
  end)

  it("are found by index, code, name and official name", function()
    assert.equal("GM0153", reg:get(1).code)
    assert.equal("GM0758", reg:get(#reg).code)
    assert.is_nil(reg:get(0))
    assert.is_nil(reg:get(-1))
    assert.is_nil(reg:get(#reg + 1))
    assert.equal("Enschede", reg:find("GM0153").name)
    assert.equal("Enschede", reg:find("gm0153").name)
    assert.equal("GM0153", reg:find("Enschede").code)
    assert.equal("GM0153", reg:find("enschede").code)
    assert.equal("GM0518", reg:find("'s-Gravenhage").code)
    assert.equal("GM0518", reg:find("Den Haag").code)
    assert.is_nil(reg:find("Atlantis"))
    local m = reg:find("Enschede")
    assert.equal("pub-ploeg", m:measure(1).id)
    assert.equal("Binnenstad", m:measure("pub-ploeg").area.name)
    assert.is_nil(m:measure(0))
    assert.is_nil(m:measure(100))
    assert.is_nil(m:measure("nope"))
    assert.equal("ggd", m:stakeholder("ggd").id)
    assert.is_nil(m:indicator(1))
  end)

  it("are the same Lua value for the same object", function()
    local a, b = reg:find("Enschede"), reg:get(1)
    assert.is_true(rawequal(a, b))
    assert.is_true(a == b)
    assert.is_true(a:measure(1) == a:measure("pub-ploeg"))
    local seen = {}
    seen[a] = true
    assert.is_true(seen[reg:find("GM0153")])
  end)

  it("compare with __eq by object", function()
    local a, b = reg:get(1), reg:get(2)
    assert.is_false(a == b)
    assert.is_true(a ~= b)
    assert.is_false(a:measure(1) == a:measure(2))
    assert.is_false(a:measure(1) == a:stakeholder(1))
    local other = veilig.builtin()
    assert.is_false(other:get(1) == a) -- another registry, another object
    assert.is_false(other == reg)
    assert.is_true(reg == reg)
  end)

  it("have a length", function()
    assert.equal(19, #reg)
    assert.equal(9, #reg:find("Enschede"))
    assert.equal(0, #reg:find("Almelo"))
  end)

  it("print as their kind and key", function()
    assert.equal("veilig.registry (19 municipalities)", tostring(reg))
    local m = reg:get(1)
    assert.equal("veilig.municipality GM0153 (Enschede)", tostring(m))
    assert.equal("veilig.measure pub-ploeg (GM0153)", tostring(m:measure(1)))
    assert.equal("veilig.stakeholder team-veiligheid (GM0153)", tostring(m:stakeholder(1)))
    local ind = assert(m:add_indicator({ id = "meldingen", name = "Meldingen" }))
    assert.equal("veilig.indicator meldingen (GM0153)", tostring(ind))
  end)

  it("give their municipality and registry", function()
    local m = reg:get(1)
    local ms = m:measure(1)
    assert.equal(m, ms.municipality)
    assert.equal(m, m:stakeholder(1).municipality)
    assert.is_true(rawequal(reg, m.registry))
    assert.is_true(rawequal(reg, ms.municipality.registry))
    assert.equal(1, m.index)
    assert.equal(19, reg:get(19).index)
  end)

  it("have methods that the __index of another type does not give", function()
    local m = reg:get(1)
    assert.is_function(m.measures)
    assert.is_function(m.set)
    assert.error_matches(function() return m:measure(1).measures end, "veilig.measure has no field 'measures'")
    assert.error_matches(function() return reg.code end, "veilig.registry has no field 'code'")
    assert.is_function(reg.municipalities)
  end)

  it("a registry iterates with ipairs and pairs, or says why it cannot", function()
    -- reg[i] is the i-th municipality, nil past the end
    assert.equal("GM0153", reg[1].code)
    assert.is_true(rawequal(reg:get(2), reg[2]))
    assert.is_nil(reg[#reg + 1])
    assert.is_nil(reg[0])
    local codes = {}
    for m in reg:municipalities() do codes[#codes + 1] = m.code end
    -- Lua 5.1 and LuaJIT's ipairs and pairs take tables only: they raise, naming the argument
    local plain = _VERSION == "Lua 5.1" and not pcall(ipairs, reg)
    local function collect(iter)
      local seen = {}
      for i, m in iter(reg) do
        assert.equal(#seen + 1, i)
        seen[#seen + 1] = m.code
      end
      return seen
    end
    if plain then
      assert.error_matches(function() collect(ipairs) end, "table expected")
      assert.error_matches(function() collect(pairs) end, "table expected")
    else
      assert.same(codes, collect(ipairs))
      assert.same(codes, collect(pairs))
    end
  end)
end)

describe("vocabularies", function()
  local veilig = require("veilig")

  it("are codes, with labels in Dutch and English", function()
    assert.equal("de-escalatie", veilig.label("deescalation"))
    assert.equal("de-escalatie", veilig.label("deescalation", "nl"))
    assert.equal("de-escalation", veilig.label("deescalation", "en"))
    -- a code in two vocabularies: the first one that has it, or the one given
    assert.equal("handhaving en repressie", veilig.label("enforcement", "nl"))
    assert.equal("handhaving en repressie", veilig.label("enforcement")) -- approach comes before category
    assert.equal("uitgaan", veilig.label("nightlife"))
    assert.equal("actief", veilig.label("active"))
    assert.equal("handhaving", veilig.label("category", "enforcement", "nl"))
    assert.equal("handhaving", veilig.label("category", "enforcement", nil))
    assert.equal("openbare ruimte", veilig.label("setting", "public_space", "nl"))
    assert.equal("LHBTIQ+", veilig.label("target_group", "lgbtiq", "nl"))
  end)

  it("answer nil and a message for unknown codes", function()
    local label, msg = veilig.label("nonsense", "nl")
    assert.is_nil(label)
    assert.matches("nonsense", msg)
    label, msg = veilig.label("category", "prevention", "nl")
    assert.is_nil(label)
    assert.matches("category", msg)
  end)

  it("raise for unknown vocabularies and languages", function()
    assert.error_matches(function() veilig.label("deescalation", "de") end, "unknown language")
    assert.error_matches(function() veilig.label("colours", "red", "nl") end, "unknown vocabulary")
    assert.has_error(function() veilig.label() end)
    assert.has_error(function() veilig.label({}) end)
  end)

  it("list their codes", function()
    local names = veilig.vocabularies()
    assert.equal("approach", names[1])
    assert.equal(16, #names)
    assert.same({ "prevention", "enforcement", "support", "signalling" }, veilig.codes("approach"))
    assert.equal(13, #veilig.codes("category"))
    for _, vocab in ipairs(names) do
      for _, code in ipairs(veilig.codes(vocab)) do
        assert.is_string(veilig.label(vocab, code, "nl"))
        assert.is_string(veilig.label(vocab, code, "en"))
      end
    end
    assert.has_error(function() veilig.codes("colours") end)
  end)
end)
