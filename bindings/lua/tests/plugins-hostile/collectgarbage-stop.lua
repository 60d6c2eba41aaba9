-- Stops the collector, to grow the heap past what it frees.
return {
  report = function (registry)
    collectgarbage("stop")
    return "stopped the collector"
  end,
}
