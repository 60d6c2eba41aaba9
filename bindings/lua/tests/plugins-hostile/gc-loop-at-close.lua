-- Leaves a finalizer that never returns, for when the state is closed:
-- the plugin's state is never closed, so the plugin simply succeeds.
setmetatable({}, { __gc = function () while true do end end })
return {
  report = function (registry)
    return "left a finalizer behind"
  end,
}
