-- test-lifetime.lua: close, <close>, garbage collection in any order, and
-- use after close
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local function full_gc()
  collectgarbage()
  collectgarbage()
end

T.case("close is idempotent and a closed object raises a clear error", function ()
  local reg = T.sample(terrind)
  reg:close()
  reg:close()
  T.misuse("attempt to use a closed terrind Registry", function () return reg.n_territories end)
  T.misuse("attempt to use a closed terrind Registry", reg.territories, reg)
  T.misuse("attempt to use a closed terrind Registry", reg.to_string, reg)
  T.misuse("attempt to use a closed terrind Registry", function () return reg == terrind.Registry.new() end)
  T.eq(tostring(reg), "terrind.Registry (closed)")
end)

T.case("every type closes the same way", function ()
  local reg = T.sample(terrind)
  local objects = {
    Region = reg:region("84"), Territory = reg:territory("ti-8401"),
    Operator = reg:operator("pole-emploi"), Convention = reg:convention("conv-bf"),
    Commitment = reg:commitment("bf-coach"), Referent = reg:referent("ref-1"),
  }
  for name, object in pairs(objects) do
    object:close()
    object:close()
    T.misuse("attempt to use a closed terrind " .. name, function () return object.id end)
    T.eq(tostring(object), "terrind." .. name .. " (closed)")
  end
  -- Closing wrappers drops their references, not the entities.
  T.eq(reg:territory("ti-8401").name, "Vallée de l'Arve")
  T.misuse("attempt to use a closed terrind Territory", reg.add_territory, reg, objects.Territory)
end)

T.case("<close> variables close at the end of their scope", function ()
  local escaped
  do
    local reg <close> = T.sample(terrind)
    escaped = reg
    T.eq(reg.n_territories, 3)
  end
  T.misuse("attempt to use a closed terrind Registry", function () return escaped.n_regions end)
  local ok = pcall(function ()
    local reg <close> = terrind.Registry.new()
    escaped = reg
    error("boom")
  end)
  T.eq(ok, false)
  T.misuse("attempt to use a closed terrind Registry", function () return escaped.n_regions end)
end)

T.case("closing a registry closes what was taken from it", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local conv = reg:convention("conv-bf")
  local c = conv:commitment("bf-priority")
  local next_referent = reg:referents()
  local next_commitment = conv:commitments()
  local added = reg:add_region { code = "93", name = "Provence-Alpes-Côte d'Azur" }
  local loose = terrind.Territory { id = "ti-x", name = "Loose", region = "84" }
  -- A commitment sees its registry through its convention, closed or not.
  conv:close()
  reg:close()
  reg:close()
  -- Python's message, from fields, setters, methods, iterators and ==.
  local uses = {
    function () return t.name end, function () t.name = "X" end,
    function () return t:has_member("200000172") end, function () return t.members end,
    function () return c.targets end, function () return c.text end,
    function () return next_referent() end, function () return next_commitment() end,
    function () return added.name end, function () return t == loose end,
  }
  for _, use in ipairs(uses) do
    T.misuse("registry is closed", use)
  end
  T.eq(tostring(t), "terrind.Territory (registry closed)")
  -- What was never taken from it is not affected.
  T.eq(loose.name, "Loose")
end)

T.case("children outlive the registry wrapper when it is collected", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local conv = reg:convention("conv-bf")
  local next_referent = reg:referents()
  reg = nil
  full_gc()
  T.eq(t.name, "Vallée de l'Arve")
  T.eq(conv:commitment("bf-priority").targets[2].level, "reinforced")
  T.eq(next_referent().id, "ref-1")
end)

T.case("an entity belongs to the registry it was last added to", function ()
  local a, b = T.sample(terrind), terrind.Registry.new()
  local t = a:territory("ti-8402")
  a:remove_territory("ti-8402")
  b:add_region { code = "84", name = "AURA" }
  b:add_territory(t)
  a:close()
  T.eq(t.name, "Ardèche")
  b:close()
  T.misuse("registry is closed", function () return t.name end)
end)

T.case("a child pins its parent's wrapper", function ()
  local weak = setmetatable({}, { __mode = "v" })
  local t, c
  do
    local reg = T.sample(terrind)
    weak.reg = reg
    t = reg:territory("ti-8401")
    local conv = reg:convention("conv-bf")
    weak.conv = conv
    c = conv:commitment("bf-coach")
  end
  full_gc()
  T.truthy(weak.reg ~= nil, "registry pinned by its territory")
  T.truthy(weak.conv ~= nil, "convention pinned by its commitment")
  t, c = nil, nil
  full_gc()
  T.eq(weak.reg, nil)
  T.eq(weak.conv, nil)
end)

T.case("collection in any order never touches freed memory", function ()
  for round = 1, 20 do
    local reg = T.sample(terrind)
    local keep = {}
    for e in reg:territories() do keep[#keep + 1] = e end
    for e in reg:referents() do keep[#keep + 1] = e end
    for v in reg:conventions() do
      for c in v:commitments() do keep[#keep + 1] = c end
    end
    if round % 2 == 0 then reg:close() end
    reg = nil
    -- Drop the children in an order that changes with the round.
    for i = #keep, 1, -1 do
      if (i + round) % 3 == 0 then keep[i] = nil end
    end
    full_gc()
    for _, e in pairs(keep) do
      if round % 2 == 0 then
        T.misuse("registry is closed", function () return e.id end)
      else
        T.truthy(e.id, "id")
      end
    end
  end
end)

T.case("metamethods called by hand check their argument", function ()
  local reg = T.sample(terrind)
  local t = reg:territory("ti-8401")
  local close = reg.close
  T.misuse("terrind.Registry expected", close, t)
  T.misuse("terrind.Territory expected", t.add_member, reg, "200000172")
end)

T.run()
