// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/SecretServiceLock.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLibrary>
#include <QPointer>
#endif

namespace Companion::Secrets::SecretServiceLock {

void isDefaultCollectionLocked(QObject *context, std::function<void(std::optional<bool>)> callback)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        callback(std::nullopt);
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"), QStringLiteral("org.freedesktop.DBus.Properties"),
        QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
        [callback = std::move(callback)](QDBusPendingCallWatcher *call) {
            call->deleteLater();
            const QDBusPendingReply<QDBusVariant> reply = *call;
            if (reply.isError()) {
                callback(std::nullopt);
                return;
            }
            callback(reply.value().variant().toBool());
        });
#else
    Q_UNUSED(context);
    callback(std::nullopt);
#endif
}

void forgetSession()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // QtKeychain loads libsecret at run time ("secret-1", version 0), so the same library is found here and
    // nothing links it at build time. secret_service_disconnect() is documented as safe at any time.
    static const QFunctionPointer disconnect =
        QLibrary::resolve(QStringLiteral("secret-1"), 0, "secret_service_disconnect");
    if (disconnect) {
        disconnect();
    }
#endif
}

} // namespace Companion::Secrets::SecretServiceLock
