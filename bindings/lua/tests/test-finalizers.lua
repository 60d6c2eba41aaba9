-- test-finalizers.lua: __gc metamethods that run inside a binding call
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Any allocation the binding makes (a wrapper, an iterator, a table) can
-- run a collection step and with it a script's finalizer, which may close
-- a registry or remove an entity. Each case arms a finalizer that does that
-- once, then repeats one binding call until the finalizer has run inside
-- it: the call must return something valid or raise a clear error, never
-- hand out freed memory (which ASan reports as a heap-use-after-free).

local T = require "testlib"
local terrind = require "terrind"

local during = T.during

-- A registry that only Lua holds, so closing it frees it and, with it,
-- every entity nobody else references.
local function only_lua_holds()
  return T.sample(terrind)
end

T.case("a lookup whose finalizer removes the entity returns nil or a live entity", function ()
  local reg = only_lua_holds()
  local id = "ti-8401"
  local ok, t = during(function () reg:remove_territory(id, { cascade = true }) end,
                       function () return reg:territory(id) end)
  T.eq(ok, true)
  if t ~= nil then
    T.eq(t.name, "Vallée de l'Arve")
  end
  T.eq(reg:territory(id), nil)
end)

T.case("a lookup whose finalizer closes the registry raises a clear error", function ()
  local reg = only_lua_holds()
  local ok, err = during(function () reg:close() end,
                         function () return reg:referent("ref-1") end)
  if ok then
    -- Made before the registry closed, it closed with it.
    T.misuse("registry is closed", function () return err.person end)
  else
    T.truthy(err:find("attempt to use a closed terrind Registry", 1, true), err)
  end
end)

T.case("every lookup survives a finalizer that closes the registry", function ()
  local lookups = {
    { "region", "84", "name" },
    { "operator", "pole-emploi", "name" },
    { "convention", "conv-bf", "id" },
    { "commitment", "bf-coach", "id" },
    { "find_territory_by_member", "200000172", "id" },
  }
  for _, lookup in ipairs(lookups) do
    local method, key, field = table.unpack(lookup)
    local reg = only_lua_holds()
    local ok, found = during(function () reg:close() end,
                             function () return reg[method](reg, key) end)
    if ok then
      T.misuse("registry is closed", function () return found[field] end)
    else
      T.truthy(found:find("closed terrind Registry", 1, true), found)
    end
  end
  local reg = only_lua_holds()
  local ok, found = during(function () reg:close() end,
                           function () return reg:referent_for("business-france", "ti-8401") end)
  T.truthy(not ok or not pcall(function () return found.id end), "referent_for")
end)

T.case("an iterator made while a finalizer closes the registry holds live entities", function ()
  local reg = only_lua_holds()
  local ok, it = during(function () reg:close() end,
                        function () return reg:territories() end)
  if ok then
    T.misuse("registry is closed", it)
  else
    T.truthy(it:find("closed terrind Registry", 1, true), it)
  end
end)

T.case("a query whose finalizer removes what it lists", function ()
  local reg = only_lua_holds()
  local ok, it = during(function ()
                          reg:remove_territory("ti-8401", { cascade = true })
                          reg:remove_territory("ti-8402")
                        end,
                        function () return reg:territories_in_region("84") end)
  T.eq(ok, true)
  for t in it do
    T.truthy(t.name == "Vallée de l'Arve" or t.name == "Ardèche", "a live territory")
  end
end)

T.case("an iterator that a finalizer drives to its end", function ()
  local reg = terrind.Registry.new()
  reg:add_region { code = "84", name = "Auvergne-Rhône-Alpes" }
  for i = 1, 2000 do
    reg:add_territory { id = string.format("ti-%04d", i), name = "T" .. i, region = "84" }
  end
  local it = reg:territories()
  for i = 1, 2000 do
    reg:remove_territory(string.format("ti-%04d", i))
  end
  -- The iterator is now the only owner of the territories.
  local ok, t = during(function ()
                         -- To the end, keeping nothing it hands out.
                         for rest in it do
                           rest:close()
                         end
                       end,
                       function () return it() end)
  T.eq(ok, true)
  T.truthy(t == nil or t.name:match("^T%d+$"), "nil or a live territory")
end)

T.case("a list field read while a finalizer closes the entity", function ()
  local fields = {
    { function () return terrind.Territory { id = "ti-9", name = "X", region = "84",
                                             members = { "200000172", "200040715" } } end,
      "members", function (v) return v[2] == "200040715" end },
    { function () return terrind.Territory { id = "ti-9", name = "X", region = "84",
                                             departments = { "74", "73" } } end,
      "departments", function (v) return v[2] == "73" end },
    { function () return terrind.Operator { id = "op", name = "Op",
                                            former_names = { { name = "A" }, { name = "B" } } } end,
      "former_names", function (v) return v[2].name == "B" end },
    { function () return terrind.Commitment { id = "c", kind = "yearly-target", text = "t",
                                              themes = { "a", "b" } } end,
      "themes", function (v) return v[2] == "b" end },
    { function () return terrind.Commitment { id = "c", kind = "yearly-target", text = "t",
                                              targets = { { level = "a", count = 1 },
                                                          { level = "b", count = 2 } } } end,
      "targets", function (v) return v[2].level == "b" end },
    { function () return terrind.Convention { id = "cv", operator = "op", date = "2020-01-01",
                                              signatories = { { name = "A" }, { name = "B" } } } end,
      "signatories", function (v) return v[2].name == "B" end },
  }
  for _, case in ipairs(fields) do
    local make, field, valid = table.unpack(case)
    -- The wrapper is the only owner: closing it frees the entity. A list
    -- read again while unchanged is the table of the last read, which
    -- allocates nothing: changing that table makes the next read build a
    -- new one (an assignment to an existing slot allocates nothing).
    local object = make()
    local ok, value = during(function () object:close() end,
                             function ()
                               local v = object[field]
                               local good = valid(v)
                               v[1] = false
                               return good
                             end)
    if ok then
      T.truthy(value, field .. " read whole")
    else
      T.truthy(value:find("attempt to use a closed", 1, true), value)
    end
  end
end)

T.case("a field assigned while a finalizer closes the registry", function ()
  local reg = only_lua_holds()
  local c = reg:commitment("bf-coach")
  c:set_amount(1000000, "total")
  -- Each amount's text form is a new string: converting it allocates, and
  -- the wrapper is read after that.
  local amount = 1000000
  local ok, err = during(function () reg:close() end,
                         function () amount = amount + 1; c.amount = amount end)
  if ok then
    T.misuse("registry is closed", function () return c.amount end)
  else
    T.truthy(err:find("registry is closed", 1, true), err)
  end
end)

T.case("add_* whose constructor's allocations close the registry", function ()
  local reg = only_lua_holds()
  local spec = { id = "ti-9999", name = "Nouveau", region = "84",
                 departments = { "74", "73" } }
  local ok, err = during(function () reg:close() end,
                         function ()
                           local t = reg:add_territory(spec)
                           reg:remove_territory(spec.id)
                           return t
                         end)
  if ok then
    T.misuse("registry is closed", function () return err.id end)
  else
    T.truthy(err:find("closed terrind Registry", 1, true), err)
  end
end)

T.case("a transaction whose allocations close the registry rolls back", function ()
  local reg = only_lua_holds()
  local spec = { id = "ref-9", operator = "business-france", territory = "ti-8401",
                 person = "Quelqu'un" }
  local function block(tx)
    tx:replace(spec)
    tx:add(terrind.Territory { id = "ti-9999", name = "N", region = "84" })
    tx:set("territory", "ti-8402", "name", "Renommé")
    tx:remove("territory", "ti-1101")
    error("again", 0)
  end
  local ok, err = during(function () reg:close() end,
                         function () return reg:transaction(block) end)
  T.eq(ok, false)
  -- Each call rolled back: the one that saw the close either finished
  -- its block or was refused at the next edit or when it opened.
  T.truthy(err == "again" or err:find("registry is closed", 1, true)
           or err:find("closed terrind Registry", 1, true), err)
end)

T.case("add_commitment whose constructor's allocations close the convention", function ()
  local conv = terrind.Convention { id = "cv", operator = "op", date = "2020-01-01" }
  local spec = { id = "c1", kind = "yearly-target", text = "t", themes = { "a" } }
  local ok, err = during(function () conv:close() end,
                         function ()
                           local c = conv:add_commitment(spec)
                           conv:remove_commitment(spec.id)
                           return c
                         end)
  if ok then
    T.eq(err.id, "c1")
  else
    T.truthy(err:find("closed terrind Convention", 1, true), err)
  end
end)

T.case("a commitment lookup whose finalizer removes the commitment", function ()
  local conv = terrind.Convention {
    id = "cv", operator = "op", date = "2020-01-01",
    commitments = { { id = "c1", kind = "yearly-target", text = "Un texte" } },
  }
  local ok, c = during(function () conv:remove_commitment("c1") end,
                       function () return conv:commitment("c1") end)
  T.eq(ok, true)
  T.truthy(c == nil or c.text == "Un texte", "nil or a live commitment")
  local it_ok, it = during(function () conv:close() end,
                           function () return conv:commitments() end)
  T.truthy(not it_ok or type(it) == "function", "an iterator or an error")
end)

T.case("a listing of designations whose finalizer removes them or closes the registry", function ()
  local reg = T.records(terrind)
  local ok, it = during(function () reg:remove_territory("ti-a", { cascade = true }) end,
                        function () return reg:designations() end)
  T.truthy(ok, tostring(it))
  for d in it do
    T.eq(d.level, "priority", "a live designation")
  end
  reg = T.records(terrind)
  ok, it = during(function () reg:close() end, function () return reg:designations() end)
  if ok then
    T.misuse("registry is closed", it)
  else
    T.truthy(it:find("closed terrind Registry", 1, true), it)
  end
end)

T.case("a phase query whose finalizer removes what it lists or closes the registry", function ()
  local queries = {
    { "related_territories", "ti-0101" },
    { "territories_by_member", T.SIREN_SHARED },
    { "territories_by_anct_id", "ti-0101" },
  }
  for _, query in ipairs(queries) do
    local method, key = table.unpack(query)
    local reg = T.phased(terrind)
    local ok, it = during(function ()
                            reg:remove_territory("p2-ti-0101")
                            reg:remove_territory("ti-0101")
                          end,
                          function () return reg[method](reg, key) end)
    if ok then
      for t in it do
        T.truthy(t.name:match("^Cap Excellence"), method .. ": a live territory")
      end
    else
      -- related_territories() looks its territory up after its hold: gone.
      T.eq(method, "related_territories")
      T.eq(type(it) == "table" and it.code, "NOT_FOUND", method)
    end
    reg = T.phased(terrind)
    ok, it = during(function () reg:close() end,
                    function () return reg[method](reg, key) end)
    if ok then
      T.misuse("registry is closed", it)
    else
      T.truthy(it:find("closed terrind Registry", 1, true), it)
    end
  end
  -- The one that takes a territory's wrapper: it reads it after its hold.
  local reg = T.phased(terrind)
  local t = reg:territory("p2-ti-0101")
  local ok, it = during(function () t:close() end,
                        function () return reg:related_territories(t) end)
  T.truthy(ok or it:find("closed terrind Territory", 1, true), tostring(it))
  local reg2 = T.phased(terrind)
  ok, it = during(function () reg2:remove_territory("ti-0101") end,
                  function () return reg2:phase_on("2019-05-01") end)
  T.eq(ok, true)
  T.truthy(it == nil or it.number == 1, "nil or a live phase")
end)

T.case("to_dicts whose finalizer closes the registry or removes what it lists", function ()
  for _, kind in ipairs { "territory", "referent", "commitment", "operator" } do
    local reg = only_lua_holds()
    local ok, dicts = during(function () reg:close() end,
                             function () return reg:to_dicts(kind) end)
    if ok then
      -- Read whole before the first table: the registry's state then.
      T.eq(type(dicts), "table", kind)
      for _, d in ipairs(dicts) do
        T.eq(type(d.id), "string", kind)
      end
    else
      T.truthy(dicts:find("closed terrind Registry", 1, true), dicts)
    end
  end
  local reg = only_lua_holds()
  local ok, dicts = during(function () reg:remove_territory("ti-8401", { cascade = true }) end,
                           function () return reg:to_dicts("territory") end)
  T.eq(ok, true)
  T.truthy(#dicts == 2 or #dicts == 3, "before or after the removal")
  for _, d in ipairs(dicts) do
    if d.id == "ti-8401" then
      T.eq(d.members[1], "200000172", "read whole")
      T.eq(d.departments[1], "74", "read whole")
    end
  end
  -- A big registry: many tables, so many chances for the bomb inside.
  local big = terrind.Registry.default()
  ok, dicts = during(function () big:close() end,
                     function () return big:to_dicts("territory") end)
  T.truthy(not ok or #dicts == 332, tostring(ok))
end)

T.case("to_dict whose finalizer closes the entity", function ()
  local object = terrind.Territory { id = "ti-9", name = "X", region = "84",
                                     members = { "200000172", "200040715" },
                                     departments = { "74", "73" } }
  local ok, d = during(function () object:close() end, function () return object:to_dict() end)
  if ok then
    T.eq(d.members[2], "200040715")
    T.eq(d.departments[2], "73")
    T.eq(d.name, "X")
  else
    T.truthy(d:find("attempt to use a closed terrind Territory", 1, true), d)
  end
end)

T.case("a list read while a finalizer changes the entity is one state or the other", function ()
  local t = terrind.Territory { id = "ti-9", name = "X", region = "84",
                                members = { "200000172" } }
  local ok, n = during(function () t:add_member("200040715") end,
                       function ()
                         local v = t.members
                         local n = #v
                         v[1] = false
                         return n
                       end)
  T.eq(ok, true)
  T.truthy(n == 1 or n == 2, "one state")
  T.eq(#t.members, 2)
  T.eq(t.members[1], "200000172", "the changed table was not handed out again")
end)

T.run()
