-- The module table, making registries, and how errors come back.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

describe("the module", function()
  it("loads without setting globals", function()
    local before = {}
    for k in pairs(_G) do before[k] = true end
    local veilig = require("veilig")
    assert.is_table(veilig)
    for k in pairs(_G) do
      assert.is_true(before[k] ~= nil, "new global " .. tostring(k))
    end
  end)

  it("has _NAME and the C library's version as _VERSION", function()
    local veilig = require("veilig")
    assert.equal("veilig", veilig._NAME)
    assert.is_string(veilig._VERSION)
    assert.matches("^%d+%.%d+%.%d+$", veilig._VERSION)
    if os.getenv("VEILIG_VERSION") then
      assert.equal(os.getenv("VEILIG_VERSION"), veilig._VERSION)
    end
  end)

  it("is the module just built", function()
    local module = os.getenv("VEILIG_LUA_MODULE")
    if module then
      assert.is_function(package.loadlib(module, "luaopen_veilig"))
      local found = package.searchpath and package.searchpath("veilig", package.cpath)
      if found then
        assert.equal(module, found)
      end
    end
  end)
end)

describe("making registries", function()
  local veilig = require("veilig")

  it("builtin() loads the bundled dataset", function()
    local reg = assert(veilig.builtin())
    assert.equal(19, #reg)
    assert.equal("GM0153", reg:get(1).code)
    assert.equal("Veilige Steden", reg.programme.name)
    assert.equal(1, reg.version)
  end)

  it("load(path) reads a file", function()
    local reg, msg = veilig.load(support.dataset)
    assert.is_not_nil(reg, msg)
    assert.equal(19, #reg)
    assert.equal(veilig.builtin():dump(), reg:dump())
  end)

  it("loads(text) reads a string", function()
    local reg = assert(veilig.loads(support.read_file(support.dataset)))
    assert.equal(19, #reg)
    local empty = assert(veilig.loads('{"format": "veilig", "version": 1}'))
    assert.equal(0, #empty)
  end)

  it("new() makes an empty registry", function()
    local reg = assert(veilig.new())
    assert.equal(0, #reg)
    assert.is_nil(reg:get(1))
    assert.is_nil(reg.programme)
    assert.same({}, reg:validate())
  end)

  it("takes load options", function()
    local text = support.read_file(support.dataset)
    local reg, msg, details = veilig.loads(text, { max_municipalities = 3, source = "mine.json" })
    assert.is_nil(reg)
    assert.equal("limit", details.code)
    assert.matches("mine.json", msg, 1, true)
    assert.is_not_nil(veilig.loads(text, { max_municipalities = 19, max_depth = 64 }))
  end)

  it("takes max_size, the largest document it reads (in bytes), for a file and a string", function()
    local text = support.read_file(support.dataset)
    local reg, msg, details = veilig.load(support.dataset, { max_size = 1000 })
    assert.is_nil(reg)
    assert.equal("limit", details.code)
    assert.matches("max_size", msg, 1, true)
    reg, msg, details = veilig.loads(text, { max_size = #text - 1 })
    assert.is_nil(reg)
    assert.equal("limit", details.code)
    assert.matches("max_size", msg, 1, true)
    assert.is_not_nil(veilig.loads(text, { max_size = #text }))
    assert.is_not_nil(veilig.load(support.dataset, { max_size = #text }))
    assert.error_matches(function() veilig.load(support.dataset, { max_size = -1 }) end,
                         "'max_size' must be a non%-negative integer")
  end)
end)

describe("errors", function()
  local veilig = require("veilig")

  local function check_details(details)
    assert.is_table(details)
    assert.is_string(details.code)
    assert.is_number(details.number)
    assert.is_true(details.number < 0)
    assert.is_string(details.message)
    assert.is_number(details.line)
    assert.is_number(details.column)
    assert.is_number(details.position)
    assert.is_string(details.pointer)
    assert.is_string(details.source)
  end

  it("return nil, message, details for a missing file", function()
    local path = support.tmpname("-missing.json")
    local reg, msg, details = veilig.load(path)
    assert.is_nil(reg)
    assert.is_string(msg)
    assert.matches(path, msg, 1, true)
    check_details(details)
    assert.equal("io", details.code)
    assert.equal(-2, details.number)
    assert.equal(path, details.source)
  end)

  it("give line, column and position of bad JSON", function()
    local text = '{\n  "format": "veilig",\n  "version": 1,\n  oops\n}'
    local reg, msg, details = veilig.loads(text)
    assert.is_nil(reg)
    check_details(details)
    assert.equal("parse", details.code)
    assert.equal(-3, details.number)
    assert.equal(4, details.line)
    assert.equal(3, details.column)
    assert.equal(text:find("oops", 1, true) - 1, details.position)
    assert.equal("<string>", details.source)
    assert.matches("^<string>:4:3: ", msg)
  end)

  it("give the JSON pointer of a wrong value", function()
    local text = '{"format": "veilig", "version": 1, "municipalities": [{"code": "GM0001", "name": 7}]}'
    local reg, msg, details = veilig.loads(text, { source = "plan.json" })
    assert.is_nil(reg)
    check_details(details)
    assert.equal("schema", details.code)
    assert.equal(-4, details.number)
    assert.equal("/municipalities/0/name", details.pointer)
    assert.equal("plan.json", details.source)
    assert.equal(1, details.line)
    assert.matches("/municipalities/0/name", msg, 1, true)
  end)

  it("list every schema error of a document in details.errors", function()
    local text = '{"format": "veilig", "version": 1, "municipalities": [\n'
      .. ' {"code": "GM0001", "name": 7, "province": "Utrecht", "measures": [\n'
      .. '  {"id": "a", "category": "bystander"}]},\n'
      .. ' {"code": 7, "name": "B", "province": "Utrecht"}]}\n'
    local want = {
      { 2, "/municipalities/0/name", "expected a string" },
      { 3, "/municipalities/0/measures/0", 'needs "name"' },
      { 4, "/municipalities/1/code", "expected a string" },
    }
    local path = support.tmpname("-several.json")
    local f = assert(io.open(path, "w"))
    f:write(text)
    f:close()
    for _, load in ipairs({ veilig.loads, veilig.load }) do
      local reg, msg, details = load(load == veilig.load and path or text, { source = "plan.json" })
      assert.is_nil(reg)
      assert.matches("^plan.json:2:", msg)
      assert.equal(#want, #details.errors)
      for i, w in ipairs(want) do
        local e = details.errors[i]
        check_details(e)
        assert.equal("schema", e.code)
        assert.equal(w[1], e.line)
        assert.equal(w[2], e.pointer)
        assert.matches(w[3], e.message, 1, true)
        assert.equal("plan.json", e.source)
      end
      assert.equal(details.pointer, details.errors[1].pointer)
    end
    os.remove(path)
    -- the one error that stopped a load of another kind
    local _, _, details = veilig.loads("[", { source = "x" })
    assert.equal(1, #details.errors)
    assert.equal("parse", details.errors[1].code)
    -- at most 50
    local many = {}
    for i = 1, 60 do many[i] = "1" end
    _, _, details = veilig.loads('{"format": "veilig", "version": 1, "municipalities": ['
      .. table.concat(many, ", ") .. "]}")
    assert.equal(50, #details.errors)
  end)

  it("say when the format or version is another", function()
    local _, _, details = veilig.loads('{"format": "veilig", "version": 2}')
    assert.equal("version", details.code)
    _, _, details = veilig.loads('{"format": "other", "version": 1}')
    assert.equal("version", details.code)
  end)

  it("raise for arguments of the wrong type", function()
    assert.has_error(function() veilig.load() end)
    assert.has_error(function() veilig.load({}) end)
    assert.has_error(function() veilig.loads(nil) end)
    assert.has_error(function() veilig.loads(true) end)
    assert.has_error(function() veilig.loads("{}", "opts") end)
    assert.error_matches(function() veilig.loads("{}", { bogus = 1 }) end, "unknown option 'bogus'")
    assert.error_matches(function() veilig.loads("{}", { max_depth = -1 }) end, "non%-negative")
    assert.error_matches(function() veilig.loads("{}", { source = 1 }) end, "source")
  end)

  it("raise when a method gets something else than its object", function()
    local reg = veilig.builtin()
    local m = reg:get(1)
    assert.error_matches(function() reg.get(m, 1) end, "veilig.registry expected")
    assert.error_matches(function() m.measures(reg) end, "veilig.municipality expected")
    assert.error_matches(function() reg.get({}, 1) end, "veilig.registry expected")
    assert.has_error(function() reg:get("one") end)
    assert.has_error(function() reg:find() end)
    assert.has_error(function() reg:find({}) end)
    assert.has_error(function() m:measure({}) end)
    assert.has_error(function() reg:dump("compact") end)
    assert.error_matches(function() reg:dump({ compact = "yes" }) end, "boolean")
    assert.error_matches(function() reg:dump({ pretty = true }) end, "unknown option 'pretty'")
    assert.has_error(function() reg:save() end)
    assert.has_error(function() reg:add("GM0001") end)
    assert.has_error(function() reg:add_json(42) end)
    assert.has_error(function() reg:add_json("{}", "yes") end)
    assert.has_error(function() reg:remove({}) end)
  end)
end)
