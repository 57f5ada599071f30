-- The website: veilig.site(reg, dir [, opts]).
describe("site", function()
  local veilig = require("veilig")

  local function tmpdir()
    local path = os.tmpname()
    os.remove(path) -- a name for a folder the site makes
    return path
  end

  local function read(path)
    local f = io.open(path, "rb")
    if not f then return nil end
    local s = f:read("*a")
    f:close()
    return s
  end

  it("writes both languages by default", function()
    local dir = tmpdir()
    assert.is_true(veilig.site(veilig.builtin(), dir))
    local nl = read(dir .. "/gemeenten/GM0153.html")
    local en = read(dir .. "/en/gemeenten/GM0153.html")
    assert.truthy(nl and nl:find('<html lang="nl">', 1, true))
    assert.truthy(en and en:find('<html lang="en">', 1, true))
    os.execute("rm -rf '" .. dir .. "'")
  end)

  it("writes one language and refuses a used folder", function()
    local dir = tmpdir()
    assert.is_true(veilig.site(veilig.builtin(), dir, { lang = "en", peers = 2 }))
    assert.is_nil(read(dir .. "/en/index.html"))
    local used = tmpdir()
    os.execute("mkdir '" .. used .. "' && touch '" .. used .. "/mine.txt'")
    local ok, msg = veilig.site(veilig.builtin(), used)
    assert.is_nil(ok)
    assert.truthy(msg:find("not empty", 1, true))
    assert.is_true(veilig.site(veilig.builtin(), used, { force = true }))
    os.execute("rm -rf '" .. dir .. "' '" .. used .. "'")
  end)

  it("writes the site of a file as that of its registry", function()
    local doc = os.tmpname()
    local json = veilig.builtin():dump()
    assert.is_string(json)
    local f = io.open(doc, "wb")
    f:write(json)
    f:close()
    local a, b = tmpdir(), tmpdir()
    assert.is_true(veilig.site(doc, a, { lang = "nl" }))
    local reg = veilig.load(doc)
    assert.truthy(reg)
    assert.is_true(veilig.site(reg, b, { lang = "nl" }))
    for _, page in ipairs({ "index.html", "maatregelen.html", "gemeenten/GM0153.html",
                            "categorieen/bystander.html" }) do
      local x, y = read(a .. "/" .. page), read(b .. "/" .. page)
      assert.truthy(x)
      assert.are.equal(x, y)
    end
    -- a document that does not load: its error, nothing written
    f = io.open(doc, "wb")
    f:write('{"format": "veilig", "version": 1, "municipalities": [{"code": 5}]}')
    f:close()
    local c = tmpdir()
    local ok, msg, err = veilig.site(doc, c)
    assert.is_nil(ok)
    assert.truthy(msg)
    assert.are.equal("/municipalities/0/code", err.pointer)
    assert.is_nil(read(c .. "/index.html"))
    os.execute("rm -rf '" .. a .. "' '" .. b .. "' '" .. c .. "' '" .. doc .. "'")
  end)

  it("writes the same pages with one thread or several", function()
    local one, three = tmpdir(), tmpdir()
    assert.is_true(veilig.site(veilig.builtin(), one, { lang = "nl", threads = 1 }))
    assert.is_true(veilig.site(veilig.builtin(), three, { lang = "nl", threads = 3 }))
    for _, page in ipairs({ "index.html", "maatregelen.html", "gemeenten/GM0153.html" }) do
      local a, b = read(one .. "/" .. page), read(three .. "/" .. page)
      assert.truthy(a)
      assert.are.equal(a, b)
    end
    os.execute("rm -rf '" .. one .. "' '" .. three .. "'")
  end)

  it("raises on a bad option", function()
    assert.has_error(function() veilig.site(veilig.builtin(), tmpdir(), { lang = "de" }) end)
    assert.has_error(function() veilig.site(veilig.builtin(), tmpdir(), { peers = -1 }) end)
    assert.has_error(function() veilig.site(veilig.builtin(), tmpdir(), { threads = -1 }) end)
    assert.has_error(function() veilig.site(veilig.builtin(), tmpdir(), { threads = 257 }) end)
    assert.has_error(function() veilig.site(nil, tmpdir()) end)
  end)
end)
