-- Ends the host: there is no os.exit in a plugin.
return {
  report = function (registry)
    os.exit(0)
  end,
}
