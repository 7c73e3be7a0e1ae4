// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace Companion::Secrets {

/** Why a keychain operation failed. message is the operating system's own text, for the user to see. */
struct SecretError
{
    enum class Code {
        NotFound, ///< No entry under that key (reads only)
        Unavailable, ///< No keychain service, or it is locked
        Denied, ///< The user or the system refused access
        Timeout, ///< No answer in time (a locked keyring can wait for a prompt forever)
        Other,
    };
    Code code = Code::Other;
    QString message;
};

/**
 * Where secrets live: the operating system's keychain in the app, and nowhere else. Asynchronous,
 * because a keychain may ask the user first; callbacks run on the thread of @p context and are
 * dropped when @p context is destroyed first.
 */
class SecretStore
{
public:
    using ReadCallback = std::function<void(Expected<QByteArray, SecretError>)>;
    using WriteCallback = std::function<void(Expected<void, SecretError>)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    virtual void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback callback) = 0;
    /** Removing a key that does not exist succeeds. */
    virtual void remove(const QString &key, QObject *context, WriteCallback callback) = 0;
};

} // namespace Companion::Secrets
