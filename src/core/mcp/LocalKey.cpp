// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalKey.h"

#include "secrets/SecretStore.h"

#include <QPointer>
#include <QRandomGenerator>

#include <array>

namespace Companion::Mcp {

LocalKey::LocalKey(Secrets::SecretStore &store)
    : m_store(store)
{ }

QByteArray LocalKey::generate()
{
    std::array<quint32, 8> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

void LocalKey::getOrCreate(QObject *context, Callback callback)
{
    const QString key = QString::fromLatin1(kSecretKey);
    QPointer<QObject> guard(context);
    m_store.read(key, context, [this, key, guard, callback](Expected<QByteArray, Secrets::SecretError> read) {
        if (read && !read->isEmpty()) {
            callback(*read);
            return;
        }
        if (!read && read.error().code != Secrets::SecretError::Code::NotFound) {
            callback(Unexpected(read.error().message));
            return;
        }
        if (!guard)
            return;
        const QByteArray fresh = generate();
        m_store.write(key, fresh, guard.data(), [fresh, callback](Expected<void, Secrets::SecretError> written) {
            if (!written)
                callback(Unexpected(written.error().message));
            else
                callback(fresh);
        });
    });
}

} // namespace Companion::Mcp
