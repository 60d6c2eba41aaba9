-- test-entities.lua: constructors, fields, methods and metamethods of every
-- entity type
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

T.case("Region: constructor, fields, setter", function ()
  local r = terrind.Region { code = "84", name = "Auvergne-Rhône-Alpes" }
  T.eq(r.code, "84")
  T.eq(r.id, "84")
  T.eq(r.name, "Auvergne-Rhône-Alpes")
  r.name = "AURA"
  T.eq(r.name, "AURA")
  T.misuse("read-only", function () r.code = "11" end)
  T.misuse("bad value for field 'name'", terrind.Region, { code = "84" })
  T.raises("INVALID_VALUE", terrind.Region, { code = "84", name = "" })
end)

T.case("Territory: constructor with every field", function ()
  local t = terrind.Territory { id = "ti-8401", name = "Vallée de l'Arve", region = "84",
                                phase = 2, members = { "200000172", "200040715" },
                                departments = { "74", "73" } }
  T.eq(t.id, "ti-8401")
  T.eq(t.name, "Vallée de l'Arve")
  T.eq(t.region, "84")
  T.eq(t.phase, 2)
  T.eq(table.concat(t.members, ","), "200000172,200040715")
  T.eq(table.concat(t.departments, ","), "74,73")
end)

T.case("Territory: setters and methods", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84" }
  t.name = "B"
  t.region = "11"
  t.phase = 1
  T.eq(t.name, "B")
  T.eq(t.region, "11")
  T.eq(t.phase, 1)
  t:add_member("200000172")
  T.eq(t:has_member("200000172"), true)
  T.eq(t:has_member("200040715"), false)
  T.raises("DUPLICATE", t.add_member, t, "200000172")
  t:remove_member("200000172")
  T.eq(#t.members, 0)
  T.raises("NOT_FOUND", t.remove_member, t, "200000172")
  t:add_department("74")
  T.eq(t.departments[1], "74")
  T.raises("INVALID_VALUE", terrind.Territory,
           { id = "ti-1", name = "A", region = "84", members = { "000000000x" } })
end)

T.case("Territory: list fields are copies", function ()
  local t = terrind.Territory { id = "ti-1", name = "A", region = "84", members = { "200000172" } }
  local members = t.members
  members[1] = "changed"
  members[2] = "added"
  T.eq(t.members[1], "200000172")
  T.eq(#t.members, 1)
end)

T.case("Operator: fields, rename, former names", function ()
  local op = terrind.Operator { id = "pole-emploi", name = "Pôle emploi", kind = "employment-service" }
  T.eq(op.kind, "employment-service")
  T.eq(#op.former_names, 0)
  op:rename("France Travail", "2023-12-31")
  T.eq(op.name, "France Travail")
  T.eq(op.former_names[1].name, "Pôle emploi")
  T.eq(op.former_names[1]["until"], "2023-12-31")
  op:add_former_name("ANPE")
  T.eq(op.former_names[2].name, "ANPE")
  T.eq(op.former_names[2]["until"], nil)
  op.kind = nil
  T.eq(op.kind, nil)
  T.raises("INVALID_VALUE", op.rename, op, "X", "2023-02-30")
  T.eq(op.name, "France Travail")
  local built = terrind.Operator { id = "x", name = "X",
                                   former_names = { { name = "Old", ["until"] = "2000-01-01" } } }
  T.eq(built.former_names[1].name, "Old")
  T.misuse("bad value in field 'former_names'", terrind.Operator,
           { id = "x", name = "X", former_names = { "Old" } })
end)

T.case("Commitment: money envelope", function ()
  local c = terrind.Commitment { id = "bdt-equity", kind = "money-envelope",
                                 text = "about 100 M€ a year", amount = 100000000,
                                 period = "per-year", first_year = 2019, last_year = 2022,
                                 approximate = true, themes = { "foncier", "numérique" } }
  T.eq(c.id, "bdt-equity")
  T.eq(c.kind, "money-envelope")
  T.eq(c.text, "about 100 M€ a year")
  T.eq(c.amount, 100000000)
  T.eq(math.type(c.amount), "integer")
  T.eq(c.period, "per-year")
  T.eq(c.first_year, 2019)
  T.eq(c.last_year, 2022)
  T.eq(c.approximate, true)
  T.eq(table.concat(c.themes, ","), "foncier,numérique")
  c:set_amount(9007199254740993, "total")  -- above 2^53: integers stay exact
  T.eq(c.amount, 9007199254740993)
  T.eq(c.period, "total")
  c:set_years(2020, 2021)
  T.eq(c.first_year, 2020)
  T.raises("INVALID_VALUE", c.set_years, c, 2022, 2021)
  T.eq(c.last_year, 2021)
  T.raises("INVALID_VALUE", c.set_amount, c, 5, "monthly")
  T.raises("INVALID_VALUE", c.set_amount, c, -5, "total")
  T.eq(c.amount, 9007199254740993)
  c.approximate = false
  T.eq(c.approximate, false)
  c.text = "new text"
  T.eq(c.text, "new text")
  c:add_theme("mobilité")
  T.eq(#c.themes, 3)
end)

T.case("Commitment: yearly target and defaults", function ()
  local c = terrind.Commitment { id = "bf-priority", kind = "yearly-target", text = "t",
                                 targets = { { level = "priority", count = 20 } } }
  T.eq(c.amount, nil)
  T.eq(c.period, nil)
  T.eq(c.first_year, nil)
  T.eq(c.approximate, false)
  c:add_target("reinforced", 5)
  T.eq(#c.targets, 2)
  T.eq(c.targets[2].level, "reinforced")
  T.eq(c.targets[2].count, 5)
  T.raises("INVALID_VALUE", terrind.Commitment, { id = "x", kind = "gift", text = "t" })
  T.raises("INVALID_VALUE", terrind.Commitment, { id = "x", kind = "tool", text = "t", amount = 5 })
  T.raises("INVALID_VALUE", terrind.Commitment,
           { id = "x", kind = "tool", text = "t", first_year = 2019 })
  T.misuse("integer expected", terrind.Commitment,
           { id = "x", kind = "tool", text = "t", amount = 1.5, period = "total" })
  T.misuse("field 'n_commitments' of terrind Convention cannot be set", terrind.Convention,
           { id = "v", operator = "o", date = "2019-03-05", n_commitments = 3 })
end)

T.case("Convention: fields, signatories, commitments", function ()
  local conv = terrind.Convention {
    id = "conv-bf", operator = "business-france", date = "2019-03-05", place = "Lyon",
    title = "Convention de mobilisation",
    signatories = { { name = "Jacqueline Gourault", role = "Ministre" }, { name = "Anonyme" } },
    commitments = { terrind.Commitment { id = "c1", kind = "tool", text = "Formadiag" },
                    { id = "c2", kind = "experiment", text = "VTE" } },
  }
  T.eq(conv.id, "conv-bf")
  T.eq(conv.operator, "business-france")
  T.eq(conv.date, "2019-03-05")
  T.eq(conv.place, "Lyon")
  T.eq(conv.title, "Convention de mobilisation")
  T.eq(#conv.signatories, 2)
  T.eq(conv.signatories[2].role, nil)
  T.eq(conv.n_commitments, 2)
  T.eq(T.ids(conv:commitments()), "c1,c2")
  T.eq(conv:commitment("c2").kind, "experiment")
  T.eq(conv:commitment("zz"), nil)
  local added = conv:add_commitment { id = "c3", kind = "tool", text = "x" }
  T.eq(added.id, "c3")
  T.raises("DUPLICATE", conv.add_commitment, conv, { id = "c3", kind = "tool", text = "y" })
  conv:remove_commitment("c1")
  T.eq(T.ids(conv:commitments()), "c2,c3")
  T.raises("NOT_FOUND", conv.remove_commitment, conv, "c1")
  conv:add_signatory("Agnès Pannier-Runacher", "Secrétaire d'État")
  T.eq(#conv.signatories, 3)
  conv.place = nil
  T.eq(conv.place, nil)
  conv.date = "2019-03-06"
  T.eq(conv.date, "2019-03-06")
  T.raises("INVALID_VALUE", function () conv.date = "2019-13-01" end)
  T.eq(conv.date, "2019-03-06")
  local other = terrind.Convention { id = "conv-2", operator = "x", date = "2019-03-05" }
  T.raises("IN_USE", other.add_commitment, other, added)
end)

T.case("Referent: fields and nullable setters", function ()
  local r = terrind.Referent { id = "ref-1", operator = "pole-emploi", territory = "ti-8401",
                               person = "Jeanne Martin", role = "Conseillère",
                               email = "jeanne.martin@francetravail.fr",
                               phone = "+33 4 50 00 00 00", start = "2019-06-01" }
  T.eq(r.id, "ref-1")
  T.eq(r.operator, "pole-emploi")
  T.eq(r.territory, "ti-8401")
  T.eq(r.person, "Jeanne Martin")
  T.eq(r.role, "Conseillère")
  T.eq(r.email, "jeanne.martin@francetravail.fr")
  T.eq(r.phone, "+33 4 50 00 00 00")
  T.eq(r.start, "2019-06-01")
  r.role = ""
  T.eq(r.role, "")
  r.role = nil
  T.eq(r.role, nil)
  r.email = nil
  r.phone = nil
  r.start = nil
  T.eq(r.email, nil)
  T.raises("INVALID_VALUE", function () r.email = "not an address" end)
  T.raises("INVALID_VALUE", function () r.phone = "12" end)
  T.eq(r.email, nil)
  r.person = "Paul"
  T.eq(r.person, "Paul")
  T.misuse("bad value for field 'person'", function () r.person = nil end)
end)

T.case("__eq compares by value, across wrappers", function ()
  local a = terrind.Region { code = "84", name = "A" }
  local b = terrind.Region { code = "84", name = "A" }
  local c = terrind.Region { code = "84", name = "C" }
  T.eq(a == b, true)
  T.eq(a == c, false)
  T.eq(a == terrind.Territory { id = "84", name = "A", region = "84" }, false)
  local reg = T.sample(terrind)
  T.eq(reg:territory("ti-8401") == reg:territory("ti-8401"), true)
  T.eq(reg:territory("ti-8401") == reg:territory("ti-8402"), false)
end)

T.case("__tostring names type and id", function ()
  T.eq(tostring(terrind.Territory { id = "ti-1", name = "A", region = "84" }),
       "terrind.Territory: ti-1")
  T.eq(tostring(terrind.Operator { id = "bpifrance", name = "Bpifrance" }), "terrind.Operator: bpifrance")
  T.eq(tostring(terrind.Commitment { id = "c", kind = "tool", text = "t" }), "terrind.Commitment: c")
  T.eq(tostring(terrind.Convention { id = "v", operator = "o", date = "2019-03-05" }),
       "terrind.Convention: v")
  T.eq(tostring(terrind.Referent { id = "r", operator = "o", territory = "t", person = "p" }),
       "terrind.Referent: r")
end)

T.run()
