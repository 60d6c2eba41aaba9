-- A plugin table whose metatable raises on every lookup: the host reads it
-- with raw accesses, finds no entry point and says so.
return setmetatable({}, {
  __index = function () error("looked up through __index") end,
})
