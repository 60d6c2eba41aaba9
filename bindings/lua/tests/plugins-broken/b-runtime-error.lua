-- A plugin whose check raises a Lua error.
return {
  check = function (registry)
    local missing = nil
    return missing.field
  end,
}
