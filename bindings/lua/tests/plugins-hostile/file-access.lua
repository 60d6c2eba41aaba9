-- Writes a file through the binding: plugins have no file access there
-- either.
return {
  report = function (registry)
    registry:save("/tmp/terrind-plugin-was-here.xml")
    return "saved"
  end,
}
