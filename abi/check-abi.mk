# SPDX-License-Identifier: LGPL-2.1-or-later
check-abi:
	@echo "check-abi: not yet wired"
.PHONY: check-abi
