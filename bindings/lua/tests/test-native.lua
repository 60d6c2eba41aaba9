-- test-native.lua: what makes the binding feel like Lua: numbers and
-- strings converted as the standard library converts them, list fields
-- that keep their table while unchanged, error values with every part of
-- their location, entity:to_dict() and reg:to_dicts(kind)
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local TMPDIR = os.getenv("TERRIND_LUA_TMPDIR") or "."

-- Deep equality of plain data (strings, numbers, booleans, tables).
local function same(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then
    return a == b and math.type(a) == math.type(b)
  end
  for k, v in pairs(a) do
    if not same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

-- Numbers and strings

T.case("a number is accepted where a string id is expected", function ()
  local reg = T.sample(terrind)
  T.eq(reg:region(84).name, "Auvergne-Rhône-Alpes")
  T.eq(T.ids(reg:territories_in_region(84)), "ti-8401,ti-8402")
  T.eq(reg:find_territory_by_member(200000172).id, "ti-8401")
  T.eq(T.count(reg:territories_by_member(200000172)), 1)
  T.eq(reg:territory(8401), nil, "8401 is the id \"8401\"")
  -- A float is written as Lua writes it: 84.0 is "84.0", no region's code.
  T.eq(reg:region(84.0), nil)
  local t = reg:territory("ti-8401")
  T.eq(t:has_member(200000172), true)
  t:add_department(73)
  T.truthy(same(t.departments, { "74", "73" }), "departments")
  T.raises("IN_USE", reg.remove_region, reg, 84)
  reg:add_region { code = 76, name = "Occitanie" }
  T.eq(reg:region("76").code, "76")
  reg:remove_region(76)
  T.eq(reg:region(76), nil)
end)

T.case("a number is accepted for a string field, in constructors and assignments", function ()
  local reg = T.sample(terrind)
  local t = reg:add_territory { id = "ti-8499", name = 8499, region = 84 }
  T.eq(t.region, "84")
  T.eq(t.name, "8499")
  t.region = 11
  T.eq(t.region, "11")
  reg:transaction(function (tx) tx:set("territory", "ti-8499", "name", 42) end)
  T.eq(t.name, "42")
  -- Other types are still misuse.
  T.misuse("bad value for field 'name' (string expected, got table)", function () t.name = {} end)
  T.misuse("(string expected, got boolean)", reg.region, reg, true)
end)

T.case("integers: from integral floats and from strings, fractions refused", function ()
  local reg = T.phased(terrind)
  T.eq(T.count(reg:territories_in_phase(1.0)), 2)
  T.eq(T.count(reg:territories_in_phase("1")), 2)
  T.misuse("number has no integer representation", reg.territories_in_phase, reg, 1.5)
  T.eq(reg:phase(2.0).number, 2)
  T.eq(reg:phase("2").number, 2)
  T.misuse("number has no integer representation", reg.phase, reg, 2.5)
  T.eq(reg:find_territory_by_anct_id("ti-0101", 2.0).id, "p2-ti-0101")
  local t = reg:territory("ti-0102")
  t.phase = "2"
  T.eq(t.phase, 2)
  t.phase = 1.0
  T.eq(math.type(t.phase), "integer")
  T.misuse("bad value for field 'phase' (integer expected, got a fraction)",
           function () t.phase = 1.5 end)
  T.misuse("bad value for field 'phase' (integer expected, got a fraction)",
           function () t.phase = "1.5" end)
  T.misuse("bad value for field 'phase' (integer out of range)", function () t.phase = 2^63 end)
  T.misuse("bad value for field 'phase' (integer expected, got string)",
           function () t.phase = "one" end)
  T.eq(t.phase, 1, "unchanged by the refused values")
  local c = terrind.Commitment { id = "c", kind = "yearly-target", text = "t",
                                 first_year = "2019", last_year = 2020.0,
                                 targets = { { level = "priority", count = "20" } } }
  T.eq(c.first_year, 2019)
  T.eq(c.targets[1].count, 20)
  c:set_years("2020", 2021.0)
  T.eq(c.last_year, 2021)
  T.misuse("number has no integer representation", c.add_target, c, "reinforced", 2.5)
end)

-- List fields

T.case("a list field reads as the same table while nothing changed", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local members = t.members
  T.truthy(rawequal(t.members, members), "same table on the same wrapper")
  T.truthy(rawequal(reg:territory("ti-8401").members, members), "and through another wrapper")
  local empty = reg:territory("ti-8402").members
  T.truthy(rawequal(reg:territory("ti-8402").members, empty), "an empty list too")
  local targets = reg:commitment("bf-priority").targets
  T.truthy(rawequal(reg:commitment("bf-priority").targets, targets), "a list of item tables")
  local former = reg:operator("pole-emploi").former_names
  T.truthy(rawequal(reg:operator("pole-emploi").former_names, former), "former names")
  local signatories = reg:convention("conv-bf").signatories
  T.truthy(rawequal(reg:convention("conv-bf").signatories, signatories), "signatories")
end)

T.case("a changed entity never reads a stale list", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local before = t.members
  t:add_member(T.SIREN_SHARED)
  local after = t.members
  T.truthy(not rawequal(after, before), "a new table")
  T.eq(#after, 2)
  T.eq(#before, 1, "the old table is as it was read")
  t:remove_member(T.SIREN_SHARED)
  T.truthy(same(t.members, before), "back to one member")

  local op = reg:operator("business-france")
  local names = op.former_names
  op:rename("Business France SA", "2024-01-01")
  T.eq(#op.former_names, #names + 1)
  T.eq(op.former_names[#op.former_names].name, "Business France")

  local c = reg:commitment("bf-priority")
  local targets = c.targets
  c:add_target("standard", 3)
  T.eq(#c.targets, 3)
  T.eq(#targets, 2)

  local conv = reg:convention("conv-bf")
  local signatories = conv.signatories
  conv:add_signatory("Bruno Le Maire", "Ministre")
  T.eq(#conv.signatories, 2)
  T.eq(#signatories, 1)

  -- A change elsewhere in the registry leaves other entities' tables.
  local kept = reg:territory("ti-1101").departments
  reg:add_region { code = "76", name = "Occitanie" }
  T.truthy(rawequal(reg:territory("ti-1101").departments, kept), "unrelated change")
end)

T.case("a list table the script changed is not handed out again", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local members = t.members
  members[1] = "999999999"
  T.truthy(not rawequal(t.members, members), "changed value")
  T.eq(t.members[1], "200000172")
  members = t.members
  members[2] = "x"
  T.truthy(not rawequal(t.members, members), "added item")
  members = t.members
  members.note = "x"
  T.truthy(not rawequal(t.members, members), "added key")
  members = t.members
  setmetatable(members, {})
  T.truthy(not rawequal(t.members, members), "a metatable")
  local c = reg:commitment("bf-priority")
  local targets = c.targets
  targets[1].count = 99
  T.eq(c.targets[1].count, 20)
  T.truthy(not rawequal(c.targets, targets), "changed item")
  targets = c.targets
  targets[2].note = "x"
  T.truthy(not rawequal(c.targets, targets), "item with an extra key")
  targets = c.targets
  targets[2].count = 5.0
  T.truthy(not rawequal(c.targets, targets), "a float is not the integer read")
  T.eq(math.type(c.targets[2].count), "integer")
  local op = reg:operator("pole-emploi")
  local former = op.former_names
  former[1]["until"] = nil
  T.eq(op.former_names[1]["until"], "2023-12-31")
end)

-- Errors

T.case("an I/O error names its file, with no line", function ()
  local missing = "/nonexistent/registry.xml"
  local err = T.raises("IO", terrind.Registry.load, missing)
  T.eq(err.file, missing)
  T.eq(err.line, nil)
  T.eq(err.column, nil)
  T.eq(err.domain, "TerrindError")
  T.truthy(err.message:find(missing, 1, true), err.message)
  local reg = T.sample(terrind)
  err = T.raises("IO", reg.import_file, reg, missing)
  T.eq(err.file, missing)
  local out = "/nonexistent/dir/out.xml"
  err = T.raises("IO", reg.save, reg, out)
  T.eq(err.file, out)
  T.eq(err.line, nil)
  T.truthy(tostring(err):find(out, 1, true), tostring(err))
end)

T.case("a parse error in a file names the file, line and column", function ()
  local path = TMPDIR .. "/test-native-broken.xml"
  local f = assert(io.open(path, "w"))
  f:write('<?xml version="1.0" encoding="UTF-8"?>\n<registry xmlns="urn:libterrind:registry"'
          .. ' version="1">\n  <regions>\n</registry>\n')
  f:close()
  local err = T.raises("PARSE", terrind.Registry.load, path)
  os.remove(path)
  T.eq(err.file, path)
  T.eq(math.type(err.line), "integer")
  T.truthy(err.line >= 2, "line " .. tostring(err.line))
  T.truthy(err.column == nil or (math.type(err.column) == "integer" and err.column >= 1),
           "column")
  -- An error with no place has none of the three.
  err = T.raises("INVALID_VALUE", terrind.Region, { code = "8 4", name = "x" })
  T.eq(err.file, nil)
  T.eq(err.line, nil)
  T.eq(err.column, nil)
end)

-- Dictionaries

local function kind_fields()
  local kinds = terrind.kinds()
  local names = {}
  for name in pairs(kinds) do names[#names + 1] = name end
  table.sort(names)
  return kinds, names
end

-- Checks reg:to_dicts(kind) for every kind against the entities' own
-- fields and to_dict(); returns how many entities it saw.
local function check_to_dicts(reg)
  local kinds, names = kind_fields()
  local seen = 0
  for _, kind in ipairs(names) do
    local fields = kinds[kind]
    local dicts = reg:to_dicts(kind)
    T.eq(type(dicts), "table", kind)
    local counted = 0
    if kind == "commitment" then
      for conv in reg:conventions() do counted = counted + conv.n_commitments end
    else
      counted = reg["n_" .. (kind == "territory" and "territories" or kind .. "s")]
    end
    T.eq(#dicts, counted, kind)
    local allowed = {}
    for _, f in ipairs(fields) do allowed[f] = true end
    for i, d in ipairs(dicts) do
      for k in pairs(d) do
        T.truthy(allowed[k], kind .. ": unexpected key " .. tostring(k))
      end
      -- Each is what the entity's own fields read, and its to_dict().
      local entity = reg[kind](reg, d[fields[1]])
      T.truthy(entity ~= nil, kind .. " " .. tostring(d[fields[1]]))
      for _, f in ipairs(fields) do
        T.truthy(same(d[f], entity[f]), kind .. "." .. f)
      end
      T.truthy(same(entity:to_dict(), d), kind .. ":to_dict()")
      if i > 1 then
        T.truthy(tostring(dicts[i - 1][fields[1]]) < tostring(d[fields[1]]) or
                 math.type(d[fields[1]]) == "integer", kind .. ": id order")
      end
      seen = seen + 1
    end
  end
  return seen
end

T.case("to_dicts(kind) on every kind: the sample and records registries", function ()
  T.eq(check_to_dicts(T.sample(terrind)), 2 + 2 + 3 + 1 + 2 + 2)
  T.eq(check_to_dicts(T.records(terrind)), 2 + 1 + 2 + 2 + 2 + 3 + 1 + 1)
end)

T.case("to_dicts(kind) on every kind of the default dataset", function ()
  local reg <close> = terrind.Registry.default()
  local seen = check_to_dicts(reg)
  T.truthy(seen > 332, "entities seen: " .. seen)
  -- Values by type.
  local t = reg:to_dicts("territory")[1]
  T.eq(type(t.id), "string")
  T.eq(math.type(t.phase), "integer")
  T.eq(type(t.members), "table")
  T.eq(type(t.members[1]), "string")
  local p = reg:to_dicts("phase")
  T.eq(#p, 2)
  T.eq(math.type(p[1].number), "integer")
  T.eq(math.type(p[1].first_year), "integer")
  local commitments = reg:to_dicts("commitment")
  for _, c in ipairs(commitments) do
    T.truthy(c.approximate == nil or type(c.approximate) == "boolean", "approximate")
    for _, target in ipairs(c.targets) do
      T.eq(math.type(target.count), "integer")
      T.eq(type(target.level), "string")
    end
  end
end)

T.case("to_dict(): every field set, lists as nested tables, a fresh table each call", function ()
  local reg = T.sample(terrind)
  local d = reg:referent("ref-1"):to_dict()
  T.truthy(same(d, { id = "ref-1", operator = "business-france", territory = "ti-8401",
                     person = "Jeanne Martin", email = "jeanne.martin@businessfrance.fr" }),
           "unset fields are absent")
  local c = reg:commitment("bf-priority")
  d = c:to_dict()
  T.eq(d.convention, "conv-bf")
  T.eq(d.approximate, true)
  T.truthy(same(d.targets, { { level = "priority", count = 20 },
                             { level = "reinforced", count = 5 } }), "targets")
  T.truthy(same(d.themes, {}), "an empty list is an empty table")
  local again = c:to_dict()
  T.truthy(not rawequal(again, d) and not rawequal(again.targets, d.targets), "fresh")
  T.truthy(not rawequal(d.targets, c.targets), "not the field's cached table")
  d.targets[1].count = 1
  T.eq(c.targets[1].count, 20, "changing the table changes nothing else")
  local op = terrind.Operator { id = "op", name = "Op",
                                former_names = { { name = "Ancien", ["until"] = "2020-01-01" } } }
  T.truthy(same(op:to_dict(), { id = "op", name = "Op",
                                former_names = { { name = "Ancien", ["until"] = "2020-01-01" } } }),
           "an entity of no registry")
  local p = terrind.Phase { number = 3, name = "Trois", first_year = 2028, last_year = 2032 }
  T.truthy(same(p:to_dict(), { number = 3, name = "Trois", first_year = 2028, last_year = 2032 }),
           "phase")
end)

T.case("to_dict and to_dicts: misuse and closed objects", function ()
  local reg = T.sample(terrind)
  T.misuse("there is no kind of entity called 'nothing'", reg.to_dicts, reg, "nothing")
  T.misuse("there is no kind of entity called '3'", reg.to_dicts, reg, 3)
  T.misuse("string expected", reg.to_dicts, reg, nil)
  T.misuse("Registry expected", reg.to_dicts, "registry", "region")
  T.misuse("terrind.Territory expected", reg:territory("ti-8401").to_dict, reg)
  T.eq(#terrind.Registry.new():to_dicts("territory"), 0)
  local t = reg:territory("ti-8401")
  local dicts = reg:to_dicts("territory")
  reg:close()
  T.misuse("registry is closed", t.to_dict, t)
  T.misuse("attempt to use a closed terrind Registry", reg.to_dicts, reg, "territory")
  T.eq(dicts[1].id, "ti-1101", "tables already made stay as they are")
  local lone = terrind.Region { code = "84", name = "x" }
  lone:close()
  T.misuse("attempt to use a closed terrind Region", lone.to_dict, lone)
end)

T.run()
