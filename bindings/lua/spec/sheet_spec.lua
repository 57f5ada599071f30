-- Spreadsheets: export_sheet, import_sheets (CSV and workbooks, all or nothing), save_xlsx.
describe("spreadsheets", function()
  local veilig = require("veilig")

  it("lists the sheets", function()
    local sheets = veilig.sheets()
    assert.equal(12, #sheets)
    assert.equal("programme", sheets[1])
    assert.equal("measures", sheets[7])
  end)

  it("gives back the same document through CSV in every language", function()
    local reg = veilig.builtin()
    local want = reg:dump()
    for _, opts in ipairs({ {}, { lang = "nl", separator = ";" }, { lang = "en" } }) do
      opts.include_personal = true
      local files = {}
      for _, name in ipairs(veilig.sheets()) do
        files[#files + 1] = { name = name .. ".csv", data = veilig.export_sheet(reg, name, opts) }
      end
      local back = assert(veilig.import_sheets(files))
      assert.equal(want, back:dump())
    end
  end)

  it("gives back the same document through a workbook", function()
    local reg = veilig.builtin()
    local base = os.tmpname() -- made by os.tmpname: removed with the workbook
    local path = base .. ".xlsx"
    assert.is_true(veilig.save_xlsx(reg, path, { lang = "en", include_personal = true }))
    local back = assert(veilig.import_sheets({ path }))
    os.remove(path)
    os.remove(base)
    assert.equal(reg:dump(), back:dump())
  end)

  it("merges into a base and reports every error, changing nothing", function()
    local reg = veilig.builtin()
    local before = reg:dump()
    local merged = assert(veilig.import_sheets({ { name = "maatregelen.csv",
      data = "Gemeente;Id;Maatregel;Categorie\nEnschede;nieuw;Nieuw;omstanders\n" } }, { base = reg }))
    local function count(r)
      local n = 0
      for _ in r:find("GM0153"):measures() do n = n + 1 end
      return n
    end
    assert.equal(count(reg) + 1, count(merged))
    local bad, message, err = veilig.import_sheets({ { name = "measures.csv",
      data = "municipality,id,name,category\nGM0153,a,A,omstaanders\nGM0153,b,B,nope\n" } },
      { base = reg })
    assert.is_nil(bad)
    assert.equal("measures.csv:2:4: column 'category': 'omstaanders' is not a category; did you "
      .. "mean 'omstanders'? (and 1 more)", message)
    assert.equal("schema", err.code)
    assert.equal(2, #err.errors)
    assert.equal(3, err.errors[2].line)
    assert.equal(4, err.errors[2].column)
    assert.equal(before, reg:dump())
    assert.has_error(function() veilig.export_sheet(reg, "nonsense") end)
  end)
end)
