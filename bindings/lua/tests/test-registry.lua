-- test-registry.lua: adding, looking up, iterating, querying and removing
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

T.case("Registry.new and Registry{} are empty", function ()
  for _, reg in ipairs { terrind.Registry.new(), terrind.Registry {} } do
    T.eq(reg.n_regions, 0)
    T.eq(reg.n_territories, 0)
    T.eq(reg.n_operators, 0)
    T.eq(reg.n_conventions, 0)
    T.eq(reg.n_referents, 0)
    T.eq(T.count(reg:territories()), 0)
  end
  T.misuse("takes no fields", terrind.Registry, { x = 1 })
end)

T.case("adders take a wrapper or a table and return the wrapper", function ()
  local reg = terrind.Registry.new()
  local region = terrind.Region { code = "84", name = "AURA" }
  T.eq(reg:add_region(region), region)
  local t = reg:add_territory { id = "ti-8401", name = "A", region = "84" }
  T.eq(tostring(t), "terrind.Territory: ti-8401")
  T.eq(reg.n_territories, 1)
  -- The registry shares the object: a change through the wrapper shows.
  t.name = "Renamed"
  T.eq(reg:territory("ti-8401").name, "Renamed")
end)

T.case("lookups return the entity or nil", function ()
  local reg = T.sample(terrind)
  T.eq(reg:region("84").name, "Auvergne-Rhône-Alpes")
  T.eq(reg:territory("ti-8401").name, "Vallée de l'Arve")
  T.eq(reg:operator("pole-emploi").name, "France Travail")
  T.eq(reg:convention("conv-bf").place, "Lyon")
  T.eq(reg:commitment("bf-priority").targets[1].count, 20)
  T.eq(reg:referent("ref-2").person, "Paul Durand")
  for _, name in ipairs { "region", "territory", "operator", "convention", "commitment", "referent" } do
    T.eq(reg[name](reg, "missing"), nil, name)
  end
end)

T.case("iterators list in id order", function ()
  local reg = T.sample(terrind)
  T.eq(T.ids(reg:regions()), "11,84")
  T.eq(T.ids(reg:territories()), "ti-1101,ti-8401,ti-8402")
  T.eq(T.ids(reg:operators()), "business-france,pole-emploi")
  T.eq(T.ids(reg:conventions()), "conv-bf")
  T.eq(T.ids(reg:referents()), "ref-1,ref-2")
end)

T.case("queries", function ()
  local reg = T.sample(terrind)
  T.eq(T.ids(reg:territories_in_region("84")), "ti-8401,ti-8402")
  T.eq(T.ids(reg:territories_in_region("99")), "")
  T.eq(T.ids(reg:conventions_of_operator("business-france")), "conv-bf")
  T.eq(T.ids(reg:conventions_of_operator("pole-emploi")), "")
  T.eq(T.ids(reg:referents_of_territory("ti-8401")), "ref-1,ref-2")
  T.eq(T.ids(reg:referents_of_operator("pole-emploi")), "ref-2")
  T.eq(T.ids(reg:territories_without_referent("business-france")), "ti-1101,ti-8402")
  T.eq(reg:referent_for("business-france", "ti-8401").id, "ref-1")
  T.eq(reg:referent_for("business-france", "ti-8402"), nil)
  T.eq(reg:find_territory_by_member("200000172").id, "ti-8401")
  T.eq(reg:find_territory_by_member("200040715"), nil)
end)

T.case("replace_referent is the explicit way to change a referent", function ()
  local reg = T.sample(terrind)
  local new = { id = "ref-3", operator = "business-france", territory = "ti-8401",
                person = "Claire Petit" }
  T.raises("DUPLICATE", reg.add_referent, reg, new)
  reg:replace_referent(new)
  T.eq(reg:referent_for("business-france", "ti-8401").person, "Claire Petit")
  T.eq(reg.n_referents, 2)
end)

T.case("removing, with and without cascade", function ()
  local reg = T.sample(terrind)
  T.raises("IN_USE", reg.remove_territory, reg, "ti-8401")
  T.eq(reg.n_territories, 3)
  reg:remove_territory("ti-8401", { cascade = true })
  T.eq(reg.n_territories, 2)
  T.eq(reg.n_referents, 0)
  reg:remove_territory("ti-1101", { cascade = false })
  reg:remove_region("11")
  T.eq(reg:region("11"), nil)
  reg:remove_convention("conv-bf")
  T.eq(reg:commitment("bf-coach"), nil)
  reg:remove_operator("business-france")
  T.eq(reg.n_operators, 1)
  T.raises("NOT_FOUND", reg.remove_convention, reg, "conv-bf")
  reg:add_referent { id = "r", operator = "pole-emploi", territory = "ti-8402", person = "P" }
  T.raises("IN_USE", reg.remove_operator, reg, "pole-emploi")
  reg:remove_operator("pole-emploi", { cascade = true })
  T.eq(reg.n_referents, 0)
end)

T.case("a removed entity stays usable through its wrapper", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8402")
  reg:remove_territory("ti-8402")
  collectgarbage()
  T.eq(t.name, "Ardèche")
  -- It no longer belongs to a registry, so another one may take it.
  local other = terrind.Registry.new()
  other:add_region { code = "84", name = "AURA" }
  other:add_territory(t)
  T.eq(other:territory("ti-8402").name, "Ardèche")
end)

T.case("an iterator sees a snapshot, whatever the loop body removes", function ()
  local reg = T.sample(terrind)
  local seen = {}
  for t in reg:territories() do
    reg:remove_territory(t.id, { cascade = true })
    collectgarbage()
    seen[#seen + 1] = t.name
  end
  T.eq(#seen, 3)
  T.eq(reg.n_territories, 0)
end)

T.case("an iterator ends with nil and stays ended", function ()
  local reg = T.sample(terrind)
  local next_region = reg:regions()
  T.eq(next_region().code, "11")
  T.eq(next_region().code, "84")
  T.eq(next_region(), nil)
  T.eq(next_region(), nil)
end)

T.case("a registry equals another with the same content", function ()
  local a, b = T.sample(terrind), T.sample(terrind)
  T.eq(a == b, true)
  b:territory("ti-8402").name = "Changed"
  T.eq(a == b, false)
end)

T.run()
