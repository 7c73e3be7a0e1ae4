// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace Companion::Secrets {
class SecretStore;
}

namespace Companion::Mcp {

/**
 * The bearer key local HTTP clients must present: 32 random bytes, base64url, made at first start and
 * kept only in the OS keychain. Without a keychain there is no key, and the HTTP endpoint stays off
 * rather than falling back to a key on disk that any process of the user could read.
 */
class LocalKey final
{
public:
    using Callback = std::function<void(Expected<QByteArray, QString>)>;

    static constexpr char kSecretKey[] = "mcp/local-key";

    explicit LocalKey(Secrets::SecretStore &store);

    /** Reads the key, creating and storing one if there is none; @p callback gets the key or why not. */
    void getOrCreate(QObject *context, Callback callback);

    /** A fresh key from the system's cryptographic random source. */
    static QByteArray generate();

private:
    Secrets::SecretStore &m_store;
};

} // namespace Companion::Mcp
