-- The Lua examples of bindings/lua/README.md run as written (the one that
-- uses <close> only on Lua 5.4) and print what they say they print.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")

local function lua_blocks(text)
  local blocks = {}
  for block in text:gmatch("\n```lua\n(.-)\n```") do
    blocks[#blocks + 1] = block
  end
  return blocks
end

-- Runs a block with print collected; returns the lines.
local function run(block, name)
  local lines = {}
  local env = setmetatable({
    print = function(...)
      local parts = {}
      for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
      lines[#lines + 1] = table.concat(parts, "\t")
    end,
  }, { __index = _G })
  local chunk = assert(support.load_with_env(block, "=" .. name, env))
  chunk()
  return lines
end

describe("README.md", function()
  local blocks = lua_blocks(support.read_file(support.readme))

  it("has Lua examples", function()
    assert.is_true(#blocks >= 2)
    assert.matches('require%("veilig"%)', blocks[1])
  end)

  it("runs its first example, which prints what it should", function()
    local lines = run(blocks[1], "README.md example")
    local out = table.concat(lines, "\n")
    assert.equal("19 municipalities", lines[1])
    assert.matches("Enschede\tOmstandersinterventies\tomstanders\n", out, 1, true)
    assert.matches("GM0153\tNL-OV\t2021", out, 1, true)
    assert.matches("women_girls, lgbtiq, disability, students", out, 1, true)
    assert.matches("fri+sat\t18:00-06:00", out, 1, true)
    assert.matches("nil\ta municipality with code GM0153 exists\texists", out, 1, true)
    assert.matches("prevention\t12500.5\t1250050", out, 1, true)
    assert.matches("warning\tV0%d%d\t/municipalities/", out)
  end)

  it("runs its analysis example, which prints what it should", function()
    local block
    for _, b in ipairs(blocks) do
      if b:find("reg:query", 1, true) then block = b end
    end
    assert.is_string(block)
    local out = table.concat(run(block, "README.md analysis example"), "\n") .. "\n"
    -- who runs bystander measures: Enschede's two, then the iterator's three in Overijssel
    assert.matches("Enschede\tOmstandersinterventies\n", out, 1, true)
    assert.matches("GM0153\tpub-ploeg\tdeescalation\nGM0153\thandelingsperspectief\tbystander\n", out, 1, true)
    -- Enschede is the plan's closest peer, with its de-escalation team as a suggestion
    assert.matches("\n1\tEnschede\t0%.%d%d%d\t7\n\tPreventie Unit Binnenstad %(PUB%-ploeg%)\tde%-escalation\tpub%-ploeg\n", out)
    assert.matches("nightlife covered: 100%\n", out, 1, true)
    assert.matches("9 measures, %d+ gaps\n", out)
    assert.matches("bystanders\t1\t2\n", out, 1, true)
    assert.matches("\ncode,name,province,measures,", out, 1, true)
    assert.matches("\nEnschede", out)
  end)

  it("runs every other example (the <close> one on Lua 5.4)", function()
    for i = 2, #blocks do
      if support.lua54 or not blocks[i]:find("<close>", 1, true) then
        local lines = run(blocks[i], "README.md example " .. i)
        assert.is_true(#lines > 0)
      end
    end
  end)
end)

describe("the project's README.md", function()
  it("shows a short Lua example that runs", function()
    local blocks = lua_blocks(support.read_file(support.source_dir .. "/README.md"))
    assert.is_true(#blocks >= 1)
    local out = table.concat(run(blocks[1], "top-level README.md example"), "\n")
    assert.matches("Enschede\tOmstandersinterventies", out, 1, true)
  end)
end)
