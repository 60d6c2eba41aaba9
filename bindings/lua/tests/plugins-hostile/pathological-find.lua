-- One string.find on 500 bytes that would take hours, all of it inside a
-- C function where the instruction budget is never checked: the time
-- limit stops it.
return {
  report = function (registry)
    local found = string.find(string.rep("a", 500), string.rep("a-", 6) .. "b")
    return tostring(found)
  end,
}
