-- A plugin that does not compile: the host reports it and goes on.
return {
  check = function (registry)
    return { "unterminated"
  end,
}
