-- testlib.lua: a small TAP harness for the Lua suite of the terrind binding
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local M = {}

local cases = {}

-- Registers a test case; cases run in order, each in its own pcall.
function M.case(name, fn)
  cases[#cases + 1] = { name = name, fn = fn }
end

local function describe(value)
  if type(value) == "string" then
    return string.format("%q", value)
  end
  return tostring(value)
end

function M.eq(actual, expected, what)
  if actual ~= expected then
    error(string.format("%sexpected %s, got %s", what and (what .. ": ") or "",
                        describe(expected), describe(actual)), 2)
  end
end

function M.truthy(value, what)
  if not value then
    error((what or "value") .. " is not true", 2)
  end
end

-- Calls fn(...) and checks that it raises a terrind.Error with this code;
-- returns the error value.
function M.raises(code, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then
    error("expected a terrind error " .. code .. ", got success", 2)
  end
  if type(err) ~= "table" or err.code ~= code then
    error("expected a terrind error " .. code .. ", got " .. describe(err), 2)
  end
  return err
end

-- Calls fn(...) and checks that it raises a plain Lua error (misuse of the
-- binding) whose message contains `fragment` (a plain substring).
function M.misuse(fragment, fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then
    error("expected an error containing " .. describe(fragment) .. ", got success", 2)
  end
  if type(err) ~= "string" or not err:find(fragment, 1, true) then
    error("expected an error containing " .. describe(fragment) .. ", got " .. describe(err), 2)
  end
  return err
end

-- Counts what an iterator yields.
function M.count(iterator)
  local n = 0
  for _ in iterator do
    n = n + 1
  end
  return n
end

-- Collects the ids of what an iterator yields, in order.
function M.ids(iterator)
  local ids = {}
  for entity in iterator do
    ids[#ids + 1] = entity.id
  end
  return table.concat(ids, ",")
end

-- A small valid registry shared by the suites: two regions, two operators,
-- three territories, one convention with two commitments, two referents.
function M.sample(terrind)
  local reg = terrind.Registry.new()
  reg:add_region { code = "84", name = "Auvergne-Rhône-Alpes" }
  reg:add_region { code = "11", name = "Île-de-France" }
  reg:add_operator { id = "business-france", name = "Business France", kind = "export-agency" }
  reg:add_operator { id = "pole-emploi", name = "France Travail",
                     former_names = { { name = "Pôle emploi", ["until"] = "2023-12-31" } } }
  reg:add_territory { id = "ti-8401", name = "Vallée de l'Arve", region = "84",
                      phase = 1, members = { "200000172" }, departments = { "74" } }
  reg:add_territory { id = "ti-8402", name = "Ardèche", region = "84" }
  reg:add_territory { id = "ti-1101", name = "Grand Paris Sud", region = "11" }
  reg:add_convention {
    id = "conv-bf", operator = "business-france", date = "2019-03-05", place = "Lyon",
    signatories = { { name = "Jacqueline Gourault", role = "Ministre" } },
    commitments = {
      { id = "bf-coach", kind = "referent-per-territory", text = "Un coach international" },
      { id = "bf-priority", kind = "yearly-target", text = "Une vingtaine de territoires",
        approximate = true, targets = { { level = "priority", count = 20 },
                                        { level = "reinforced", count = 5 } } },
    },
  }
  reg:add_referent { id = "ref-1", operator = "business-france", territory = "ti-8401",
                     person = "Jeanne Martin", email = "jeanne.martin@businessfrance.fr" }
  reg:add_referent { id = "ref-2", operator = "pole-emploi", territory = "ti-8401",
                     person = "Paul Durand", role = "Conseiller référent",
                     phone = "+33 4 50 00 00 00", start = "2019-06-01" }
  return reg
end

-- Two valid SIRENs of real EPCI (CA Cap Excellence, CC du Pays de Meaux).
M.SIREN_SHARED = "200018653"
M.SIREN_OTHER = "249710062"

-- A registry that defines phases 1 and 2: "ti-0101" of phase 1 and
-- "p2-ti-0101" of phase 2, whose ANCT id is "ti-0101" too, share a member;
-- "ti-0102" (phase 1) has another. The Python suite builds the same one
-- (terrind_testutil.phased_registry).
function M.phased(terrind)
  local reg = terrind.Registry.new()
  reg:add_phase { number = 1, name = "Territoires d'industrie", first_year = 2018,
                  last_year = 2022, announced = "2018-11-22" }
  reg:add_phase { number = 2, name = "Territoires d'industrie 2023-2027", first_year = 2023,
                  last_year = 2027 }
  reg:add_region { code = "01", name = "Guadeloupe" }
  reg:add_territory { id = "ti-0101", name = "Cap Excellence", region = "01", phase = 1,
                      members = { M.SIREN_SHARED } }
  reg:add_territory { id = "p2-ti-0101", name = "Cap Excellence et Nord Basse-Terre",
                      region = "01", phase = 2, anct_id = "ti-0101",
                      members = { M.SIREN_SHARED } }
  reg:add_territory { id = "ti-0102", name = "Autre", region = "01", phase = 1,
                      members = { M.SIREN_OTHER } }
  return reg
end

-- The registry of records the Python suite's records_registry() builds:
-- phases 1 and 2; ti-a (phase 1), ti-b (phase 2); bdt-equity (bdt,
-- 2019-2022, themes friches and numérique), bf-priority (bf, targets
-- priority and reinforced), bf-tool; designation d-1 (bf, ti-a, 2020,
-- priority) and investment i-1 (bdt, ti-a, 2020, 1500000, friches).
function M.records(terrind)
  local reg = terrind.Registry.new()
  reg:add_phase { number = 1, name = "Phase 1", first_year = 2018, last_year = 2022 }
  reg:add_phase { number = 2, name = "Phase 2", first_year = 2023, last_year = 2027 }
  reg:add_region { code = "84", name = "Auvergne-Rhône-Alpes" }
  reg:add_operator { id = "bdt", name = "Banque des Territoires" }
  reg:add_operator { id = "bf", name = "Business France" }
  reg:add_territory { id = "ti-a", name = "A", region = "84", phase = 1 }
  reg:add_territory { id = "ti-b", name = "B", region = "84", phase = 2 }
  reg:add_convention { id = "conv-bdt", operator = "bdt", date = "2019-03-05", phase = 1,
                       commitments = {
                         { id = "bdt-equity", kind = "money-envelope", text = "t",
                           amount = 100000000, period = "per-year", first_year = 2019,
                           last_year = 2022, themes = { "friches", "numérique" } } } }
  reg:add_convention { id = "conv-bf", operator = "bf", date = "2019-03-05", phase = 1,
                       commitments = {
                         { id = "bf-priority", kind = "yearly-target", text = "t",
                           targets = { { level = "priority", count = 20 },
                                       { level = "reinforced", count = 5 } } },
                         { id = "bf-tool", kind = "tool", text = "t" } } }
  reg:add_designation { id = "d-1", operator = "bf", territory = "ti-a", year = 2020,
                        level = "priority", commitment = "bf-priority" }
  reg:add_investment { id = "i-1", operator = "bdt", territory = "ti-a", year = 2020,
                       amount = 1500000, commitment = "bdt-equity", theme = "friches",
                       project = "Friche Nord" }
  return reg
end

-- Runs every case, prints TAP and exits with the status automake expects.
function M.run()
  io.stdout:setvbuf("line")
  print("1.." .. #cases)
  local failed = 0
  for i, case in ipairs(cases) do
    local ok, err = xpcall(case.fn, debug.traceback)
    if ok then
      print("ok " .. i .. " - " .. case.name)
    else
      failed = failed + 1
      print("not ok " .. i .. " - " .. case.name)
      for line in tostring(err):gmatch("[^\n]+") do
        print("# " .. line)
      end
    end
    -- Finalizers of this case run now, before the next one starts.
    collectgarbage()
    collectgarbage()
  end
  os.exit(failed == 0 and 0 or 1)
end

-- Calls `call` until `action` has run from a finalizer inside it, and
-- returns pcall's two results for that call. The collector runs in
-- generational mode with a minor collection every 1 % of growth, and a
-- minor collection ends by running the pending finalizers: so the bomb goes
-- off in one of the next few allocations, which are the binding's, since
-- `call` must not allocate itself (no table constructors, no
-- concatenation). The wrappers earlier calls returned were marked for
-- finalization after the bomb, so they are finalized before it (Lua calls
-- finalizers in the reverse order): when the bomb removes an entity or
-- closes a registry, nothing but the call under test still points at it.
function M.during(action, call)
  local inside, done, pending = false, false, false
  local function arm()
    pending = true
    setmetatable({}, { __gc = function ()
      pending = false
      if inside and not done then
        done = true
        action()
      end
    end })
  end
  local ok, result
  collectgarbage()
  collectgarbage("generational", 1, 100)
  for _ = 1, 100000 do
    if not pending then
      arm()
    end
    -- What the last call returned must not stay reachable from here.
    ok, result = nil, nil
    inside = true
    ok, result = pcall(call)
    inside = false
    if done then
      collectgarbage("incremental", 200, 100, 13)
      return ok, result
    end
  end
  collectgarbage("incremental", 200, 100, 13)
  error("the finalizer never ran inside the call")
end

return M
