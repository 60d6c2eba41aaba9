-- Renames every territory of the host's registry; on a read-only registry
-- the first rename raises.
return {
  report = function (registry)
    local n = 0
    for territory in registry:territories() do
      territory.name = "pwned"
      n = n + 1
    end
    return "renamed " .. n .. " territories"
  end,
}
