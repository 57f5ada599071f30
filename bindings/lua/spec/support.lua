-- Shared by the specs: where things are, a small JSON reader written in
-- Lua (to check the module against the raw dataset independently of the C
-- code), and helpers that work the same on Lua 5.1, 5.3, 5.4 and LuaJIT.
--
-- Load it with dofile(), not require(): the specs run under busted and under
-- spec/runner.lua, from any working directory.
local support = {}

local function dirname(path)
  return (path:gsub("/[^/]*$", ""))
end

support.spec_dir = dirname((debug.getinfo(1, "S").source:gsub("^@", "")))
support.binding_dir = dirname(support.spec_dir)
support.source_dir = os.getenv("VEILIG_SOURCE_DIR") or dirname(dirname(support.binding_dir))
support.dataset = support.source_dir .. "/data/veilige-steden.json"
support.readme = support.binding_dir .. "/README.md"

function support.read_file(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

function support.write_file(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

-- A temporary file name that is ours (os.tmpname creates the file on POSIX).
function support.tmpname(suffix)
  local name = os.tmpname()
  os.remove(name)
  return name .. (suffix or "")
end

-- load(text, name, "t", env) on 5.2+, loadstring + setfenv on 5.1/LuaJIT.
function support.load_with_env(text, name, env)
  if setfenv and loadstring then
    local chunk, err = loadstring(text, name)
    if chunk then
      setfenv(chunk, env)
    end
    return chunk, err
  end
  return load(text, name, "t", env)
end

support.lua54 = _VERSION == "Lua 5.4"
support.has_integers = math.type ~= nil

-- ---- JSON (enough for the dataset: RFC 8259 without surprises) ----

local json = {}
support.json = json
json.null = setmetatable({}, { __tostring = function() return "null" end })

local escapes = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

local function utf8_char(cp)
  if cp < 0x80 then
    return string.char(cp)
  elseif cp < 0x800 then
    return string.char(0xC0 + math.floor(cp / 0x40), 0x80 + cp % 0x40)
  elseif cp < 0x10000 then
    return string.char(0xE0 + math.floor(cp / 0x1000), 0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
  end
  return string.char(0xF0 + math.floor(cp / 0x40000), 0x80 + math.floor(cp / 0x1000) % 0x40,
    0x80 + math.floor(cp / 0x40) % 0x40, 0x80 + cp % 0x40)
end

function json.decode(text)
  local pos = 1
  local function fail(what)
    error(("JSON: %s at byte %d"):format(what, pos), 0)
  end
  local function ws()
    pos = text:find("[^ \t\r\n]", pos) or #text + 1
  end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local s, e = text:find('["\\]', pos)
      if not s then fail("unterminated string") end
      out[#out + 1] = text:sub(pos, s - 1)
      if text:sub(s, s) == '"' then
        pos = e + 1
        return table.concat(out)
      end
      local c = text:sub(s + 1, s + 1)
      if c == "u" then
        local cp = tonumber(text:sub(s + 2, s + 5), 16)
        pos = s + 6
        if cp >= 0xD800 and cp < 0xDC00 and text:sub(pos, pos + 1) == "\\u" then
          local lo = tonumber(text:sub(pos + 2, pos + 5), 16)
          cp = 0x10000 + (cp - 0xD800) * 0x400 + (lo - 0xDC00)
          pos = pos + 6
        end
        out[#out + 1] = utf8_char(cp)
      else
        out[#out + 1] = escapes[c] or fail("bad escape")
        pos = s + 2
      end
    end
  end
  function value()
    ws()
    local c = text:sub(pos, pos)
    if c == "{" then
      local t = {}
      pos = pos + 1
      ws()
      if text:sub(pos, pos) == "}" then
        pos = pos + 1
        return t
      end
      while true do
        ws()
        if text:sub(pos, pos) ~= '"' then fail("expected a key") end
        local k = str()
        ws()
        if text:sub(pos, pos) ~= ":" then fail("expected ':'") end
        pos = pos + 1
        t[k] = value()
        ws()
        c = text:sub(pos, pos)
        pos = pos + 1
        if c == "}" then return t end
        if c ~= "," then fail("expected ',' or '}'") end
      end
    elseif c == "[" then
      local t = {}
      pos = pos + 1
      ws()
      if text:sub(pos, pos) == "]" then
        pos = pos + 1
        return t
      end
      while true do
        t[#t + 1] = value()
        ws()
        c = text:sub(pos, pos)
        pos = pos + 1
        if c == "]" then return t end
        if c ~= "," then fail("expected ',' or ']'") end
      end
    elseif c == '"' then
      return str()
    elseif text:find("^true", pos) then
      pos = pos + 4
      return true
    elseif text:find("^false", pos) then
      pos = pos + 5
      return false
    elseif text:find("^null", pos) then
      pos = pos + 4
      return json.null
    end
    local s, e = text:find("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if not s then fail("unexpected character") end
    pos = e + 1
    return tonumber(text:sub(s, e))
  end
  local v = value()
  ws()
  if pos <= #text then fail("text after the value") end
  return v
end

-- ---- comparing ----

-- A deep comparison that treats integer 1 and float 1.0 alike (5.3+).
function support.same(a, b)
  if type(a) ~= type(b) then return false end
  if type(a) ~= "table" then return a == b end
  for k, v in pairs(a) do
    if not support.same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- A readable form of a value, for failure messages.
function support.show(v, depth)
  depth = depth or 0
  if type(v) ~= "table" or depth > 4 then
    return type(v) == "string" and ("%q"):format(v) or tostring(v)
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(x, y) return tostring(x) < tostring(y) end)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = tostring(k) .. "=" .. support.show(v[k], depth + 1)
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

-- A list (possibly nil in the JSON) as the module gives it: always a table.
function support.list(v)
  return v or {}
end

return support
