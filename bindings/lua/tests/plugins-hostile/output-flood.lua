-- Prints without end: the output limit stops it.
return {
  report = function (registry)
    local line = string.rep("x", 4096)
    while true do
      print(line)
    end
  end,
}
