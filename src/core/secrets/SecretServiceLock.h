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

} // namespace Companion::Secrets::SecretServiceLock
