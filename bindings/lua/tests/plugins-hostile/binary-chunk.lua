-- Loads a tampered precompiled chunk, asking for binary mode: load takes
-- only text in a plugin, and string.dump is gone.
return {
  report = function (registry)
    assert(string.dump == nil, "string.dump is available")
    local chunk = "\27LuaT\0\25\147\r\n\26\n\4\8\8" .. string.rep("\255", 64)
    local run = assert(load(chunk, "tampered", "b"))
    return tostring(run())
  end,
}
