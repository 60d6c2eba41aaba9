-- Forces a metatable onto numbers to corrupt memory: there is no debug
-- library in a plugin.
return {
  report = function (registry)
    debug.setmetatable(0, { __index = function () return "corrupted" end })
    return (1).anything
  end,
}
