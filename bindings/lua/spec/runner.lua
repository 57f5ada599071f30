-- A tiny stand-in for busted, for a Lua that has no busted (CMake uses it
-- when it finds none): runs *_spec.lua files with describe / it /
-- before_each / after_each and the part of luassert the specs use
-- (assert.equal, same, is_true, is_false, is_nil, is_not_nil, is_table,
-- is_string, is_number, is_function, matches, has_error, error_matches).
-- Plain Lua 5.1 to 5.4 and LuaJIT, no modules.
--
--   lua spec/runner.lua spec/            every *_spec.lua of a folder
--   lua spec/runner.lua spec/a_spec.lua  the files named
--
-- Exits 0 when every test passed.

local native_assert = assert
local function fail(message, level)
  error(message, (level or 1) + 2)
end

local function show(v)
  if type(v) == "string" then return ("%q"):format(v) end
  return tostring(v)
end

local function deep_same(a, b)
  if a == b then return true end
  if type(a) ~= "table" or type(b) ~= "table" then return false end
  for k, v in pairs(a) do
    if not deep_same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

local A = {}
function A.equal(expected, actual, msg)
  if expected ~= actual then
    fail(msg or ("expected %s, got %s"):format(show(expected), show(actual)))
  end
end
function A.same(expected, actual, msg)
  if not deep_same(expected, actual) then
    fail(msg or ("expected the same as %s, got %s"):format(show(expected), show(actual)))
  end
end
function A.is_true(v, msg) if v ~= true then fail(msg or ("expected true, got " .. show(v))) end end
function A.is_false(v, msg) if v ~= false then fail(msg or ("expected false, got " .. show(v))) end end
function A.is_nil(v, msg) if v ~= nil then fail(msg or ("expected nil, got " .. show(v))) end end
function A.is_not_nil(v, msg) if v == nil then fail(msg or "expected a value, got nil") end end
for _, t in ipairs({ "table", "string", "number", "function" }) do
  A["is_" .. t] = function(v, msg)
    if type(v) ~= t then fail(msg or ("expected a %s, got %s"):format(t, type(v))) end
  end
end
function A.matches(pattern, s, init, plain, msg)
  if type(s) ~= "string" or not s:find(pattern, init, plain) then
    fail(msg or ("expected %s to match %s"):format(show(s), show(pattern)))
  end
end
function A.has_error(fn, msg)
  if pcall(fn) then fail(msg or "expected an error") end
end
function A.error_matches(fn, pattern, init, plain, msg)
  local ok, err = pcall(fn)
  if ok then fail(msg or "expected an error") end
  if type(err) ~= "string" or not err:find(pattern, init, plain) then
    fail(msg or ("expected an error matching %s, got %s"):format(show(pattern), show(err)))
  end
end
assert = setmetatable(A, { __call = function(_, ...) return native_assert(...) end })

-- ---- describe / it ----

local tests = {}
local stack = {} -- the describe blocks around: {name, before = {}, after = {}}

function describe(name, body)
  stack[#stack + 1] = { name = name, before = {}, after = {} }
  body()
  stack[#stack] = nil
end

function before_each(fn) table.insert(stack[#stack].before, fn) end
function after_each(fn) table.insert(stack[#stack].after, fn) end

function it(name, body)
  local names, before, after = {}, {}, {}
  for _, d in ipairs(stack) do
    names[#names + 1] = d.name
    for _, f in ipairs(d.before) do before[#before + 1] = f end
  end
  for i = #stack, 1, -1 do
    for _, f in ipairs(stack[i].after) do after[#after + 1] = f end
  end
  names[#names + 1] = name
  tests[#tests + 1] = { name = table.concat(names, " "), body = body, before = before, after = after }
end

function pending(name) print("pending: " .. tostring(name)) end

-- ---- running ----

local files = {}
for _, a in ipairs(arg) do
  if a:match("%.lua$") then
    files[#files + 1] = a
  else
    local ls = native_assert(io.popen('ls -1 "' .. a .. '"'))
    for f in ls:lines() do
      if f:match("_spec%.lua$") then files[#files + 1] = a:gsub("/$", "") .. "/" .. f end
    end
    ls:close()
  end
end
table.sort(files)

local passed, failed = 0, 0
for _, file in ipairs(files) do
  tests = {}
  local chunk = native_assert(loadfile(file))
  chunk()
  for _, t in ipairs(tests) do
    local ok, err = xpcall(function()
      for _, f in ipairs(t.before) do f() end
      t.body()
    end, debug.traceback)
    for _, f in ipairs(t.after) do
      local aok, aerr = pcall(f)
      if ok and not aok then ok, err = false, aerr end
    end
    if ok then
      passed = passed + 1
    else
      failed = failed + 1
      print(("FAIL %s: %s\n  %s"):format(file, t.name, tostring(err)))
    end
  end
end
print(("%d passed, %d failed (%s)"):format(passed, failed, _VERSION))
os.exit(failed == 0 and #files > 0 and 0 or 1)
