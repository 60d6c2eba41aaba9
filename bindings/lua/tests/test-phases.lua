-- test-phases.lua: phases, ANCT ids and the queries across phases (the
-- Python suite's test_phases.py checks the same)
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

T.case("phases: add, look up by number or its text, iterate", function ()
  local reg = T.phased(terrind)
  T.eq(reg.n_phases, 2)
  T.eq(T.ids(reg:phases()), "1,2")
  local p = reg:phase(2)
  T.eq(p.number, 2)
  T.eq(p.id, 2, "id is an alias of number")
  T.eq(p.name, "Territoires d'industrie 2023-2027")
  T.eq(reg:phase("2"), p)
  T.eq(reg:phase(1).announced, "2018-11-22")
  T.eq(p.announced, nil)
  T.eq(reg:phase(3), nil)
  T.eq(reg:phase("02"), nil)
  T.eq(reg:phase(-1), nil)
  T.eq(tostring(p), "terrind.Phase: 2")
  T.misuse("number has no integer representation", function () return reg:phase(1.5) end)
  T.misuse("string expected", function () return reg:phase(true) end)
  T.eq(reg:phase(2.0), p, "a float with an integral value is that integer")
  T.eq(reg:territory(1), nil, "a number is an id as Lua writes it")
  T.eq(getmetatable(p), getmetatable(terrind.Phase { number = 5, name = "Cinq", first_year = 2031,
                                                     last_year = 2035 }))
end)

T.case("find_territory_by_anct_id for each phase", function ()
  local reg = T.phased(terrind)
  T.eq(reg:find_territory_by_anct_id("ti-0101", 1).id, "ti-0101")
  T.eq(reg:find_territory_by_anct_id("ti-0101", 2).id, "p2-ti-0101")
  T.eq(reg:find_territory_by_anct_id("ti-0101", 3), nil)
  T.eq(reg:find_territory_by_anct_id("ti-9999", 1), nil)
  T.eq(reg:territory("p2-ti-0101").anct_id, "ti-0101")
  T.eq(reg:territory("ti-0101").anct_id, nil, "unset, the field reads nil")
end)

T.case("territories_by_anct_id in order of phase", function ()
  local reg = T.phased(terrind)
  T.eq(T.ids(reg:territories_by_anct_id("ti-0101")), "ti-0101,p2-ti-0101")
  T.eq(T.count(reg:territories_by_anct_id("ti-9999")), 0)
end)

T.case("related_territories both ways", function ()
  local reg = T.phased(terrind)
  T.eq(T.ids(reg:related_territories("ti-0101")), "p2-ti-0101")
  T.eq(T.ids(reg:related_territories(reg:territory("p2-ti-0101"))), "ti-0101")
  T.eq(T.count(reg:related_territories("ti-0102")), 0)
  T.raises("NOT_FOUND", function () return reg:related_territories("ti-9999") end)
  T.misuse("Territory expected", function () return reg:related_territories(true) end)
  T.raises("NOT_FOUND", function () return reg:related_territories(5) end)
end)

T.case("territories_by_member across phases", function ()
  local reg = T.phased(terrind)
  T.eq(T.ids(reg:territories_by_member(T.SIREN_SHARED)), "p2-ti-0101,ti-0101")
  T.eq(T.ids(reg:territories_by_member(T.SIREN_OTHER)), "ti-0102")
  T.eq(T.count(reg:territories_by_member("200000000")), 0)
end)

T.case("territories_in_phase", function ()
  local reg = T.phased(terrind)
  T.eq(T.ids(reg:territories_in_phase(1)), "ti-0101,ti-0102")
  T.eq(T.ids(reg:territories_in_phase(2)), "p2-ti-0101")
  T.eq(T.count(reg:territories_in_phase(3)), 0)
  T.misuse("number expected", function () return reg:territories_in_phase("one") end)
end)

T.case("coverage by phase: territories_without_referent(operator, phase)", function ()
  local reg = T.phased(terrind)
  reg:add_operator(terrind.Operator { id = "bpifrance", name = "Bpifrance" })
  reg:add_referent(terrind.Referent { id = "r-1", operator = "bpifrance", territory = "p2-ti-0101",
                                      person = "Jeanne Martin" })
  T.eq(T.ids(reg:territories_without_referent("bpifrance")), "ti-0101,ti-0102")
  T.eq(T.ids(reg:territories_without_referent("bpifrance", 1)), "ti-0101,ti-0102")
  T.eq(T.count(reg:territories_without_referent("bpifrance", 2)), 0)
  -- As for every query of an unknown id in Lua: nothing to iterate.
  T.eq(T.count(reg:territories_without_referent("nobody", 1)), 0)
  T.misuse("number expected", function () return reg:territories_without_referent("bpifrance", "two") end)
end)

T.case("phase_on", function ()
  local reg = T.phased(terrind)
  T.eq(reg:phase_on("2024-05-01").number, 2)
  T.eq(reg:phase_on("2019-01-01").number, 1)
  T.eq(reg:phase_on("2010-01-01"), nil)
  local today = reg:phase_on()
  T.truthy(today == nil or today.number ~= nil, "today: a phase or nil")
end)

T.case("a territory of an undefined phase is refused", function ()
  local reg = T.phased(terrind)
  T.raises("UNKNOWN_REFERENCE", function ()
    reg:add_territory { id = "ti-0103", name = "Trois", region = "01", phase = 3 }
  end)
  T.eq(reg:territory("ti-0103"), nil)
end)

T.case("an ANCT id is unique in its phase", function ()
  local reg = T.phased(terrind)
  T.raises("DUPLICATE", function ()
    reg:add_territory { id = "p2-other", name = "Autre", region = "01", phase = 2,
                        anct_id = "ti-0101" }
  end)
  T.eq(reg:territory("p2-other"), nil)
end)

T.case("members read as SIRENs; add_member takes a name and a kind", function ()
  local reg = T.phased(terrind)
  local t = reg:territory("ti-0102")
  t:add_member("200018653", "CA CAP Excellence", "epci")
  local members = t.members
  T.eq(#members, 2)
  T.eq(members[1], "200018653")
  T.eq(members[2], T.SIREN_OTHER)
  T.eq(T.ids(reg:territories_by_member("200018653")), "p2-ti-0101,ti-0101,ti-0102")
end)

T.case("phases round-trip through XML and can be removed", function ()
  local reg = T.phased(terrind)
  local again = terrind.Registry.from_string(reg:to_string())
  T.truthy(again == reg, "equal after a round trip")
  T.eq(again:find_territory_by_anct_id("ti-0101", 2).id, "p2-ti-0101")
  local empty = terrind.Registry.new()
  empty:add_phase(terrind.Phase { number = 1, name = "Un", first_year = 2018, last_year = 2022 })
  empty:add_phase { number = 2, name = "Deux", first_year = 2023, last_year = 2027 }
  empty:remove_phase(2)
  empty:remove_phase("1")
  T.eq(empty.n_phases, 0)
  T.raises("NOT_FOUND", function () empty:remove_phase(1) end)
end)

T.case("the phase queries of a closed registry raise", function ()
  local reg = T.phased(terrind)
  reg:close()
  for _, call in ipairs {
    function () return reg:phases() end,
    function () return reg:phase(1) end,
    function () return reg:territories_in_phase(1) end,
    function () return reg:find_territory_by_anct_id("ti-0101", 1) end,
    function () return reg:territories_by_anct_id("ti-0101") end,
    function () return reg:territories_by_member(T.SIREN_SHARED) end,
    function () return reg:related_territories("ti-0101") end,
    function () return reg:phase_on("2024-05-01") end,
  } do
    T.misuse("closed terrind Registry", call)
  end
end)

T.run()
