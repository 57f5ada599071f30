-- The Lua reference rows of the benchmark (issue 9): a veilig document loaded
-- and its coverage counted the way a Lua user would without libveilig, with
-- lua-cjson. Runs under LuaJIT and Lua 5.1 to 5.4.
--
--     luajit bench/lua_baseline.lua FILE [REPETITIONS]
--
-- prints "load_ms X", "coverage_ms Y" (medians of the repetitions, CPU time
-- by os.clock) and "active N" (measures counted: the coverage total by
-- category, as veilig_coverage counts it: every measure whose status is not
-- "ended" or "planned", once for its category).

local ok, cjson = pcall(require, "cjson")
if not ok then
  io.stderr:write("lua-cjson is not installed (Debian: apt-get install lua-cjson)\n")
  os.exit(1)
end

local path = arg[1] or error("usage: lua_baseline.lua FILE [REPETITIONS]")
local reps = tonumber(arg[2] or "3")

local function median(t)
  table.sort(t)
  local n = #t
  if n % 2 == 1 then return t[(n + 1) / 2] end
  return (t[n / 2] + t[n / 2 + 1]) / 2
end

local function load(file)
  local f = assert(io.open(file, "rb"))
  local text = f:read("*a")
  f:close()
  return cjson.decode(text)
end

-- The coverage matrix: per municipality, per category, the active measures.
local function coverage(doc)
  local rows, total = {}, 0
  for _, m in ipairs(doc.municipalities or {}) do
    local counts = {}
    for _, ms in ipairs(m.measures or {}) do
      local status = ms.status
      if status ~= "ended" and status ~= "planned" then
        local c = ms.category
        counts[c] = (counts[c] or 0) + 1
        total = total + 1
      end
    end
    rows[#rows + 1] = {code = m.code, counts = counts}
  end
  return rows, total
end

local loads, covs, doc, total = {}, {}, nil, 0
for _ = 1, reps do
  doc = nil
  collectgarbage("collect")
  local t0 = os.clock()
  doc = load(path)
  loads[#loads + 1] = (os.clock() - t0) * 1e3
  t0 = os.clock()
  local _
  _, total = coverage(doc)
  covs[#covs + 1] = (os.clock() - t0) * 1e3
end
print(string.format("load_ms %.3f", median(loads)))
print(string.format("coverage_ms %.3f", median(covs)))
print(string.format("active %d", total))
