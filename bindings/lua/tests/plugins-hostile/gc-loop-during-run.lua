-- Runs a finalizer that never returns (hooks do not run in finalizers, so
-- the budget cannot stop it): the time limit does.
return {
  report = function (registry)
    setmetatable({}, { __gc = function () while true do end end })
    collectgarbage()
    return "the collector returned"
  end,
}
