-- Allocates C memory behind a small Lua heap: each registry is about 90 kB
-- of libterrind's memory for 100 bytes of Lua. The memory limit counts it.
local terrind = require "terrind"
return {
  report = function (registry)
    local kept = {}
    for i = 1, 100000 do
      kept[i] = terrind.Registry.default()
    end
    return "kept " .. #kept .. " registries"
  end,
}
