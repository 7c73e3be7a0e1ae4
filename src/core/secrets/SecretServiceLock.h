// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

class QObject;

namespace Companion::Secrets::SecretServiceLock {

/**
 * Asks the freedesktop Secret Service (GNOME Keyring, KWallet) whether the default collection, where
 * QtKeychain keeps our entries, is locked. Needed because a read from a locked collection that cannot
 * show an unlock prompt comes back from libsecret as "not found", which would look like being signed
 * out. Answers nullopt where there is no Secret Service (other platforms, no session bus). Asynchronous;
 * @p callback runs on @p context's thread unless @p context is gone.
 */
void isDefaultCollectionLocked(QObject *context, std::function<void(std::optional<bool>)> callback);

/**
 * Drops libsecret's cached connection to the Secret Service, so the next keychain job opens a new one.
 * libsecret keeps one connection, with its encryption session, for the whole process; when the keyring
 * daemon ends (crash, restart, D-Bus starting a new one) every later job fails with "The session does not
 * exist" until the app restarts, and unlocking the new keyring and choosing Retry would never help.
 * Harmless when the connection was fine (the next job reconnects); does nothing where libsecret is not used.
 */
void forgetSession();

} // namespace Companion::Secrets::SecretServiceLock
