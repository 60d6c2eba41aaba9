-- Loads C code: there is no package library in a plugin.
return {
  report = function (registry)
    local system = package.loadlib("libc.so.6", "system")
    system("touch /tmp/terrind-plugin-was-here")
    return "loaded C"
  end,
}
