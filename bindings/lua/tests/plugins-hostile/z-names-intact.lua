-- Runs after the renaming plugins (z: last in name order) and counts the
-- territories they managed to rename in the registry it is given.
return {
  name = "names-intact",
  report = function (registry)
    local pwned = 0
    for territory in registry:territories() do
      if territory.name == "pwned" then
        pwned = pwned + 1
      end
    end
    return string.format("%d of %d territories renamed", pwned, registry.n_territories)
  end,
}
