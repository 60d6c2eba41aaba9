-- Renames a territory of the host's registry through a transaction rather
-- than a setter; on a read-only registry opening the transaction raises,
-- so no edit is even attempted.
return {
  name = "transaction-write",
  report = function (registry)
    local renamed = registry:transaction(function (tx)
      tx:set("territory", "ti-8401", "name", "pwned")
      return registry:territory("ti-8401").name
    end)
    return "renamed through a transaction: " .. renamed
  end,
}
