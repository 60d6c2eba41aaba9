-- A chunk that does not return a plugin table.
return 42
