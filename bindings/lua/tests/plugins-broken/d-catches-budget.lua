-- A plugin that tries to survive the budget by catching its error.
return {
  report = function (registry)
    while true do
      pcall(function ()
        while true do end
      end)
    end
  end,
}
