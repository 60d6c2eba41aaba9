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

T.case("the default registry holds the 332 territories of phases 1 and 2", function ()
  local reg = terrind.Registry.default()
  T.eq(T.count(reg:territories()), 332)
  T.eq(reg.n_territories, 332)
  T.eq(reg.n_regions, 18)
  T.eq(reg.n_conventions, 4)
  T.eq(reg.n_referents, 0)
  -- Phase 1 (2018-2022): its 149 territories are ti-XXXX; phase 2
  -- (2023-2027): its 183 are p2-ti-XXXX, of ANCT id ti-XXXX.
  T.eq(reg.n_phases, 2)
  T.eq(T.ids(reg:phases()), "1,2")
  T.eq(reg:phase(1).first_year, 2018)
  T.eq(reg:phase(1).last_year, 2022)
  T.eq(reg:phase(2).first_year, 2023)
  T.eq(reg:phase(2).last_year, 2027)
  T.eq(T.count(reg:territories_in_phase(1)), 149)
  T.eq(T.count(reg:territories_in_phase(2)), 183)
  T.eq(T.count(reg:territories_in_phase(3)), 0)
  local members = { {}, {} }
  local n_members = { 0, 0 }
  for phase = 1, 2 do
    for t in reg:territories_in_phase(phase) do
      T.eq(t.phase, phase, t.id)
      if phase == 1 then
        T.truthy(t.id:match("^ti%-%d%d%d%d$"), t.id)
        T.eq(t.anct_id, nil, t.id)
      else
        T.eq(t.id, "p2-" .. t.anct_id)
      end
      for _, siren in ipairs(t.members) do
        if not members[phase][siren] then
          members[phase][siren] = true
          n_members[phase] = n_members[phase] + 1
        end
      end
    end
  end
  local n_both = 0
  for siren in pairs(members[1]) do
    if members[2][siren] then n_both = n_both + 1 end
  end
  T.eq(n_members[1], 588)
  T.eq(n_members[2], 641)
  T.eq(n_both, 478)
  T.eq(reg:phase_on("2020-06-01").number, 1)
  T.eq(reg:phase_on("2024-06-01").number, 2)
  -- The current phase's territories, as the README shows them.
  T.eq(T.ids(reg:territories_in_phase(reg:phase_on("2024-06-01").number)),
       T.ids(reg:territories_in_phase(2)))
  local current = reg:phase_on()
  T.truthy(current == nil or current.number == 1 or current.number == 2, "today's phase")
  -- A territory without a phase, or of a phase 3, is refused.
  T.raises("UNKNOWN_REFERENCE", function ()
    reg:add_territory { id = "ti-9999", name = "Sans phase", region = "84" }
  end)
  T.raises("UNKNOWN_REFERENCE", function ()
    reg:add_territory { id = "ti-9999", name = "Phase 3", region = "84", phase = 3 }
  end)
  T.eq(reg:territory("ti-9999"), nil)
  T.eq(reg:find_territory_by_anct_id("ti-8401", 2).id, "p2-ti-8401")
  for v in reg:conventions() do T.eq(v.phase, 1, v.id) end
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
