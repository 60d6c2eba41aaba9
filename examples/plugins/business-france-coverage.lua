-- business-france-coverage.lua: a report plugin for lua-host
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Business France promised a "Coach international" referent for each
-- territory. The report lists, region by region, the territories that still
-- have no Business France referent.
--
-- A registry that defines phases (the embedded default holds phases 1 and
-- 2) is reported for its current phase only, registry:phase_on(): the
-- territories of an ended phase no longer expect a referent. When today
-- falls in none of its phases (the last one has ended), the latest phase
-- is reported. A registry without phases is reported whole.

local OPERATOR = "business-france"

-- The phase to report, or nil for every territory.
local function current_phase(registry)
  local phase = registry:phase_on()
  if phase == nil then
    for p in registry:phases() do   -- in order of number: the last is the latest
      phase = p
    end
  end
  return phase
end

local function report(registry)
  local operator = registry:operator(OPERATOR)
  if not operator then
    return "No operator " .. OPERATOR .. " in this registry: nothing to report.\n"
  end

  local phase = current_phase(registry)
  local function counted(territory)
    return phase == nil or territory.phase == phase.number
  end
  local scope = ""
  if phase ~= nil then
    scope = string.format(" of phase %d (%d-%d)", phase.number, phase.first_year,
                          phase.last_year)
  end

  local missing = {}   -- region code -> list of territories
  local total, without = 0, 0
  if phase == nil then
    total = registry.n_territories
  else
    for _ in registry:territories_in_phase(phase.number) do
      total = total + 1
    end
  end
  for territory in registry:territories_without_referent(OPERATOR) do
    if counted(territory) then
      local code = territory.region
      missing[code] = missing[code] or {}
      table.insert(missing[code], territory)
      without = without + 1
    end
  end

  local lines = {
    string.format("Territories%s without a %s referent, by region:", scope, operator.name),
  }
  for region in registry:regions() do
    local list = missing[region.code]
    if list then
      local in_region = 0
      for territory in registry:territories_in_region(region.code) do
        if counted(territory) then
          in_region = in_region + 1
        end
      end
      local ids = {}
      for i, territory in ipairs(list) do
        ids[i] = territory.id
      end
      lines[#lines + 1] = string.format("  %s (%s): %d of %d: %s", region.name, region.code,
                                        #list, in_region, table.concat(ids, " "))
    end
  end
  lines[#lines + 1] = string.format("Total: %d of %d territories%s without a %s referent.",
                                    without, total, scope, operator.name)
  return table.concat(lines, "\n") .. "\n"
end

return {
  name = "business-france-coverage",
  description = "territories per region without a Business France referent",
  report = report,
}
