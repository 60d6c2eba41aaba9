-- test-transaction.lua: reg:transaction(), edits that land together or not
-- at all
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local function new_territory(id)
  return terrind.Territory { id = id, name = "Nouveau " .. id, region = "84" }
end

T.case("a block that returns commits and hands back its results", function ()
  local reg = T.sample(terrind)
  local t = new_territory("ti-8403")
  local n = select("#", reg:transaction(function () return 1, nil, 3 end))
  T.eq(n, 3, "results")
  local a, b, c, edits = reg:transaction(function (tx)
    T.eq(tx.n_edits, 0)
    T.truthy(tx.open, "open")
    T.eq(tx:add(t), t, "add returns the entity")
    local r = tx:add(terrind.Referent { id = "ref-3", operator = "business-france",
                                        territory = "ti-8403", person = "Anne Petit" })
    tx:add(terrind.Commitment { id = "bf-new", kind = "referent-per-territory",
                                text = "Un de plus" }, "conv-bf")
    T.truthy(tostring(tx):find("open, 3 edits", 1, true), tostring(tx))
    return "done", r.id, t, tx.n_edits
  end)
  T.eq(a, "done")
  T.eq(b, "ref-3")
  T.eq(c, t)
  T.eq(edits, 3)
  T.eq(reg:territory("ti-8403").name, "Nouveau ti-8403")
  T.eq(reg:referent_for("business-france", "ti-8403").person, "Anne Petit")
  T.eq(reg:commitment("bf-new").convention, "conv-bf")
  T.eq(reg:convention("conv-bf").n_commitments, 3)
  -- What tx added belongs to the registry, as with reg:add_*().
  reg:close()
  T.misuse("registry is closed", function () return t.name end)
end)

T.case("a block that raises rolls back and raises the same error", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  local t = new_territory("ti-8403")
  local sentinel = { "my error" }
  local ok, err = pcall(reg.transaction, reg, function (tx)
    tx:add(t)
    tx:set("territory", "ti-8401", "name", "Renommé")
    tx:remove("operator", "pole-emploi", true)
    tx:replace { id = "ref-9", operator = "business-france", territory = "ti-8401",
                 person = "Quelqu'un" }
    T.eq(tx.n_edits, 4)
    T.eq(reg:territory("ti-8401").name, "Renommé", "edits apply at once")
    error(sentinel)
  end)
  T.eq(ok, false)
  T.truthy(rawequal(err, sentinel), "the very same error value")
  T.eq(reg:to_string(), before, "registry unchanged")
  T.eq(reg:territory("ti-8403"), nil)
  T.eq(reg:referent_for("business-france", "ti-8401").id, "ref-1")
  -- The rolled-back entity belongs to no registry again: closing this one
  -- leaves it usable, and another registry can take it.
  reg:close()
  T.eq(t.name, "Nouveau ti-8403")
  local other = terrind.Registry.new()
  other:add_region { code = "84", name = "AURA" }
  other:add_territory(t)
  T.eq(other:territory("ti-8403").name, "Nouveau ti-8403")
  -- A string error too, message intact.
  local reg2 = T.sample(terrind)
  T.misuse("plain failure", reg2.transaction, reg2, function () error("plain failure") end)
end)

T.case("a failing edit raises terrind.Error and nothing lands", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  local err = T.raises("DUPLICATE", reg.transaction, reg, function (tx)
    tx:add(new_territory("ti-8403"))
    tx:add(new_territory("ti-8401"))
    error("not reached")
  end)
  T.eq(getmetatable(err), terrind.Error)
  T.truthy(err.message:find("edit 2", 1, true), err.message)
  T.eq(reg:to_string(), before)

  -- A script that swallows the edit's error still commits nothing: the
  -- changeset failed, and the end of the block says so.
  local seen
  err = T.raises("UNKNOWN_REFERENCE", reg.transaction, reg, function (tx)
    tx:add(new_territory("ti-8403"))
    local ok, e = pcall(tx.add, tx, terrind.Territory { id = "ti-9901", name = "X", region = "99" })
    seen = e
    T.eq(ok, false)
    T.eq(reg:territory("ti-8403"), nil, "already rolled back")
    T.raises("UNKNOWN_REFERENCE", tx.add, tx, new_territory("ti-8404"))
    return "swallowed"
  end)
  T.eq(seen.code, "UNKNOWN_REFERENCE")
  T.truthy(err.message:find("region", 1, true), err.message)
  T.eq(reg:to_string(), before)
  T.raises("NOT_FOUND", reg.transaction, reg, function (tx)
    tx:set("territory", "ti-0000", "name", "X")
  end)
  T.raises("NOT_FOUND", reg.transaction, reg, function (tx)
    tx:remove("referent", "ref-0")
  end)
  T.eq(reg:to_string(), before)
end)

T.case("a cascading remove is undone whole, or lands whole", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  T.raises("IN_USE", reg.transaction, reg, function (tx)
    tx:remove("territory", "ti-8401")
  end)
  pcall(reg.transaction, reg, function (tx)
    tx:remove("territory", "ti-8401", true)
    T.eq(reg.n_referents, 0)
    T.eq(reg:territory("ti-8401"), nil)
    error("undo")
  end)
  T.eq(reg:to_string(), before)
  T.eq(reg.n_referents, 2)
  reg:transaction(function (tx)
    tx:remove("operator", "business-france", true)
  end)
  T.eq(reg:operator("business-france"), nil)
  T.eq(reg:convention("conv-bf"), nil)
  T.eq(reg.n_referents, 1)
  T.misuse("boolean expected, got table", reg.transaction, reg, function (tx)
    tx:remove("operator", "pole-emploi", { cascade = true })
  end)
  T.misuse("there is no kind of entity called 'country'", reg.transaction, reg, function (tx)
    tx:remove("country", "fr")
  end)
end)

T.case("set changes a field, converted as an assignment converts it", function ()
  local reg = T.sample(terrind)
  reg:transaction(function (tx)
    tx:set("territory", "ti-8402", "name", "Ardèche méridionale")
    tx:set("territory", "ti-8402", "phase", 2)
    tx:set("referent", "ref-2", "role", nil)
    tx:set("commitment", "bf-priority", "approximate", false)
    tx:set("referent", "ref-1", "end", "2030-12-31")
  end)
  T.eq(reg:territory("ti-8402").name, "Ardèche méridionale")
  T.eq(reg:territory("ti-8402").phase, 2)
  T.eq(reg:referent("ref-2").role, nil)
  T.eq(reg:commitment("bf-priority").approximate, false)
  T.eq(reg:referent("ref-1")["end"], "2030-12-31")
  reg:transaction(function (tx)
    tx:set("commitment", "bf-priority", "period", "per-year")
    tx:set("commitment", "bf-priority", "amount", 1500000)
    tx:set("commitment", "bf-coach", "text", "Un coach, un seul")
  end)
  T.eq(reg:commitment("bf-priority").amount, 1500000)
  T.eq(reg:commitment("bf-coach").text, "Un coach, un seul")
  local before = reg:to_string()
  for _, bad in ipairs {
    { "integer expected", "territory", "ti-8402", "phase", "two" },
    { "string expected", "territory", "ti-8402", "name", {} },
    { "string expected", "territory", "ti-8402", "name", nil },
    { "has no field 'colour'", "territory", "ti-8402", "colour", "red" },
    { "has no field 'first-year'", "commitment", "bf-coach", "first-year", 2021 },
    { "read-only", "territory", "ti-8402", "id", "ti-0000" },
  } do
    T.misuse(bad[1], reg.transaction, reg, function (tx)
      tx:set("territory", "ti-8401", "name", "changed first")
      tx:set(table.unpack(bad, 2, 5))
    end)
  end
  T.misuse("value expected", reg.transaction, reg, function (tx)
    tx:set("territory", "ti-8402", "name")
  end)
  T.raises("INVALID_VALUE", reg.transaction, reg, function (tx)
    tx:set("territory", "ti-8402", "phase", -1)
  end)
  T.eq(reg:to_string(), before)
end)

T.case("tx refuses use once its block ended", function ()
  local reg = T.sample(terrind)
  reg:transaction(function (tx) SAVED_TX = tx end)
  local tx = SAVED_TX
  SAVED_TX = nil
  T.eq(tx.open, false)
  T.eq(tx.n_edits, 0)
  T.eq(tostring(tx), "terrind.Transaction (over)")
  T.misuse("the transaction is over", tx.add, tx, new_territory("ti-8403"))
  T.misuse("the transaction is over", tx.set, tx, "territory", "ti-8401", "name", "X")
  T.misuse("the transaction is over", tx.remove, tx, "territory", "ti-8401", true)
  T.misuse("the transaction is over", tx.replace, tx, reg:referent("ref-1"))
  -- Also after a rollback, and the registry takes new transactions.
  pcall(reg.transaction, reg, function (t) SAVED_TX = t; error("x") end)
  T.misuse("the transaction is over", SAVED_TX.add, SAVED_TX, new_territory("ti-8403"))
  SAVED_TX = nil
  reg:transaction(function (t) t:add(new_territory("ti-8403")) end)
  T.eq(reg.n_territories, 4)
  T.eq(getmetatable(tx), "terrind.Transaction")
  T.misuse("no field 'commit'", function () return tx.commit end)
  T.misuse("no writable fields", function () tx.n_edits = 3 end)
  T.misuse("non-closable value", reg.transaction, reg, function (t)
    local closing <close> = t
  end)
end)

T.case("one transaction at a time; the registry's own mutations wait", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  local other = terrind.Registry.new()
  T.raises("IN_USE", reg.transaction, reg, function (tx)
    tx:add(new_territory("ti-8403"))
    T.raises("IN_USE", reg.transaction, reg, function () end)
    T.raises("IN_USE", reg.add_region, reg, { code = "53", name = "Bretagne" })
    T.raises("IN_USE", reg.remove_referent, reg, "ref-1")
    T.raises("IN_USE", reg.remove_territory, reg, "ti-8401", { cascade = true })
    T.raises("IN_USE", reg.replace_referent, reg, { id = "ref-9", operator = "business-france",
                                                    territory = "ti-8401", person = "X" })
    T.raises("IN_USE", reg.import_string, reg, before)
    -- Changes through an entity would escape the undo log: refused too,
    -- for what the registry held and for what tx added.
    local t = reg:territory("ti-8401")
    T.raises("IN_USE", function () t.name = "outside" end)
    T.raises("IN_USE", t.add_department, t, "01")
    local conv = reg:convention("conv-bf")
    T.raises("IN_USE", conv.add_commitment, conv, { id = "c-x", kind = "referent-per-territory",
                                                    text = "X" })
    T.raises("IN_USE", function () reg:territory("ti-8403").name = "outside" end)
    -- Another registry is another matter.
    other:transaction(function (tx2) tx2:add(terrind.Region { code = "53", name = "Bretagne" }) end)
    -- Reads go on.
    T.eq(reg:territory("ti-8403").name, "Nouveau ti-8403")
    -- Left unhandled, the refusal ends the block, which rolls back.
    reg:add_region { code = "53", name = "Bretagne" }
  end)
  T.eq(reg:to_string(), before)
  T.eq(other.n_regions, 1)
  reg:add_region { code = "53", name = "Bretagne" }
  T.eq(reg.n_regions, 3)
  reg:territory("ti-8401").name = "Renommé après"
  T.eq(reg:territory("ti-8401").name, "Renommé après")
  -- Entities of no registry, or of another one, change as usual.
  reg:transaction(function ()
    local free = new_territory("ti-9999")
    free.name = "Libre"
    other:region("53").name = "Breizh"
  end)
  T.eq(other:region("53").name, "Breizh")
end)

T.case("a finalizer that closes the registry during the block", function ()
  local reg = T.sample(terrind)
  local t = new_territory("ti-8403")
  setmetatable({}, { __gc = function () reg:close() end })
  T.misuse("registry is closed", reg.transaction, reg, function (tx)
    tx:add(t)
    collectgarbage()
    collectgarbage()
    tx:set("territory", "ti-8401", "name", "not reached")
  end)
  -- Rolled back: t belongs to no registry and is usable again.
  T.eq(t.name, "Nouveau ti-8403")
  local other = terrind.Registry.new()
  other:add_region { code = "84", name = "AURA" }
  other:add_territory(t)

  -- A block that ends normally after the close commits nothing either.
  reg = T.sample(terrind)
  t = new_territory("ti-8403")
  setmetatable({}, { __gc = function () reg:close() end })
  T.misuse("registry is closed", reg.transaction, reg, function (tx)
    tx:add(t)
    collectgarbage()
    collectgarbage()
  end)
  T.eq(t.name, "Nouveau ti-8403")
  T.misuse("attempt to use a closed terrind Registry", reg.transaction, reg, function () end)
end)

T.case("yielding inside the block is refused and rolls back", function ()
  local reg = T.sample(terrind)
  local before = reg:to_string()
  local co = coroutine.create(function ()
    reg:transaction(function (tx)
      tx:add(new_territory("ti-8403"))
      coroutine.yield("inside")
    end)
    return "finished"
  end)
  local ok, err = coroutine.resume(co)
  T.eq(ok, false)
  T.truthy(tostring(err):find("attempt to yield across a C-call boundary", 1, true), tostring(err))
  T.eq(coroutine.status(co), "dead")
  T.eq(reg:to_string(), before)
  -- The registry is free: nothing was left open.
  reg:add_region { code = "53", name = "Bretagne" }
  -- A coroutine run inside the block may yield to it.
  reg:transaction(function (tx)
    local gen = coroutine.wrap(function ()
      coroutine.yield(new_territory("ti-8403"))
      coroutine.yield(new_territory("ti-8404"))
    end)
    tx:add(gen())
    tx:add(gen())
  end)
  T.eq(reg.n_territories, 5)
end)

T.case("closing the Lua state during the block rolls back", function ()
  local interpreter = arg and arg[-1]
  local tmpdir = os.getenv("TERRIND_LUA_TMPDIR")
  if not interpreter or not tmpdir then
    return
  end
  local path = tmpdir .. "/test-transaction-close.lua"
  local script = assert(io.open(path, "w"))
  script:write([[
    local T = require "testlib"
    local terrind = require "terrind"
    local reg = T.sample(terrind)
    local before = reg:to_string()
    -- Made after reg and before the transaction: its finalizer runs after
    -- the transaction's and before the registry's. Held by a local, so
    -- that no collection during the block can run it early.
    local sentinel = setmetatable({}, { __gc = function ()
      io.write(reg:to_string() == before and "rolled back\n" or "NOT rolled back\n")
      io.write(pcall(reg.add_region, reg, { code = "53", name = "B" }) and "free\n" or "blocked\n")
    end })
    reg:transaction(function (tx)
      tx:add(terrind.Territory { id = "ti-8403", name = "N", region = "84" })
      tx:remove("territory", "ti-8401", true)
      collectgarbage()  -- finalizes nothing that is still held
      io.write("closing\n")
      os.exit(0, true)
    end)
    io.write("not reached\n")
  ]])
  script:close()
  local child = assert(io.popen(string.format("%q %q", interpreter, path)))
  local out = child:read("a")
  child:close()
  os.remove(path)
  T.eq(out, "closing\nrolled back\nfree\n")
end)

T.case("misuse", function ()
  local reg = T.sample(terrind)
  T.misuse("function expected, got no value", reg.transaction, reg)
  T.misuse("function expected, got table", reg.transaction, reg, {})
  T.misuse("terrind entity expected", reg.transaction, reg, function (tx)
    tx:add { id = "ti-8403", name = "N", region = "84" }
  end)
  T.misuse("give its id", reg.transaction, reg, function (tx)
    tx:add(terrind.Commitment { id = "c", kind = "referent-per-territory", text = "T" })
  end)
  T.misuse("only a commitment", reg.transaction, reg, function (tx)
    tx:add(new_territory("ti-8403"), "conv-bf")
  end)
  T.misuse("Referent expected", reg.transaction, reg, function (tx)
    tx:replace(new_territory("ti-8403"))
  end)
  T.raises("DUPLICATE", reg.transaction, reg, function (tx)
    tx:add(reg:territory("ti-8401"))
  end)
  local closed = T.sample(terrind)
  closed:close()
  T.misuse("attempt to use a closed terrind Registry", closed.transaction, closed, function () end)
end)

T.run()
