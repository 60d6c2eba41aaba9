-- A plugin that allocates without end: the memory limit stops it.
return {
  report = function (registry)
    local parts = {}
    local chunk = string.rep("x", 1 << 20)
    while true do
      parts[#parts + 1] = chunk .. #parts
    end
  end,
}
