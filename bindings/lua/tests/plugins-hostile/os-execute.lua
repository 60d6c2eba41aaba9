-- Runs a shell command: there is no os.execute in a plugin.
return {
  report = function (registry)
    os.execute("touch /tmp/terrind-plugin-was-here")
    return "ran a command"
  end,
}
