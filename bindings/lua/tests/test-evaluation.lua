-- test-evaluation.lua: reg:evaluate{ date =, year =, phase = }, the findings
-- of terrind_registry_evaluate()
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- The registry is examples/commitments-demo.xml, whose comment lists every
-- expected status on 2021-06-30 (see docs/evaluation.md). The Python suite
-- (bindings/python/tests/test_evaluation.py) checks the same things.

local T = require "testlib"
local terrind = require "terrind"

local top_srcdir = os.getenv("TERRIND_TOP_SRCDIR")
  or ((os.getenv("TERRIND_LUA_TESTDIR") or ".") .. "/../../..")
local DEMO = top_srcdir .. "/examples/commitments-demo.xml"
local DATE = "2021-06-30"
local BF = "conv-2019-business-france"
local BDT = "conv-2019-banque-des-territoires"

local function demo()
  return terrind.Registry.load(DEMO)
end

-- The one finding of this commitment, measure and year (nil: whole period).
local function find(findings, commitment, measure, year)
  local found
  for _, f in ipairs(findings) do
    if f.commitment == commitment and f.measure == measure and f.year == year then
      T.eq(found, nil, "two findings for " .. commitment .. " " .. measure)
      found = f
    end
  end
  T.truthy(found, "a finding for " .. commitment .. " " .. measure .. " " .. tostring(year))
  return found
end

local function tf_ids(first, last)
  local ids = {}
  for i = first, last do
    ids[#ids + 1] = string.format("tf-%02d", i)
  end
  return table.concat(ids, ",")
end

-- A finding as one string, every field in order, so that a comparison
-- shows all of it.
local function show(f)
  return table.concat({ f.convention, f.commitment, f.kind, tostring(f.year), f.measure,
                        tostring(f.target), tostring(f.value), f.status,
                        "{" .. table.concat(f.territories, ",") .. "}" }, " ")
end

local function show_all(findings)
  local lines = {}
  for i, f in ipairs(findings) do
    lines[i] = show(f)
  end
  return table.concat(lines, "\n")
end

T.case("the demo has 51 findings, in order of convention and commitment", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  T.eq(#findings, 51)
  for i = 2, #findings do
    local a, b = findings[i - 1], findings[i]
    T.truthy(a.convention < b.convention
             or (a.convention == b.convention and a.commitment <= b.commitment), "order at " .. i)
  end
  T.eq(#reg:evaluate(), 51, "today: other statuses, same findings")
  T.eq(#reg:evaluate {}, 51)
end)

T.case("a finding is a plain table of the finding's fields", function ()
  local reg <close> = demo()
  local f = find(reg:evaluate { date = DATE }, "bf-priority-territories", "designations:priority", 2019)
  local keys = {}
  for k in pairs(f) do
    keys[#keys + 1] = k
  end
  table.sort(keys)
  T.eq(table.concat(keys, ","), "commitment,convention,kind,measure,status,target,territories,value,year")
  T.eq(getmetatable(f), nil)
  T.eq(math.type(f.year), "integer")
  T.eq(math.type(f.value), "integer")
  T.eq(#f.territories, 20)
end)

T.case("met", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  T.eq(show(find(findings, "bf-priority-territories", "designations:priority", 2020)),
       BF .. " bf-priority-territories yearly-target 2020 designations:priority 20 18 met {"
       .. tf_ids(1, 18) .. "}")
  T.eq(show(find(findings, "bf-coach-international", "referents")),
       BF .. " bf-coach-international referent-per-territory nil referents 26 26 met {}")
end)

T.case("partial", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  T.eq(show(find(findings, "bdt-equity-envelope", "investment", 2020)),
       BDT .. " bdt-equity-envelope money-envelope 2020 investment 100000000 40000000 partial {tf-19,tf-24}")
  T.eq(show(find(findings, "bdt-single-referent", "referents")),
       BDT .. " bdt-single-referent referent-per-territory nil referents 26 23 partial {tf-01,tf-02,tf-03}")
end)

T.case("missed", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  T.eq(show(find(findings, "bf-priority-territories", "designations:reinforced", 2021)),
       BF .. " bf-priority-territories yearly-target 2021 designations:reinforced 5 0 missed {}")
  local f = find(findings, "bpi-single-referent", "referents")
  T.eq(f.status .. " " .. f.value .. " " .. #f.territories, "missed 0 26")
end)

T.case("not-measurable", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  T.eq(show(find(findings, "pe-formadiag", "none")),
       "conv-2019-pole-emploi pe-formadiag tool nil none nil 0 not-measurable {}")
  local ids = {}
  for _, f in ipairs(findings) do
    if f.status == "not-measurable" then
      ids[#ids + 1] = f.commitment
    end
  end
  table.sort(ids)
  T.eq(table.concat(ids, ","), "bpi-accelerators,bpi-vte-experiment,pe-formadiag")
end)

T.case("pending and info", function ()
  local reg <close> = demo()
  local findings = reg:evaluate { date = DATE }
  local f = find(findings, "bf-priority-territories", "designations:priority", 2022)
  T.eq(f.target .. " " .. f.value .. " " .. f.status, "20 0 pending")
  f = find(findings, "bdt-equity-envelope", "investment:theme:numérique", 2020)
  T.eq(show(f), BDT .. " bdt-equity-envelope money-envelope 2020 investment:theme:numérique nil 0 info {}")
  f = find(findings, "bdt-engineering-envelope", "investment")
  T.eq(tostring(f.year) .. " " .. tostring(f.target) .. " " .. f.value .. " " .. f.status,
       "nil nil 200000 info")
end)

T.case("the date", function ()
  local reg <close> = demo()
  -- Before the three Banque des Territoires referents left office, and
  -- before 2021 was over.
  local findings = reg:evaluate { date = "2020-06-30" }
  T.eq(find(findings, "bdt-single-referent", "referents").status, "met")
  local f = find(findings, "bf-priority-territories", "designations:priority", 2021)
  T.eq(f.value .. " " .. f.status, "17 pending")
end)

T.case("the year filter", function ()
  local reg <close> = demo()
  for _, case in ipairs { { 2019, 22 }, { 2020, 21 }, { 2021, 19 }, { 2022, 22 }, { 2018, 11 } } do
    local year, count = case[1], case[2]
    local findings = reg:evaluate { date = DATE, year = year }
    T.eq(#findings, count, "findings of " .. year)
    local whole = 0
    for _, f in ipairs(findings) do
      if f.year == nil then
        whole = whole + 1
      else
        T.eq(f.year, year)
      end
    end
    -- The whole-period findings are kept whatever the year.
    T.eq(whole, 11, "whole-period findings of " .. year)
  end
end)

T.case("the phase filter", function ()
  local reg <close> = demo()
  T.eq(show_all(reg:evaluate { date = DATE, phase = 1 }), show_all(reg:evaluate { date = DATE }))
  T.raises("NOT_FOUND", reg.evaluate, reg, { date = DATE, phase = 2 })
  reg:add_phase { number = 2, name = "Phase 2", first_year = 2023, last_year = 2027 }
  T.eq(#reg:evaluate { date = DATE, phase = 2 }, 0)
  T.eq(#reg:evaluate { date = DATE, year = 2019, phase = 1 }, 22)
end)

T.case("the findings are a copy", function ()
  local reg = demo()
  local findings = reg:evaluate { date = DATE }
  reg:remove_designation("des-2020-tf-01")
  T.eq(find(findings, "bf-priority-territories", "designations:priority", 2020).value, 18)
  T.eq(find(reg:evaluate { date = DATE }, "bf-priority-territories",
            "designations:priority", 2020).value, 17)
  reg:close()
  T.eq(#findings, 51)
  T.eq(findings[1].convention, BDT)
end)

T.case("bad arguments are misuse", function ()
  local reg <close> = demo()
  T.misuse("table expected", reg.evaluate, reg, DATE)
  T.misuse("table expected", reg.evaluate, reg, 2021)
  T.misuse("unknown evaluation option", reg.evaluate, reg, { colour = "blue" })
  T.misuse("unknown evaluation option", reg.evaluate, reg, { DATE })
  T.misuse("bad value for field 'date' (string or nil expected, got boolean)",
           reg.evaluate, reg, { date = true })
  T.raises("INVALID_VALUE", reg.evaluate, reg, { date = 20210630 })
  T.misuse("bad value for field 'date' (string contains a zero byte)",
           reg.evaluate, reg, { date = "2021-06-30\0" })
  T.misuse("bad value for field 'year' (integer expected, got string)",
           reg.evaluate, reg, { year = "this year" })
  T.misuse("bad value for field 'year' (integer expected, got a fraction)",
           reg.evaluate, reg, { year = "2021.5" })
  T.misuse("bad value for field 'year' (integer expected, got a fraction)",
           reg.evaluate, reg, { year = 2021.5 })
  T.misuse("bad value for field 'year' (integer out of range)", reg.evaluate, reg, { year = -1 })
  T.misuse("bad value for field 'phase' (integer expected, got boolean)",
           reg.evaluate, reg, { phase = true })
  T.misuse("bad value for field 'phase' (integer out of range)",
           reg.evaluate, reg, { phase = 1 << 40 })
  T.misuse("Registry expected", reg.evaluate, "registry")
end)

T.case("invalid values are INVALID_VALUE", function ()
  local reg <close> = demo()
  for _, options in ipairs { { date = "2021-02-30" }, { date = "30/06/2021" }, { date = "" },
                             { year = 1899 }, { year = 2201 }, { year = 0 }, { phase = 0 } } do
    local err = T.raises("INVALID_VALUE", reg.evaluate, reg, options)
    T.eq(getmetatable(err), getmetatable(T.raises("NOT_FOUND", reg.evaluate, reg, { phase = 3 })))
  end
  T.eq(#terrind.Registry.new():evaluate(), 0)
end)

T.case("a closed registry", function ()
  local reg = demo()
  reg:close()
  T.misuse("attempt to use a closed terrind Registry", reg.evaluate, reg)
  T.misuse("attempt to use a closed terrind Registry", reg.evaluate, reg,
           { date = DATE, year = 2021, phase = 1 })
end)

local during = T.during

-- The call returns the findings of the registry as it was before the
-- finalizer ran or after it, or raises that the registry is closed.
local function evaluate_during(make, action)
  local reg = make()
  local before = show_all(reg:evaluate { date = DATE })
  action(reg)
  local still_open, after = pcall(function () return show_all(reg:evaluate { date = DATE }) end)
  if not still_open then
    after = nil
  end
  reg:close()
  local options = { date = DATE }
  for _ = 1, 20 do
    reg = make()
    local ok, result = during(function () action(reg) end,
                              function () return reg:evaluate(options) end)
    if ok then
      local shown = show_all(result)
      T.truthy(shown == before or shown == after, "findings before or after the finalizer")
    else
      T.truthy(tostring(result):find("attempt to use a closed terrind Registry", 1, true),
               tostring(result))
    end
    reg:close()
  end
  return before, after
end

T.case("a finalizer that closes the registry or removes records inside evaluate()", function ()
  local function closing(reg) reg:close() end
  local function removing(reg) pcall(reg.remove_designation, reg, "d-1") end
  local function cascading(reg)
    pcall(reg.remove_territory, reg, "ti-a", { cascade = true })
    pcall(reg.remove_territory, reg, "ti-b", { cascade = true })
  end
  local function records() return T.records(terrind) end
  local before = evaluate_during(records, closing)
  T.eq(select(2, before:gsub("\n", "")) + 1, 24)
  local _, after = evaluate_during(records, removing)
  T.truthy(after:find("bf-priority yearly-target 2020 designations:priority 20 0 missed", 1, true), after)
  evaluate_during(records, cascading)
  evaluate_during(demo, closing)
end)

T.run()
