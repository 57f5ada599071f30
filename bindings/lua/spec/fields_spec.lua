-- Every field of every object, checked against the JSON text read by an
-- independent reader (spec/support.lua): the bundled dataset, and a small
-- document with the fields the dataset does not use.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")
local list = support.list

-- The usual approach of each category (DESIGN.md), for measures without one.
local usual_approach = {
  deescalation = "prevention", supervision = "prevention", camera_surveillance = "prevention",
  campaign = "prevention", education = "prevention", bystander = "prevention",
  victim_support = "support", reporting = "signalling", enforcement = "enforcement",
  lgbti = "prevention", public_space = "prevention", nightlife = "prevention", research = "signalling",
}

local function same(expected, actual, what)
  assert.is_true(support.same(expected, actual),
    ("%s: expected %s, got %s"):format(what, support.show(expected), support.show(actual)))
end

-- {start, end} as the module gives it: nil when both are absent.
local function period(p)
  if p == nil or (p.start == nil and p["end"] == nil) then return nil end
  return { start = p.start, ["end"] = p["end"] }
end

local function check_contact(j, c, what)
  same({
    stakeholder = j.stakeholder, role = j.role, name = j.name, phone = j.phone, email = j.email,
    personal = j.personal == true,
  }, c, what)
end

local function check_source(j, s, what)
  same({ title = j.title, publisher = j.publisher, url = j.url, retrieved = j.retrieved }, s, what)
end

local function check_measure(j, ms, what)
  assert.equal("userdata", type(ms))
  assert.equal(j.id, ms.id)
  assert.equal(j.name, ms.name)
  assert.equal(j.description, ms.description)
  assert.equal(j.category, ms.category)
  assert.equal(j.approach or usual_approach[j.category], ms.approach)
  same(list(j.target_groups), ms.target_groups, what .. ".target_groups")
  same(list(j.settings), ms.settings, what .. ".settings")
  if j.area then
    same({ name = j.area.name, note = j.area.note }, ms.area, what .. ".area")
  else
    assert.is_nil(ms.area)
  end
  assert.equal(j.area and j.area.name, ms["area.name"])
  assert.equal(j.area and j.area.note, ms["area.note"])
  local schedule = ms.schedule
  assert.equal(#list(j.schedule), #schedule)
  for i, w in ipairs(list(j.schedule)) do
    same({ days = list(w.days), dayparts = list(w.dayparts), from = w.from, to = w.to, note = w.note },
      schedule[i], what .. ".schedule[" .. i .. "]")
  end
  local partners = ms.partners
  assert.equal(#list(j.partners), #partners)
  for i, p in ipairs(list(j.partners)) do
    same({ stakeholder = p.stakeholder, role = p.role, note = p.note }, partners[i], what .. ".partners[" .. i .. "]")
  end
  assert.equal(j.status, ms.status)
  same(period(j.period), ms.period, what .. ".period")
  assert.equal(j.period and j.period.start, ms["period.start"])
  assert.equal(j.period and j.period["end"], ms["period.end"])
  if j.budget then
    same({ amount = j.budget.amount, currency = j.budget.currency, period = period(j.budget.period) },
      ms.budget, what .. ".budget")
    local cents = math.floor(j.budget.amount * 100 + 0.5)
    assert.equal(cents, ms.budget_cents)
    if support.has_integers then
      assert.equal("integer", math.type(ms.budget_cents))
    end
    assert.equal(j.budget.amount, ms["budget.amount"])
    assert.equal(j.budget.currency, ms["budget.currency"])
    assert.equal(j.budget.period and j.budget.period.start, ms["budget.period.start"])
    assert.equal(j.budget.period and j.budget.period["end"], ms["budget.period.end"])
  else
    assert.is_nil(ms.budget)
    assert.is_nil(ms.budget_cents)
    assert.is_nil(ms["budget.amount"])
  end
  assert.equal(j.evidence, ms.evidence)
  same(list(j.indicators), ms.indicators, what .. ".indicators")
end

local function check_stakeholder(j, s, what)
  assert.equal(j.id, s.id)
  assert.equal(j.name, s.name)
  assert.equal(j.kind, s.kind)
  same(list(j.roles), s.roles, what .. ".roles")
  assert.equal(j.parent, s.parent)
  assert.equal(j.note, s.note)
end

local function check_indicator(j, ind, what)
  assert.equal(j.id, ind.id)
  assert.equal(j.name, ind.name)
  assert.equal(j.level, ind.level)
  assert.equal(j.unit, ind.unit)
  assert.equal(j.direction, ind.direction)
  if j.baseline then
    same({ date = j.baseline.date, value = j.baseline.value, note = j.baseline.note }, ind.baseline, what .. ".baseline")
  else
    assert.is_nil(ind.baseline)
  end
  assert.equal(j.baseline and j.baseline.date, ind["baseline.date"])
  assert.equal(j.baseline and j.baseline.value, ind["baseline.value"])
  assert.equal(j.baseline and j.baseline.note, ind["baseline.note"])
  if j.target then
    same({ date = j.target.date, value = j.target.value }, ind.target, what .. ".target")
  else
    assert.is_nil(ind.target)
  end
  assert.equal(j.target and j.target.date, ind["target.date"])
  assert.equal(j.target and j.target.value, ind["target.value"])
  local obs = ind.observations
  assert.equal(#list(j.observations), #obs)
  for i, o in ipairs(list(j.observations)) do
    same({ date = o.date, value = o.value, source = o.source, note = o.note }, obs[i], what .. ".observations[" .. i .. "]")
  end
end

local function check_municipality(j, m, reg, index)
  local what = j.code
  assert.equal(j.code, m.code)
  assert.equal(j.name, m.name)
  assert.equal(j.official_name, m.official_name)
  assert.equal(j.province, m.province)
  local mem = j.membership
  if mem then
    same({ joined = mem.joined, period = period(mem.period), status = mem.status, note = mem.note },
      m.membership, what .. ".membership")
  else
    assert.is_nil(m.membership)
  end
  assert.equal(mem and mem.joined, m["membership.joined"])
  assert.equal(mem and mem.period and mem.period.start, m["membership.period.start"])
  assert.equal(mem and mem.period and mem.period["end"], m["membership.period.end"])
  assert.equal(mem and mem.status, m["membership.status"])
  assert.equal(mem and mem.note, m["membership.note"])
  assert.equal(j.summary, m.summary)
  assert.equal(j.ambition, m.ambition)
  local scope = j.scope or {}
  same({ target_groups = list(scope.target_groups), settings = list(scope.settings) }, m.scope, what .. ".scope")
  same(list(scope.target_groups), m["scope.target_groups"], what .. ".scope.target_groups")
  same(list(scope.settings), m["scope.settings"], what .. ".scope.settings")
  same(list(j.focus), m.focus, what .. ".focus")
  local excluded = {}
  for i, x in ipairs(list(j.excluded)) do excluded[i] = { approach = x.approach, reason = x.reason } end
  same(excluded, m.excluded, what .. ".excluded")
  local links = {}
  for i, l in ipairs(list(j.policy_links)) do
    links[i] = { name = l.name, kind = l.kind, relation = l.relation, note = l.note }
  end
  same(links, m.policy_links, what .. ".policy_links")
  local contacts = m.contacts
  assert.equal(#list(j.contacts), #contacts)
  for i, c in ipairs(list(j.contacts)) do check_contact(c, contacts[i], what .. ".contacts[" .. i .. "]") end
  local sources = m.sources
  assert.equal(#list(j.sources), #sources)
  for i, s in ipairs(list(j.sources)) do check_source(s, sources[i], what .. ".sources[" .. i .. "]") end

  -- the objects, by iterator, by index and by id
  assert.equal(#list(j.measures), #m)
  assert.equal(#list(j.measures), m.measure_count)
  assert.equal(#list(j.stakeholders), m.stakeholder_count)
  assert.equal(#list(j.indicators), m.indicator_count)
  local i = 0
  for ms in m:measures() do
    i = i + 1
    local jm = j.measures[i]
    check_measure(jm, ms, what .. "/" .. jm.id)
    assert.equal(ms, m:measure(i))
    assert.equal(ms, m:measure(jm.id))
    assert.equal(m, ms.municipality)
  end
  assert.equal(#list(j.measures), i)
  i = 0
  for s in m:stakeholders() do
    i = i + 1
    check_stakeholder(j.stakeholders[i], s, what .. "/" .. j.stakeholders[i].id)
    assert.equal(s, m:stakeholder(i))
    assert.equal(s, m:stakeholder(s.id))
    assert.equal(m, s.municipality)
  end
  assert.equal(#list(j.stakeholders), i)
  i = 0
  for ind in m:indicators() do
    i = i + 1
    check_indicator(j.indicators[i], ind, what .. "/" .. j.indicators[i].id)
    assert.equal(ind, m:indicator(i))
    assert.equal(ind, m:indicator(ind.id))
    assert.equal(m, ind.municipality)
  end
  assert.equal(#list(j.indicators), i)

  assert.equal(index, m.index)
  assert.equal(reg, m.registry)
  assert.equal(m, reg:get(index))
  assert.equal(m, reg:find(j.code))
end

local function check_registry(text, reg)
  local doc = support.json.decode(text)
  assert.equal(doc.version, reg.version)
  local p = doc.programme
  if p then
    local got = reg.programme
    assert.equal(p.name, got.name)
    assert.equal(p.operator, got.operator)
    assert.equal(p.name, reg["programme.name"])
    assert.equal(p.operator, reg["programme.operator"])
    if p.contact then
      check_contact(p.contact, got.contact, "programme.contact")
    else
      assert.is_nil(got.contact)
    end
    assert.equal(#list(p.sources), #got.sources)
    for i, s in ipairs(list(p.sources)) do check_source(s, got.sources[i], "programme.sources") end
  else
    assert.is_nil(reg.programme)
  end
  assert.equal(#list(doc.municipalities), #reg)
  local i = 0
  for m in reg:municipalities() do
    i = i + 1
    check_municipality(doc.municipalities[i], m, reg, i)
  end
  assert.equal(#list(doc.municipalities), i)
  -- and as plain tables: the same document
  same(doc, reg:to_table(), "to_table")
end

-- What the dataset does not use: indicators, budgets, evidence, dayparts,
-- unknown codes, approaches left to the category, ...
local extra = [[
{
  "format": "veilig", "version": 1,
  "programme": {"name": "P", "operator": "O",
    "contact": {"name": "Desk", "email": "desk@example.invalid", "role": "contact_point"},
    "sources": [{"title": "T", "publisher": "Pub", "url": "https://example.invalid/", "retrieved": "2024-03-01"}]},
  "municipalities": [{
    "code": "GM0001", "name": "Voorbeeld", "official_name": "Gemeente Voorbeeld", "province": "NL-UT",
    "membership": {"joined": "2020-05", "period": {"start": "2020", "end": "2023-12-31"}, "status": "former", "note": "n"},
    "summary": "s", "ambition": "a \"quoted\" \u00e9\ud83d\ude00",
    "scope": {"target_groups": ["everyone", "youth"], "settings": ["online"]},
    "focus": ["prevention", "support"],
    "excluded": [{"approach": "enforcement", "reason": "r"}],
    "policy_links": [{"name": "APV", "kind": "law", "relation": "builds_on"}],
    "stakeholders": [
      {"id": "gemeente", "name": "Gemeente", "kind": "municipal_department", "roles": ["accountable"]},
      {"id": "team", "name": "Team", "kind": "municipal_department", "roles": ["executing"], "parent": "gemeente", "note": "t"},
      {"id": "x", "name": "X", "kind": "mystery_kind"}],
    "contacts": [
      {"stakeholder": "team", "role": "contact_point", "name": "Jan", "phone": "06", "email": "jan@example.invalid", "personal": true},
      {"name": "Balie"}],
    "measures": [
      {"id": "hosts", "name": "Hosts", "description": "d", "category": "supervision",
       "target_groups": ["nightlife_visitors"], "settings": ["nightlife"], "area": {"name": "Centrum"},
       "schedule": [{"days": ["fri", "sat"], "dayparts": ["evening", "night"], "note": "weekend"},
                    {"days": ["sun"], "from": "12:00", "to": "24:00"}],
       "partners": [{"stakeholder": "team", "role": "executing", "note": "p"}],
       "status": "active", "period": {"start": "2022-01", "end": "2024"},
       "budget": {"amount": 12500.5, "currency": "EUR", "period": {"start": "2022", "end": "2022-12-31"}},
       "evidence": "well_described", "indicators": ["meldingen", "veiligheidsgevoel"]},
      {"id": "onbekend", "name": "Iets nieuws", "category": "future_category", "approach": "future_approach"},
      {"id": "budget-only", "name": "B", "category": "research", "budget": {"amount": 100}}],
    "indicators": [
      {"id": "meldingen", "name": "Meldingen", "level": "output", "unit": "count", "direction": "decrease",
       "baseline": {"date": "2021", "value": 40, "note": "nulmeting"}, "target": {"date": "2025", "value": 20},
       "observations": [{"date": "2022", "value": 35, "source": "politie"}, {"date": "2023-06", "value": 30.5, "note": "halfjaar"}]},
      {"id": "veiligheidsgevoel", "name": "Veiligheidsgevoel", "level": "outcome", "unit": "percent", "direction": "increase"}],
    "sources": [{"title": "Plan", "retrieved": "2024"}]
  }]
}
]]

describe("fields", function()
  local veilig = require("veilig")

  it("of the bundled dataset, every one", function()
    local text = support.read_file(support.dataset)
    check_registry(text, assert(veilig.builtin()))
    check_registry(text, assert(veilig.load(support.dataset)))
  end)

  it("the dataset does not use", function()
    local reg = assert(veilig.loads(extra))
    check_registry(extra, reg)
    local m = reg:get(1)
    assert.equal("a \"quoted\" \195\169\240\159\152\128", m.ambition)
    local hosts = m:measure("hosts")
    assert.equal("prevention", hosts.approach) -- the category's usual approach
    assert.equal(1250050, hosts.budget_cents)
    assert.equal(12500.5, hosts.budget.amount)
    assert.equal("24:00", hosts.schedule[2].to)
    assert.same({ "evening", "night" }, hosts.schedule[1].dayparts)
    assert.equal("future_category", m:measure("onbekend").category)
    assert.equal("future_approach", m:measure("onbekend").approach)
    assert.equal("signalling", m:measure("budget-only").approach)
    assert.is_nil(m:measure("budget-only").budget.currency)
    assert.equal("mystery_kind", m:stakeholder("x").kind)
    assert.is_false(m.contacts[2].personal)
  end)

  it("absent are nil, lists are empty tables", function()
    local reg = veilig.new()
    local m = reg:add("GM0002", "Leeg")
    for _, k in ipairs({ "official_name", "province", "membership", "summary", "ambition" }) do
      assert.is_nil(m[k], k)
    end
    for _, k in ipairs({ "focus", "excluded", "policy_links", "contacts", "sources" }) do
      assert.same({}, m[k], k)
    end
    assert.same({ target_groups = {}, settings = {} }, m.scope)
    local ms = assert(m:add_measure({ id = "m", name = "M", category = "campaign" }))
    for _, k in ipairs({ "description", "area", "status", "period", "budget", "budget_cents", "evidence" }) do
      assert.is_nil(ms[k], k)
    end
    for _, k in ipairs({ "target_groups", "settings", "schedule", "partners", "indicators" }) do
      assert.same({}, ms[k], k)
    end
    -- a field that is not one raises, as writing one does: a typo is not nil
    assert.error_matches(function() return ms.no_such_field end,
      "veilig.measure has no field 'no_such_field'")
    assert.error_matches(function() return ms.categorie end, "has no field 'categorie'")
    assert.error_matches(function() return m[1] end, "veilig.municipality has no field %[number%]")
  end)
end)
