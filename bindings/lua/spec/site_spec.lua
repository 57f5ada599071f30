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
