# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The keychain adapter against the real Secret Service (private D-Bus session, gnome-keyring), without any
# session bus, and with a locked keyring whose unlock prompt nobody answers; the token manager against the
# real keychain and the real aries-sandbox process.
companion_add_test(TestKeychainSecretStore SOURCES TestKeychainSecretStore.cpp LIBS companion_core
                   LABELS keychain KEYRING)
companion_add_test(TestKeychainUnavailable SOURCES TestKeychainUnavailable.cpp LIBS companion_core
                   LABELS keychain)
companion_add_test(TestTokenManager SOURCES TestTokenManager.cpp LIBS companion_core
                   LABELS integration keychain KEYRING TIMEOUT 180)
add_dependencies(TestTokenManager aries-sandbox)

# A locked keyring waiting for its unlock prompt, for real: the login keyring is created unlocked, the daemon
# is replaced by one that loads it locked, and Xvfb gives gcr-prompter a screen, so every keychain call shows
# "Unlock Login Keyring" and waits for a person who never comes (without a display the prompt fails at once
# and so does the call; with one, the call never ends, which is what the timeout is for). Entries are seeded
# while it is unlocked: a search for a key that is not there is answered from the locked file without a prompt.
# No semicolons in the script: CMake would split it into several arguments.
add_executable(TestKeychainTimeout TestKeychainTimeout.cpp)
target_link_libraries(TestKeychainTimeout PRIVATE Qt6::Test companion_testsupport companion_core)
target_compile_definitions(TestKeychainTimeout PRIVATE QT_FORCE_ASSERTS)
companion_apply_common_settings(TestKeychainTimeout)
set(companion_locked_keyring_script [=[
printf ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null || exit 70
for key in tokens/locked tokens/locked-client
do
    printf seed | secret-tool store --label=seed server com.aries.companion.tests.locked user "$key" type plaintext \
        || exit 71
done
gnome-keyring-daemon --replace --components=secrets </dev/null >/dev/null 2>&1 || exit 72
exec "$@"
]=])
add_test(NAME TestKeychainTimeout
         COMMAND "${PROJECT_SOURCE_DIR}/tests/run-isolated.sh" plain
                 xvfb-run -a dbus-run-session -- sh -c "${companion_locked_keyring_script}" sh
                 $<TARGET_FILE:TestKeychainTimeout>)
set_tests_properties(TestKeychainTimeout PROPERTIES
    LABELS keychain
    TIMEOUT 120
    # No accessibility bus for gcr-prompter: it would start one more dbus-daemon outside the session.
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;NO_AT_BRIDGE=1;GTK_A11Y=none")

# TestTokenManager unlocks the keyring over D-Bus as a desktop login would.
target_link_libraries(TestTokenManager PRIVATE Qt6::DBus)
