-- test-module.lua: loading the module, its contents, the embedded dataset
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

T.case("require returns the module table once", function ()
  T.eq(type(terrind), "table")
  T.eq(require "terrind", terrind)
  T.eq(package.loaded.terrind, terrind)
end)

T.case("the module has a class per type", function ()
  for _, name in ipairs { "Region", "Territory", "Operator", "Commitment", "Convention",
                          "Referent", "Registry" } do
    T.eq(type(terrind[name]), "table", name)
  end
  T.eq(type(terrind.Registry.new), "function")
  T.eq(type(terrind.Registry.default), "function")
  T.eq(type(terrind.Registry.load), "function")
  T.eq(type(terrind.Registry.from_string), "function")
end)

T.case("VERSION is the library version", function ()
  T.truthy(terrind.VERSION:match("^%d+%.%d+%.%d+$"), "VERSION " .. terrind.VERSION)
end)

T.case("Error is the metatable of raised errors", function ()
  local err = T.raises("INVALID_VALUE", terrind.Region, { code = "not valid", name = "x" })
  T.eq(getmetatable(err), terrind.Error)
end)

T.case("the default registry holds the 149 territories of phase 1", function ()
  local reg = terrind.Registry.default()
  T.eq(T.count(reg:territories()), 149)
  T.eq(reg.n_territories, 149)
  T.eq(reg.n_regions, T.count(reg:regions()))
  T.eq(reg.n_operators, T.count(reg:operators()))
  T.eq(reg.n_conventions, T.count(reg:conventions()))
end)

T.case("each call to Registry.default gives a registry of its own", function ()
  local a, b = terrind.Registry.default(), terrind.Registry.default()
  T.truthy(a == b, "equal by value")
end)

T.case("wrapper metatables are not reachable from scripts", function ()
  local reg = terrind.Registry.new()
  T.eq(getmetatable(reg), "terrind.Registry")
  T.eq(getmetatable(terrind.Region { code = "84", name = "x" }), "terrind.Region")
end)

T.case("type names show in tostring", function ()
  local reg = terrind.Registry.new()
  T.truthy(tostring(reg):find("^terrind%.Registry: 0 regions"), tostring(reg))
  T.eq(tostring(terrind.Region { code = "84", name = "x" }), "terrind.Region: 84")
end)

T.run()
