# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The request checker on its own (pure, fuzzed), the HTTP server under attack (limits, timeouts, smuggling
# shapes with a counting handler), and the real app's listening sockets read from /proc.
companion_add_test(TestRequestChecker SOURCES TestRequestChecker.cpp LIBS companion_http LABELS unit)
companion_add_test(TestHttpServer SOURCES TestHttpServer.cpp LIBS companion_http LABELS integration)
# KEYRING: the HTTP endpoint only comes up with a local key from a working keychain.
companion_add_test(TestListenAddresses SOURCES TestListenAddresses.cpp LABELS e2e KEYRING TIMEOUT 120)
target_compile_definitions(TestListenAddresses PRIVATE ARIES_COMPANION_BIN="$<TARGET_FILE:aries-companion>")
add_dependencies(TestListenAddresses aries-companion)
