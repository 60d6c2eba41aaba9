-- referent-email-domain.lua: a check plugin for lua-host
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Each operator names its referents from among its own staff, so a
-- referent's e-mail address must be in one of the operator's mail domains
-- (or a subdomain of one). Referents without an address are not checked.

-- Mail domains per operator id. Pôle emploi kept its old domain while it
-- was renamed France Travail; the Banque des Territoires is a branch of the
-- Caisse des Dépôts.
local DOMAINS = {
  ["banque-des-territoires"] = { "banquedesterritoires.fr", "caissedesdepots.fr" },
  ["bpifrance"] = { "bpifrance.fr" },
  ["business-france"] = { "businessfrance.fr" },
  ["pole-emploi"] = { "francetravail.fr", "pole-emploi.fr" },
}

local function domain_of(address)
  return address:match("@([^@]+)$")
end

local function belongs(domain, allowed)
  domain = domain:lower()
  for _, candidate in ipairs(allowed) do
    if domain == candidate or domain:sub(-(#candidate + 1)) == "." .. candidate then
      return true
    end
  end
  return false
end

local function check(registry)
  local findings = {}
  for referent in registry:referents() do
    local address = referent.email
    if address then
      local allowed = DOMAINS[referent.operator]
      local domain = domain_of(address)
      if not allowed then
        findings[#findings + 1] = {
          subject = referent.id,
          message = string.format("no known mail domain for operator %s; %s not checked",
                                  referent.operator, address),
        }
      elseif not domain or not belongs(domain, allowed) then
        findings[#findings + 1] = {
          subject = referent.id,
          message = string.format("%s (%s) has the address %s, outside %s's domains (%s)",
                                  referent.person, referent.territory, address,
                                  referent.operator, table.concat(allowed, ", ")),
        }
      end
    end
  end
  return findings
end

return {
  name = "referent-email-domain",
  description = "referents' e-mail addresses belong to their operator's domain",
  check = check,
}
