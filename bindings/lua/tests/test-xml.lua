-- test-xml.lua: loading, saving and converting registries
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local tmpdir = os.getenv("TERRIND_LUA_TMPDIR") or "."

local function temp_path(name)
  return tmpdir .. "/test-xml-" .. name .. ".xml"
end

T.case("to_string then from_string gives an equal registry", function ()
  local reg = T.sample(terrind)
  local xml = reg:to_string()
  T.truthy(xml:find('^<%?xml version="1.0" encoding="UTF%-8"%?>\n'), "prolog")
  local back = terrind.Registry.from_string(xml)
  T.eq(back == reg, true)
  T.eq(back:to_string(), xml)
end)

T.case("the default dataset round-trips byte for byte", function ()
  local xml = terrind.Registry.default():to_string()
  T.eq(terrind.Registry.from_string(xml):to_string(), xml)
end)

T.case("save then load", function ()
  local reg = T.sample(terrind)
  local path = temp_path("save")
  reg:save(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("a")
  file:close()
  T.eq(content, reg:to_string())
  local back = terrind.Registry.load(path)
  T.eq(back == reg, true)
  local limited = terrind.Registry.load(path, { max_depth = 16, max_elements = 1000,
                                                max_value_length = 4096, max_bytes = 1 << 20 })
  T.eq(limited == reg, true)
  os.remove(path)
end)

T.case("import into an existing registry", function ()
  local reg = terrind.Registry.new()
  reg:import_string(T.sample(terrind):to_string())
  T.eq(reg.n_territories, 3)
  local path = temp_path("import")
  T.sample(terrind):save(path)
  local other = terrind.Registry.new()
  other:import_file(path, { max_bytes = 1 << 20 })
  T.eq(other == reg, true)
  T.raises("LIMIT_EXCEEDED", terrind.Registry.new().import_file, terrind.Registry.new(), path,
           { max_bytes = 100 })
  os.remove(path)
end)

T.case("a document is bytes: a zero byte is a parse error, not a cut", function ()
  local xml = T.sample(terrind):to_string()
  T.raises("PARSE", terrind.Registry.from_string, xml:sub(1, 60) .. "\0" .. xml:sub(61))
end)

T.case("invalid UTF-8 is refused", function ()
  local xml = T.sample(terrind):to_string():gsub("Ardèche", "Ard\xff\xfeche")
  local ok, err = pcall(terrind.Registry.from_string, xml)
  T.eq(ok, false)
  T.truthy(err.code == "PARSE" or err.code == "SCHEMA" or err.code == "INVALID_VALUE", err.code)
end)

T.case("external entities are not read", function ()
  local xml = '<?xml version="1.0"?>\n<!DOCTYPE registry [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    .. '<registry xmlns="urn:libterrind:registry" version="1"><regions>'
    .. '<region code="84" name="&x;"/></regions><operators/><territories/><conventions/>'
    .. '<referents/></registry>'
  local ok, err = pcall(terrind.Registry.from_string, xml)
  T.eq(ok, false)
  T.eq(type(err), "table")
  T.truthy(not tostring(err):find("root:"), "no file content in the message")
end)

T.run()
