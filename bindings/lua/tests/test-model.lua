-- test-model.lua: the fields of every type, as the model's description
-- gives them: terrind.kinds(), reading and writing by value type, the
-- constructors, the referent's end date and the deprecated names
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

-- What terrind.kinds() must return: the Python binding's test checks the
-- same dictionary, both built from the description alone.
local KINDS = {
  phase = { "number", "name", "first_year", "last_year", "announced" },
  region = { "code", "name" },
  operator = { "id", "name", "kind", "former_names" },
  territory = { "id", "anct_id", "name", "region", "phase", "members", "departments" },
  convention = { "id", "operator", "date", "place", "title", "phase", "signatories" },
  commitment = { "id", "convention", "kind", "amount", "period", "first_year", "last_year",
                 "approximate", "text", "themes", "targets" },
  referent = { "id", "operator", "territory", "person", "role", "email", "phone", "start",
               "end" },
  designation = { "id", "operator", "territory", "year", "level", "commitment" },
  investment = { "id", "operator", "territory", "year", "amount", "commitment", "theme",
                 "project" },
}

-- The Lua type each field reads as when set; list items are described by
-- the type of their one value or by a table of their fields' types.
local TYPES = {
  phase = { number = "number", name = "string", first_year = "number", last_year = "number",
            announced = "string" },
  region = { code = "string", name = "string" },
  operator = { id = "string", name = "string", kind = "string",
               former_names = { name = "string", ["until"] = "string" } },
  territory = { id = "string", anct_id = "string", name = "string", region = "string",
                phase = "number",
                members = "string", departments = "string" },
  convention = { id = "string", operator = "string", date = "string", place = "string",
                 title = "string", phase = "number",
                 signatories = { name = "string", role = "string" } },
  commitment = { id = "string", convention = "string", kind = "string", amount = "number",
                 period = "string", first_year = "number", last_year = "number",
                 approximate = "boolean", text = "string", themes = "string",
                 targets = { level = "string", count = "number" } },
  referent = { id = "string", operator = "string", territory = "string", person = "string",
               role = "string", email = "string", phone = "string", start = "string",
               ["end"] = "string" },
  designation = { id = "string", operator = "string", territory = "string", year = "number",
                  level = "string", commitment = "string" },
  investment = { id = "string", operator = "string", territory = "string", year = "number",
                 amount = "number", commitment = "string", theme = "string",
                 project = "string" },
}

local LIST_FIELDS = {
  operator = { former_names = true }, territory = { members = true, departments = true },
  convention = { signatories = true }, commitment = { themes = true, targets = true },
}

local function same_list(actual, expected, what)
  T.eq(type(actual), "table", what)
  T.eq(#actual, #expected, what .. ": length")
  for i = 1, #expected do
    T.eq(actual[i], expected[i], what .. "[" .. i .. "]")
  end
end

-- Checks every field of `entity` (of `kind`) against TYPES; returns how
-- many were set, so a caller can tell a field was not always nil.
local function check_fields(kind, entity, seen)
  for _, name in ipairs(KINDS[kind]) do
    local value = entity[name]
    local expected = TYPES[kind][name]
    local what = kind .. " " .. tostring(entity.id) .. "." .. name
    if LIST_FIELDS[kind] and LIST_FIELDS[kind][name] then
      T.eq(type(value), "table", what)
      for i, item in ipairs(value) do
        if type(expected) == "table" then
          T.eq(type(item), "table", what .. "[" .. i .. "]")
          for key, v in pairs(item) do
            T.eq(type(v), expected[key], what .. "[" .. i .. "]." .. tostring(key))
          end
        else
          T.eq(type(item), expected, what .. "[" .. i .. "]")
        end
      end
      if #value > 0 then seen[kind .. "." .. name] = true end
    elseif value ~= nil then
      T.eq(type(value), expected, what)
      if math.type(value) == "float" then error(what .. " is a float") end
      seen[kind .. "." .. name] = true
    end
  end
end

T.case("kinds() lists every kind's fields in the description's order", function ()
  local kinds = terrind.kinds()
  local n = 0
  for name, fields in pairs(kinds) do
    n = n + 1
    T.truthy(KINDS[name], "unexpected kind " .. name)
    same_list(fields, KINDS[name], name)
  end
  T.eq(n, 9)
end)

T.case("kinds() is a fresh table each call", function ()
  local kinds = terrind.kinds()
  kinds.territory[1] = "changed"
  kinds.region = nil
  T.eq(terrind.kinds().territory[1], "id")
  T.eq(terrind.kinds().region[2], "name")
  T.truthy(terrind.kinds() ~= terrind.kinds(), "a new table")
end)

T.case("every field of the default registry's entities reads by value type", function ()
  local reg = terrind.Registry.default()
  -- The embedded dataset has no referents: one is added, with every field.
  -- Its territories have departements (ti-8401: 07 and 26); one it lacks
  -- is added all the same.
  T.eq(table.concat(reg:territory("ti-8401").departments, ","), "07,26")
  reg:territory("ti-8401"):add_department("38")
  T.eq(table.concat(reg:territory("ti-8401").departments, ","), "07,26,38")
  reg:add_referent { id = "ref-x", operator = "business-france", territory = "ti-8401",
                     person = "Jeanne Martin", role = "Coach", email = "j.martin@example.org",
                     phone = "+33 1 00 00 00 00", start = "2019-06-01", ["end"] = "2022-12-31" }
  local seen = {}
  for r in reg:regions() do check_fields("region", r, seen) end
  for o in reg:operators() do check_fields("operator", o, seen) end
  for t in reg:territories() do check_fields("territory", t, seen) end
  for v in reg:conventions() do
    check_fields("convention", v, seen)
    for c in v:commitments() do
      check_fields("commitment", c, seen)
      T.eq(c.convention, v.id)
    end
  end
  for r in reg:referents() do check_fields("referent", r, seen) end
  -- Nor has it records: those of the records registry are read.
  local records = T.records(terrind)
  for d in records:designations() do check_fields("designation", d, seen) end
  for i in records:investments() do check_fields("investment", i, seen) end
  -- The embedded dataset defines phases 1 and 2; its territories of phase
  -- 2 have ANCT ids and its conventions are of phase 1.
  for p in reg:phases() do check_fields("phase", p, seen) end
  T.eq(reg:territory("p2-ti-8401").anct_id, "ti-8401")
  T.eq(reg:convention("conv-2019-bpifrance").phase, 1)
  -- Each field was set somewhere, so each type above was checked.
  for kind, fields in pairs(KINDS) do
    for _, name in ipairs(fields) do
      T.truthy(seen[kind .. "." .. name], kind .. "." .. name .. " never set")
    end
  end
  local equity = reg:commitment("bdt-equity-envelope")
  T.eq(equity.amount, 100000000)
  T.eq(equity.period, "per-year")
  T.eq(equity.first_year, 2019)
  T.eq(equity.approximate, true)
  local targets = reg:commitment("bf-priority-territories").targets
  T.eq(type(targets[1].level), "string")
  T.eq(math.type(targets[1].count), "integer")
end)

T.case("unset fields read as nil", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  T.eq(t.phase, nil)
  local c = terrind.Commitment { id = "c", kind = "tool", text = "t" }
  T.eq(c.convention, nil)
  T.eq(c.amount, nil)
  T.eq(c.period, nil)
  T.eq(c.first_year, nil)
  T.eq(c.last_year, nil)
  T.eq(c.approximate, false)
  local r = terrind.Referent { id = "r", operator = "o", territory = "t", person = "p" }
  for _, name in ipairs { "role", "email", "phone", "start", "end" } do
    T.eq(r[name], nil, name)
  end
  local v = terrind.Convention { id = "v", operator = "o", date = "2019-03-05",
                                 signatories = { { name = "A" } } }
  T.eq(v.place, nil)
  T.eq(v.signatories[1].role, nil)
  local op = terrind.Operator { id = "op", name = "Op", former_names = { { name = "Old" } } }
  T.eq(op.kind, nil)
  T.eq(op.former_names[1]["until"], nil)
end)

T.case("writable fields are assignable and validated by the library", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  t.name = "B"
  t.region = "11"
  t.phase = 2
  T.eq(t.name, "B")
  T.eq(t.region, "11")
  T.eq(t.phase, 2)
  t.phase = nil
  T.eq(t.phase, nil)
  T.raises("INVALID_VALUE", function () t.phase = 0 end)
  T.raises("INVALID_VALUE", function () t.region = "not a code" end)
  T.eq(t.region, "11")

  local c = terrind.Commitment { id = "c", kind = "money-envelope", text = "t" }
  T.raises("INVALID_VALUE", function () c.amount = 5 end)  -- no period yet
  c.period = "total"
  c.amount = 9007199254740993
  T.eq(c.amount, 9007199254740993)
  T.eq(c.period, "total")
  T.raises("INVALID_VALUE", function () c.period = "monthly" end)
  T.raises("INVALID_VALUE", function () c.amount = -1 end)
  c.amount = nil
  T.eq(c.amount, nil)
  T.eq(c.period, nil)
  -- The years go together: an unset pair is set with set_years(), then
  -- each year changes on its own.
  T.raises("INVALID_VALUE", function () c.first_year = 2019 end)
  c:set_years(2019, 2022)
  c.first_year = 2020
  c.last_year = 2023
  T.eq(c.first_year, 2020)
  T.eq(c.last_year, 2023)
  T.raises("INVALID_VALUE", function () c.first_year = 2024 end)
  T.eq(c.first_year, 2020)
  c.approximate = true
  T.eq(c.approximate, true)
  c.approximate = nil
  T.eq(c.approximate, false)
  c.text = "u"
  T.eq(c.text, "u")
  T.raises("INVALID_VALUE", function () c.text = "" end)

  local v = terrind.Convention { id = "v", operator = "o", date = "2019-03-05" }
  v.date = "2020-01-31"
  v.place = "Lyon"
  v.title = "Convention"
  T.eq(v.date, "2020-01-31")
  T.eq(v.place, "Lyon")
  T.eq(v.title, "Convention")
  T.raises("INVALID_VALUE", function () v.date = "2020-02-30" end)

  local op = terrind.Operator { id = "op", name = "Op" }
  op.kind = "public-bank"
  op.name = "Other"
  T.eq(op.kind, "public-bank")
  T.eq(op.name, "Other")

  local region = terrind.Region { code = "84", name = "AURA" }
  region.name = "Auvergne-Rhône-Alpes"
  T.eq(region.name, "Auvergne-Rhône-Alpes")
end)

T.case("fields that cannot change, and values of the wrong Lua type", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  T.misuse("field 'id' of terrind Territory is read-only", function () t.id = "ti-2" end)
  T.misuse("field 'members' of terrind Territory is read-only", function () t.members = {} end)
  T.misuse("bad value for field 'phase' (integer expected, got string)",
           function () t.phase = "two" end)
  T.misuse("bad value for field 'name' (string expected, got boolean)", function () t.name = true end)
  T.misuse("bad value for field 'name' (string expected, got nil)", function () t.name = nil end)
  local c = terrind.Commitment { id = "c", kind = "tool", text = "t" }
  T.misuse("read-only", function () c.kind = "experiment" end)
  T.misuse("read-only", function () c.convention = "v" end)
  T.misuse("boolean expected, got string", function () c.approximate = "yes" end)
  local r = terrind.Referent { id = "r", operator = "o", territory = "t", person = "p" }
  T.misuse("read-only", function () r.operator = "x" end)
  T.misuse("read-only", function () r.territory = "x" end)
  T.misuse("has no field 'first-year'", function () return c["first-year"] end)
  local v = terrind.Convention { id = "v", operator = "o", date = "2019-03-05" }
  T.misuse("field 'n_commitments' of terrind Convention is read-only",
           function () v.n_commitments = 1 end)
end)

T.case("a referent's end date, reachable as r[\"end\"]", function ()
  local r = terrind.Referent { id = "r-1", operator = "bpifrance", territory = "ti-8401",
                               person = "Jeanne Martin", start = "2019-06-01",
                               ["end"] = "2030-12-31" }
  T.eq(r["end"], "2030-12-31")
  r["end"] = "2025-06-30"
  T.eq(r["end"], "2025-06-30")
  T.raises("INVALID_VALUE", function () r["end"] = "2019-01-01" end)  -- before the start
  T.eq(r["end"], "2025-06-30")
  T.raises("INVALID_VALUE", terrind.Referent,
           { id = "r-2", operator = "o", territory = "t", person = "p", start = "2020-01-01",
             ["end"] = "2019-12-31" })
  r["end"] = nil
  T.eq(r["end"], nil)
  local reg = T.sample(terrind)
  reg:referent("ref-2")["end"] = "2024-01-31"
  T.eq(reg:referent("ref-2")["end"], "2024-01-31")
end)

T.case("constructors take the description's fields", function ()
  local c = terrind.Commitment { id = "c", kind = "yearly-target", text = "t",
                                 amount = 5, period = "total", first_year = 2019,
                                 last_year = 2020, approximate = true,
                                 themes = { "a", "b" },
                                 targets = { { level = "priority", count = 20 } } }
  T.eq(c.amount, 5)
  T.eq(c.period, "total")
  same_list(c.themes, { "a", "b" }, "themes")
  T.eq(c.targets[1].count, 20)
  T.misuse("terrind Commitment has no field 'amout'", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", amout = 5 })
  T.misuse("field 'convention' of terrind Commitment cannot be set", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", convention = "v" })
  T.misuse("bad value for field 'text' (string expected, got nil)", terrind.Commitment,
           { id = "c", kind = "tool" })
  T.misuse("bad value for field 'first_year' (integer expected, got string)", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", first_year = "twenty", last_year = 2020 })
  T.misuse("bad key in field 'targets'", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", targets = { { level = "a", cont = 1 } } })
  T.misuse("bad value for field 'targets.count' (integer expected, got nil)", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", targets = { { level = "a" } } })
  T.misuse("bad value for field 'themes' (table expected, got string)", terrind.Commitment,
           { id = "c", kind = "tool", text = "t", themes = "a" })
  T.raises("INVALID_VALUE", terrind.Commitment, { id = "c", kind = "gift", text = "t" })
  T.raises("INVALID_VALUE", terrind.Territory,
           { id = "ti-1", name = "A", region = "84", phase = 0 })
end)

T.case("a referent's end date survives the XML format", function ()
  local reg = terrind.Registry.default()
  reg:add_referent { id = "ref-x", operator = "business-france", territory = "ti-8401",
                     person = "Jeanne Martin", start = "2019-06-01", ["end"] = "2022-12-31" }
  local back = terrind.Registry.from_string(reg:to_string())
  T.eq(back:referent("ref-x")["end"], "2022-12-31")
  T.eq(back:to_string(), reg:to_string())
end)

T.case("the deprecated names still work, read, written and constructed", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region_code = "84" }
  T.eq(t.region_code, "84")
  t.region_code = "11"
  T.eq(t.region, "11")
  local c = terrind.Commitment { id = "c", kind = "tool", text = "t", amount = 5,
                                 amount_period = "per-year" }
  T.eq(c.amount_period, "per-year")
  T.eq(c.period, "per-year")
  local v = terrind.Convention { id = "v", operator_id = "o", date = "2019-03-05" }
  T.eq(v.operator_id, "o")
  T.eq(v.operator, "o")
  local r = terrind.Referent { id = "r", operator_id = "o", territory_id = "t", person = "p",
                               start_date = "2019-06-01" }
  T.eq(r.operator_id, "o")
  T.eq(r.territory_id, "t")
  T.eq(r.start_date, "2019-06-01")
  r.start_date = "2019-07-01"
  T.eq(r.start, "2019-07-01")
  T.eq(terrind.Region { code = "84", name = "A" }.id, "84")
  T.misuse("is given twice", terrind.Territory,
           { id = "ti-1", name = "A", region = "84", region_code = "84" })
end)

T.run()
