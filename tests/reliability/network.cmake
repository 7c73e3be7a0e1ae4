# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Aries misbehaving under the assistant's tools (unreachable, slow, 5xx, 429, dropped or cut answers; the event
# loop's responsiveness meanwhile), and the sign-in under load and faults (a token expiring during 100 calls, a
# revoked refresh token, the keychain locked mid-session). Both against the real aries-sandbox process; the
# token faults with the real keychain (private D-Bus session with an unlocked gnome-keyring).
companion_add_test(TestNetworkFaults SOURCES TestNetworkFaults.cpp LIBS companion_tooltestsupport
                   LABELS integration TIMEOUT 180)
add_dependencies(TestNetworkFaults aries-sandbox)
companion_add_test(TestTokenFaults SOURCES TestTokenFaults.cpp LIBS companion_tooltestsupport
                   LABELS integration keychain KEYRING TIMEOUT 180)
target_link_libraries(TestTokenFaults PRIVATE Qt6::DBus)
add_dependencies(TestTokenFaults aries-sandbox)
