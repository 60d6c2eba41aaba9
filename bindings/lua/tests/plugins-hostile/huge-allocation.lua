-- Asks Lua for a gigabyte in one string.
return {
  report = function (registry)
    return string.rep("x", 1 << 30)
  end,
}
