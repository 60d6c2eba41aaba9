-- business-france-coverage.lua: a report plugin for lua-host
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Business France promised a "Coach international" referent for each
-- territory. The report lists, region by region, the territories that still
-- have no Business France referent.

local OPERATOR = "business-france"

local function report(registry)
  local operator = registry:operator(OPERATOR)
  if not operator then
    return "No operator " .. OPERATOR .. " in this registry: nothing to report.\n"
  end

  local missing = {}   -- region code -> list of territories
  local total, without = registry.n_territories, 0
  for territory in registry:territories_without_referent(OPERATOR) do
    local code = territory.region
    missing[code] = missing[code] or {}
    table.insert(missing[code], territory)
    without = without + 1
  end

  local lines = {
    string.format("Territories without a %s referent, by region:", operator.name),
  }
  for region in registry:regions() do
    local list = missing[region.code]
    if list then
      local in_region = 0
      for _ in registry:territories_in_region(region.code) do
        in_region = in_region + 1
      end
      local ids = {}
      for i, territory in ipairs(list) do
        ids[i] = territory.id
      end
      lines[#lines + 1] = string.format("  %s (%s): %d of %d: %s", region.name, region.code,
                                        #list, in_region, table.concat(ids, " "))
    end
  end
  lines[#lines + 1] = string.format("Total: %d of %d territories without a %s referent.",
                                    without, total, operator.name)
  return table.concat(lines, "\n") .. "\n"
end

return {
  name = "business-france-coverage",
  description = "territories per region without a Business France referent",
  report = report,
}
