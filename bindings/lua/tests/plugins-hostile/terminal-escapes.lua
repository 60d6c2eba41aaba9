-- Hostile: tries to drive the host's terminal through what it prints,
-- reports and raises (clear the screen, forge a line, a C1 CSI).
print("\27[2J\27[Hcleared")
return {
  name = "terminal-escapes",
  check = function (registry)
    return { { subject = "ti\r\27[1A", message = "forged\nlua-host: 0 plugins skipped\194\155" } }
  end,
  report = function (registry)
    return "\27]0;title\7report"
  end,
}
