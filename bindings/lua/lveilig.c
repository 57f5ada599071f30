/*
 * libveilig Lua binding: the module `veilig` (Lua 5.1, 5.2, 5.3, 5.4 and
 * LuaJIT from one source; compat.h bridges the differences).
 *
 * This file is the one registration point, in lua-cjson's way: one luaL_Reg
 * table holds every function of the module ("veilig.load") and every method
 * ("registry:add", "measure:to_json"); luaopen_veilig makes the metatables
 * and registers the table, and nothing else. Where each function lives:
 *
 *   lveilig_core.c      handles, registries' lifetimes, boxes, errors, options,
 *                       the naming trampoline of every function (compat.h)
 *   lveilig_json.c      Lua values to JSON text and back
 *   lveilig_values.c    model: reading Lua values for setters
 *   lveilig_fields.c    model: the fields of every object (all field lookup)
 *   lveilig_registry.c  model: making registries, their methods, vocabularies
 *   lveilig_model.c     model: reading and setting fields (__index, set),
 *                       the objects' methods and metatables
 *   lveilig_analysis.c  analyses and renderings    lveilig_sheet.c  sheets
 *   lveilig_site.c      the website
 *
 * Each file uses only the ones above it (bindings/lua/README.md).
 */
#include "lveilig.h"

VL_EXPORT int luaopen_veilig(lua_State *L);

static const luaL_Reg vl_functions[] = {{"veilig.load", l_load},
                                        {"veilig.loads", l_loads},
                                        {"veilig.builtin", l_builtin},
                                        {"veilig.new", l_new},
                                        {"veilig.label", l_label},
                                        {"veilig.codes", l_codes},
                                        {"veilig.vocabularies", l_vocabularies},
                                        {"veilig.compare", l_compare},
                                        {"veilig.similarity", l_similarity},
                                        {"veilig.diff", l_diff},
                                        {"veilig.import_sheets", l_import_sheets},
                                        {"veilig.export_sheet", l_export_sheet},
                                        {"veilig.save_xlsx", l_save_xlsx},
                                        {"veilig.sheets", l_sheets},
                                        {"veilig.site", l_site},
                                        {"registry:get", l_registry_get},
                                        {"registry:find", l_registry_find},
                                        {"registry:municipalities", l_registry_municipalities},
                                        {"registry:add", l_registry_add},
                                        {"registry:add_json", l_registry_add_json},
                                        {"registry:remove", l_registry_remove},
                                        {"registry:validate", l_registry_validate},
                                        {"registry:dump", l_registry_dump},
                                        {"registry:to_table", l_registry_to_table},
                                        {"registry:save", l_registry_save},
                                        {"registry:close", l_registry_close},
                                        {"registry:is_closed", l_registry_closed},
                                        {"registry:set", l_set},
                                        {"registry:query", l_registry_query},
                                        {"registry:each_match", l_registry_each_match},
                                        {"registry:coverage", l_registry_coverage},
                                        {"registry:peers", l_registry_peers},
                                        {"registry:render_list", l_render_list},
                                        {"registry:export", l_export},
                                        {"registry:report_html", l_report_html},
                                        {"registry:save_report", l_save_report},
                                        {"municipality:measures", l_measures},
                                        {"municipality:stakeholders", l_stakeholders},
                                        {"municipality:indicators", l_indicators},
                                        {"municipality:measure", l_measure},
                                        {"municipality:stakeholder", l_stakeholder},
                                        {"municipality:indicator", l_indicator},
                                        {"municipality:add_measure", l_add_measure},
                                        {"municipality:add_stakeholder", l_add_stakeholder},
                                        {"municipality:add_indicator", l_add_indicator},
                                        {"municipality:remove_measure", l_remove_measure},
                                        {"municipality:remove_stakeholder", l_remove_stakeholder},
                                        {"municipality:remove_indicator", l_remove_indicator},
                                        {"municipality:to_json", l_municipality_to_json},
                                        {"municipality:to_table", l_municipality_to_table},
                                        {"municipality:set", l_set},
                                        {"municipality:profile", l_profile},
                                        {"municipality:compare", l_compare},
                                        {"municipality:peers", l_municipality_peers},
                                        {"municipality:schedule", l_schedule},
                                        {"municipality:progress", l_progress},
                                        {"municipality:render", l_render},
                                        {"measure:to_json", l_measure_to_json},
                                        {"measure:to_table", l_measure_to_table},
                                        {"measure:set", l_set},
                                        {"stakeholder:set", l_set},
                                        {"indicator:add_observation", l_add_observation},
                                        {"indicator:remove_observation", l_remove_observation},
                                        {"indicator:set", l_set},
                                        {NULL, NULL}};

int luaopen_veilig(lua_State *L) {
    int kind, methods;
    vl_core_open(L);
    lua_createtable(L, VL_NKINDS, 0); /* the methods of each kind, methods[kind + 1] */
    methods = lua_gettop(L);
    for (kind = 0; kind < VL_NKINDS; kind++) {
        lua_newtable(L);
        lua_rawseti(L, methods, kind + 1);
    }
    lua_newtable(L); /* the module */
    vl_register(L, vl_functions, -1, methods);
    for (kind = 0; kind < VL_NKINDS; kind++) {
        lua_rawgeti(L, methods, kind + 1);
        vl_model_metatable(L, kind, -1);
        lua_pop(L, 1);
    }
    lua_pushliteral(L, "veilig");
    lua_setfield(L, -2, "_NAME");
    lua_pushstring(L, veilig_version());
    lua_setfield(L, -2, "_VERSION");
    vl_push_null(L);
    lua_setfield(L, -2, "null");
    luaL_getmetatable(L, VL_TOBJECT);
    lua_setfield(L, -2, "object_mt");
    lua_remove(L, methods);
    return 1;
}
