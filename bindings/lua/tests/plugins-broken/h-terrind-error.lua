-- A check that triggers a libterrind error and lets it escape.
return {
  check = function (registry)
    registry:add_region { code = "not a code", name = "Nowhere" }
    return {}
  end,
}
