-- test-csv.lua: reg:import_csv(), reg:import_csv_string(), reg:export_csv()
--
-- Copyright (C) 2026 The libterrind authors
-- SPDX-License-Identifier: LGPL-2.1-or-later

local T = require "testlib"
local terrind = require "terrind"

local tmpdir = os.getenv("TERRIND_LUA_TMPDIR") or "."
local HEADER = "id;operator;territory;person;email\r\n"

T.case("a CSV of referents written by a spreadsheet fills a registry", function ()
  local reg = terrind.Registry.default()
  local rows = reg:import_csv_string("\239\187\191" .. HEADER ..
                                     "r-1;bpifrance;p2-ti-0101;Anne;anne@example.fr\r\n")
  T.eq(rows, 1)
  T.eq(reg.n_referents, 1)
  local path = tmpdir .. "/test-csv-r.csv"
  local f = assert(io.open(path, "w"))
  f:write("id,operator,territory,person\nr-1,bpifrance,p2-ti-0101,Annie\n")
  f:close()
  T.eq(reg:import_csv(path, { kind = "referent", replace = true, separator = "," }), 1)
  os.remove(path)
  T.eq(reg.n_referents, 1)
end)

T.case("every bad row is in the error's problems", function ()
  local reg = terrind.Registry.default()
  local before = reg:to_string()
  local ok, err = pcall(reg.import_csv_string, reg, HEADER ..
                        "r-1;bpifrance;p2-ti-0101;Anne;\r\n" ..
                        "r-2;bpifrance;nowhere;Bob;\r\n" ..
                        "r-3;pole-emploi;p2-ti-0101;Cy;not-an-email\r\n" ..
                        "r-4;pole-emploi;p2-ti-0102;;\r\n")
  T.eq(ok, false)
  T.eq(#err.problems, 3)
  T.eq(err.problems[1].line, 3)
  T.eq(err.problems[2].line, 4)
  T.eq(err.problems[3].line, 5)
  T.truthy(err.problems[2].message:find("column “email”", 1, true), "column named")
  T.eq(reg:to_string(), before)
  ok, err = pcall(reg.import_csv_string, reg, HEADER .. "r-2;bpifrance;nowhere;Bob;\r\n" ..
                  "r-3;bpifrance;nowhere2;Bob;\r\n", { max_errors = 1 })
  T.eq(ok, false)
  T.eq(#err.problems, 1)
end)

T.case("export_csv round-trips every kind", function ()
  local reg = terrind.Registry.default()
  local copy = terrind.Registry.new()
  for _, kind in ipairs { "phase", "region", "operator", "territory", "convention",
                          "commitment", "referent", "designation", "investment" } do
    copy:import_csv_string(reg:export_csv(kind, { excel = true }), { kind = kind })
  end
  T.eq(copy:to_string(), reg:to_string())
  T.truthy(reg:export_csv("operators"):find("^id,name,kind,former%-names\r\n"), "header")
end)

T.case("misuse raises", function ()
  local reg = terrind.Registry.default()
  T.misuse("unknown kind", reg.export_csv, reg, "nope")
  T.misuse("unknown CSV option", reg.import_csv_string, reg, HEADER, { nope = 1 })
  T.misuse("separator", reg.import_csv_string, reg, HEADER, { separator = "|" })
end)

T.run()
