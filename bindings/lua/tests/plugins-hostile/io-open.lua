-- Writes a file: there is no io library in a plugin.
return {
  report = function (registry)
    local file = io.open("/tmp/terrind-plugin-was-here", "w")
    file:write("pwned\n")
    return "wrote a file"
  end,
}
