-- LuaRocks package of the Lua module `veilig`, for local installs against an
-- installed libveilig (headers and libveilig.so, e.g. from `make install`):
--
--   cd bindings/lua && luarocks --lua-version 5.4 --tree ~/.luarocks make
--   cd bindings/lua && luarocks make VEILIG_DIR=/opt/veilig   (libveilig elsewhere)
--
-- `luarocks make` builds the sources of the folder it runs in, with the
-- builtin backend, for the Lua that LuaRocks is set up for; the CMake build
-- does the same for every Lua it finds. It also compiles libveilig's buffer
-- (../../libveilig/util/buf.c): run it in bindings/lua of a checkout, or in a
-- copy of both folders that keeps their layout.
rockspec_format = "3.0"
package = "veilig"
version = "scm-1"

source = {
  -- not fetched by `luarocks make`, which builds the checkout it runs in
  url = "git+https://example.invalid/libveilig.git",
}

description = {
  summary = "Describe and analyse how municipalities tackle sexual street harassment (Veilige Steden)",
  detailed = [[
    The Lua binding of libveilig: load, query, change, validate and write
    documents about the approaches of Dutch municipalities to (sexual) street
    harassment and unsafety in public space and nightlife, as in the
    programme Veilige Steden.
  ]],
  labels = { "data", "json" },
}

dependencies = {
  "lua >= 5.1, < 5.5",
}

external_dependencies = {
  VEILIG = {
    header = "veilig.h",
    library = "veilig",
  },
}

build = {
  type = "builtin",
  modules = {
    veilig = {
      sources = {
        "lveilig.c", "lveilig_core.c", "lveilig_json.c", "lveilig_values.c", "lveilig_fields.c", "lveilig_registry.c",
        "lveilig_model.c", "lveilig_analysis.c", "lveilig_sheet.c", "lveilig_site.c",
        -- libveilig's growable buffer (libveilig/util), compiled in: the module
        -- sees only the library's exported symbols
        "../../libveilig/util/buf.c",
      },
      incdirs = { "$(VEILIG_INCDIR)", "../../libveilig" },
      libdirs = { "$(VEILIG_LIBDIR)" },
      libraries = { "veilig", "m" },
    },
  },
}

test = {
  type = "command",
  command = "busted spec",
}
