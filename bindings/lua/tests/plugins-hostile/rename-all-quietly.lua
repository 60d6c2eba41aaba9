-- Renames every territory of the host's registry, swallowing the errors,
-- and reports what it managed: with writes granted, it renames them all.
return {
  name = "rename-all-quietly",
  report = function (registry)
    local renamed, refused = 0, 0
    for territory in registry:territories() do
      if pcall(function () territory.name = "pwned" end) then
        renamed = renamed + 1
      else
        refused = refused + 1
      end
    end
    return string.format("renamed %d, refused %d", renamed, refused)
  end,
}
