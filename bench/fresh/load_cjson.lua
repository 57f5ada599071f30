-- One read and lua-cjson decode of a file, in a process of its own
-- (bench/fresh.py times the process): `luajit load_cjson.lua FILE`.
-- Prints the number of municipalities.
local cjson = require "cjson"
local f = assert(io.open(arg[1], "rb"))
local text = f:read("*a")
f:close()
local doc = cjson.decode(text)
print(#doc.municipalities)
