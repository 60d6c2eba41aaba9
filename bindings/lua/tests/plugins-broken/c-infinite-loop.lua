-- A plugin that never returns: the instruction budget stops it.
return {
  check = function (registry)
    local n = 0
    while true do
      n = n + 1
    end
  end,
}
