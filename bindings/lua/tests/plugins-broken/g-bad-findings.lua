-- A check that returns findings of the wrong shape.
return {
  check = function (registry)
    return { 1, { subject = "x" } }
  end,
}
