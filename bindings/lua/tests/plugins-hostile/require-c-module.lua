-- Requires a C module: require knows only "terrind".
return {
  report = function (registry)
    local socket = require "socket.core"
    return tostring(socket)
  end,
}
