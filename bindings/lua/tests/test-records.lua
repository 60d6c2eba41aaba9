-- test-records.lua: designations and investments, the records of what was
-- done (the Python suite's test_records.py and the C suite's
-- test-records.c check the same)
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

T.case("the classes", function ()
  local d = terrind.Designation { id = "d-1", operator = "bf", territory = "ti-a", year = 2020,
                                  level = "priority", commitment = "bf-priority" }
  T.eq(d.id, "d-1")
  T.eq(d.year, 2020)
  T.eq(d.level, "priority")
  T.eq(d.commitment, "bf-priority")
  d.year = 2021
  d.level = "reinforced"
  T.eq(d.year, 2021)
  T.eq(d.level, "reinforced")
  T.raises("INVALID_VALUE", function ()
    return terrind.Designation { id = "d 1", operator = "bf", territory = "ti-a", year = 2020,
                                 level = "priority", commitment = "bf-priority" }
  end)
  local v = terrind.Investment { id = "i-1", operator = "bdt", territory = "ti-a", year = 2020,
                                 amount = 1500000, commitment = "bdt-equity", theme = "friches" }
  T.eq(v.amount, 1500000)
  T.eq(v.theme, "friches")
  T.eq(v.project, nil)
  v.theme = nil
  T.eq(v.theme, nil)
  T.raises("INVALID_VALUE", function () v.project = "two\nlines" end)
end)

T.case("add, look up, list and remove", function ()
  local reg = T.records(terrind)
  T.eq(reg.n_designations, 1)
  T.eq(reg.n_investments, 1)
  T.eq(reg:designation("d-1").level, "priority")
  T.eq(reg:investment("i-1").project, "Friche Nord")
  T.eq(reg:designation("nope"), nil)
  reg:add_designation { id = "d-0", operator = "bf", territory = "ti-a", year = 2021,
                        level = "reinforced", commitment = "bf-priority" }
  T.eq(T.ids(reg:designations()), "d-0,d-1")
  T.eq(T.count(reg:designations_of_commitment("bf-priority")), 2)
  T.eq(T.count(reg:investments_of_commitment("bdt-equity")), 1)
  T.eq(T.count(reg:investments()), 1)
  reg:remove_designation("d-0")
  reg:remove_investment("i-1")
  T.eq(reg.n_investments, 0)
  T.raises("NOT_FOUND", reg.remove_investment, reg, "i-1")
end)

local function refused(reg, add, fields, code)
  local before = reg:to_string()
  T.raises(code, add, reg, fields)
  T.eq(reg:to_string(), before, "registry unchanged")
end

local function d(id, op, ti, year, level, commitment)
  return { id = id, operator = op, territory = ti, year = year, level = level,
           commitment = commitment }
end

T.case("a designation's rules", function ()
  local reg = T.records(terrind)
  local add = reg.add_designation
  refused(reg, add, d("d-1", "bf", "ti-a", 2021, "priority", "bf-priority"), "DUPLICATE")
  refused(reg, add, d("d-x", "nope", "ti-a", 2021, "priority", "bf-priority"), "UNKNOWN_REFERENCE")
  refused(reg, add, d("d-x", "bf", "nope", 2021, "priority", "bf-priority"), "UNKNOWN_REFERENCE")
  refused(reg, add, d("d-x", "bf", "ti-a", 2021, "priority", "nope"), "UNKNOWN_REFERENCE")
  refused(reg, add, d("d-x", "bf", "ti-a", 2021, "priority", "bdt-equity"), "UNKNOWN_REFERENCE")
  refused(reg, add, d("d-x", "bf", "ti-a", 2021, "gold", "bf-priority"), "INVALID_VALUE")
  refused(reg, add, d("d-x", "bf", "ti-a", 2023, "priority", "bf-priority"), "INVALID_VALUE")
  refused(reg, add, d("d-x", "bf", "ti-a", 2020, "reinforced", "bf-priority"), "DUPLICATE")
end)

T.case("an investment's rules", function ()
  local reg = T.records(terrind)
  local add = reg.add_investment
  local function v(year, ti, commitment, theme)
    return { id = "i-x", operator = "bdt", territory = ti, year = year, amount = 1,
             commitment = commitment, theme = theme }
  end
  refused(reg, add, v(2018, "ti-a", "bdt-equity"), "INVALID_VALUE")
  refused(reg, add, v(2021, "ti-b", "bdt-equity"), "INVALID_VALUE")
  refused(reg, add, v(2021, "ti-a", "bdt-equity", "mobilité"), "INVALID_VALUE")
  refused(reg, add, v(2021, "ti-a", "bf-tool"), "UNKNOWN_REFERENCE")
end)

T.case("setters of records in a registry", function ()
  local reg = T.records(terrind)
  reg:add_designation(d("d-2", "bf", "ti-a", 2021, "priority", "bf-priority"))
  local before = reg:to_string()
  local d2 = reg:designation("d-2")
  T.raises("DUPLICATE", function () d2.year = 2020 end)
  T.raises("INVALID_VALUE", function () d2.level = "gold" end)
  T.raises("UNKNOWN_REFERENCE", function () d2.commitment = "bdt-equity" end)
  local i1 = reg:investment("i-1")
  T.raises("INVALID_VALUE", function () i1.theme = "mobilité" end)
  T.raises("INVALID_VALUE", function () i1.year = 2023 end)
  T.eq(reg:to_string(), before, "registry unchanged")
  d2.year = 2022
  i1.theme = "numérique"
  T.eq(reg:designation("d-2").year, 2022)
end)

T.case("removing what records refer to: IN_USE, or cascade", function ()
  local reg = T.records(terrind)
  local before = reg:to_string()
  T.raises("IN_USE", reg.remove_territory, reg, "ti-a")
  T.raises("IN_USE", reg.remove_operator, reg, "bf")
  T.raises("IN_USE", reg.remove_convention, reg, "conv-bdt")
  T.eq(reg:to_string(), before, "registry unchanged")
  reg:remove_convention("conv-bf", { cascade = true })
  T.eq(reg.n_designations, 0)
  reg:remove_territory("ti-a", { cascade = true })
  T.eq(reg.n_investments, 0)
end)

T.case("a transaction's cascade rolls back", function ()
  local reg = T.records(terrind)
  local before = reg:to_string()
  local sentinel = { "roll back" }
  local ok, err = pcall(reg.transaction, reg, function (tx)
    tx:remove("operator", "bdt", true)
    T.eq(reg.n_investments, 0)
    error(sentinel)
  end)
  T.eq(ok, false)
  T.truthy(rawequal(err, sentinel), "the very same error")
  T.eq(reg:to_string(), before, "registry unchanged")
end)

T.case("records survive the XML format", function ()
  local reg = T.records(terrind)
  local text = reg:to_string()
  T.truthy(text:find('version="2"', 1, true), "version 2")
  T.truthy(text:find("<designations>", 1, true), "designations written")
  local again = terrind.Registry.from_string(text)
  T.eq(again:to_string(), text)
  T.eq(again:investment("i-1").amount, 1500000)
end)

T.run()
