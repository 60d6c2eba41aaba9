-- Removes the instruction budget, then loops: there is no debug library,
-- and the loop still runs out of budget.
return {
  report = function (registry)
    pcall(function () debug.sethook() end)
    while true do end
  end,
}
