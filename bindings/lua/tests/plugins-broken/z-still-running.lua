-- A good plugin after the broken ones: it still runs, on an intact registry.
return {
  name = "still-running",
  report = function (registry)
    return string.format("still running: %d territories, %d operators",
                         registry.n_territories, registry.n_operators)
  end,
}
