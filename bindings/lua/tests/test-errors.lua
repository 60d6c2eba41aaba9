-- test-errors.lua: the one error convention, for every code of TERRIND_ERROR
-- and for misuse of the binding
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
local EMPTY = HEAD .. '<registry xmlns="urn:libterrind:registry" version="1">\n'
  .. '  <regions/>\n  <operators/>\n  <territories/>\n  <conventions/>\n  <referents/>\n'
  .. '</registry>\n'

T.case("an error is a table with code, message, domain and __tostring", function ()
  local err = T.raises("INVALID_VALUE", terrind.Territory,
                       { id = "bad id!", name = "x", region = "84" })
  T.eq(type(err.message), "string")
  T.truthy(#err.message > 0, "message not empty")
  T.eq(err.domain, "TerrindError")
  T.eq(tostring(err), err.message)
  T.eq(err.line, nil)
  T.eq(err.column, nil)
end)

T.case("INVALID_VALUE from a setter leaves the field unchanged", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  T.raises("INVALID_VALUE", function () t.name = "" end)
  T.eq(t.name, "A")
  T.raises("INVALID_VALUE", t.add_member, t, "123456789")
  T.eq(#t.members, 0)
end)

T.case("DUPLICATE", function ()
  local reg = T.sample(terrind)
  T.raises("DUPLICATE", reg.add_region, reg, { code = "84", name = "Again" })
  T.raises("DUPLICATE", reg.add_referent, reg,
           { id = "ref-9", operator = "business-france", territory = "ti-8401",
             person = "Second" })
  T.eq(reg.n_referents, 2)
end)

T.case("UNKNOWN_REFERENCE", function ()
  local reg = T.sample(terrind)
  T.raises("UNKNOWN_REFERENCE", reg.add_territory, reg,
           { id = "ti-9901", name = "Nowhere", region = "99" })
  T.eq(reg:territory("ti-9901"), nil)
end)

T.case("NOT_FOUND", function ()
  local reg = T.sample(terrind)
  T.raises("NOT_FOUND", reg.remove_territory, reg, "ti-0000")
  T.raises("NOT_FOUND", reg.remove_referent, reg, "ref-0")
end)

T.case("IN_USE", function ()
  local reg = T.sample(terrind)
  T.raises("IN_USE", reg.remove_region, reg, "84")
  local other = terrind.Registry.new()
  T.raises("IN_USE", other.add_region, other, reg:region("84"))
  T.eq(other.n_regions, 0)
end)

T.case("PARSE carries file, line and column", function ()
  local err = T.raises("PARSE", terrind.Registry.from_string, (EMPTY:gsub("</registry>\n", "")))
  T.eq(type(err.line), "number")
  T.truthy(err.line >= 1, "line >= 1")
  T.eq(type(err.column), "number")
  T.eq(type(err.file), "string")
  T.truthy(tostring(err):find(err.line, 1, true), "message shows the line")
end)

T.case("SCHEMA", function ()
  local err = T.raises("SCHEMA", terrind.Registry.from_string, "<registry/>")
  T.eq(err.line, 1)
end)

T.case("UNSUPPORTED_VERSION", function ()
  T.raises("UNSUPPORTED_VERSION", terrind.Registry.from_string,
           (EMPTY:gsub('version="1">', 'version="3">')))
end)

T.case("IO", function ()
  T.raises("IO", terrind.Registry.load, "/nonexistent/registry.xml")
  local reg = terrind.Registry.new()
  T.raises("IO", reg.save, reg, "/nonexistent/dir/out.xml")
end)

T.case("LIMIT_EXCEEDED", function ()
  T.raises("LIMIT_EXCEEDED", terrind.Registry.from_string, EMPTY, { max_bytes = 10 })
  T.raises("LIMIT_EXCEEDED", terrind.Registry.from_string, EMPTY, { max_depth = 1 })
end)

T.case("a failed import leaves the registry as it was", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  T.raises("PARSE", reg.import_string, reg, (EMPTY:gsub("</registry>\n", "")))
  T.eq(reg:to_string(), before)
  -- A well-formed document whose second region clashes with one already there.
  local clash = EMPTY:gsub("<regions/>", '<regions><region code="01" name="Guadeloupe"/>'
                           .. '<region code="84" name="Twice"/></regions>')
  T.raises("DUPLICATE", reg.import_string, reg, clash)
  T.eq(reg:region("01"), nil)
  T.eq(reg:to_string(), before)
end)

T.case("misuse raises plain errors: argument types", function ()
  local reg = terrind.Registry.new()
  T.misuse("string expected", reg.territory, reg, {})
  T.misuse("string expected", reg.territory, reg, true)
  T.misuse("terrind.Registry expected", reg.territory, {}, "x")
  T.misuse("table expected", terrind.Territory, "ti-1")
  T.misuse("string expected", terrind.Registry.from_string, nil)
  T.misuse("zero byte", reg.territory, reg, "ti\0x")
end)

T.case("misuse raises plain errors: fields", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  T.misuse("has no field 'nope'", function () return t.nope end)
  T.misuse("has no field 'nope'", function () t.nope = 1 end)
  T.misuse("read-only", function () t.id = "ti-2" end)
  T.misuse("bad value for field 'name'", function () t.name = {} end)
  T.misuse("bad value for field 'phase' (integer expected, got a fraction)",
           function () t.phase = 1.5 end)
  -- An integer is the right type; whether -1 is a phase is the library's call.
  T.raises("INVALID_VALUE", function () t.phase = -1 end)
  T.misuse("has no field 'regoin_code'", terrind.Territory,
           { id = "ti-1", name = "A", region = "84", regoin_code = "11" })
  T.misuse("bad key", terrind.Territory, { id = "ti-1", name = "A", region = "84", "x" })
end)

T.case("misuse raises plain errors: options", function ()
  T.misuse("unknown import option", terrind.Registry.from_string, EMPTY, { max_bites = 1 })
  T.misuse("integer out of range", terrind.Registry.from_string, EMPTY, { max_depth = -1 })
  local reg = T.sample(terrind)
  T.misuse("unknown remove option", reg.remove_territory, reg, "ti-1101", { cascde = true })
end)

T.case("errors are catchable and branch on code", function ()
  local reg = T.sample(terrind)
  local ok, err = pcall(reg.add_region, reg, { code = "84", name = "x" })
  T.eq(ok, false)
  local outcome = (err.code == "DUPLICATE") and "duplicate" or "other"
  T.eq(outcome, "duplicate")
end)

T.run()
