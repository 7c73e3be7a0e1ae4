// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

#include <chrono>

namespace Companion::Secrets {

/**
 * SecretStore over QtKeychain: the Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on
 * macOS, the Credential Manager on Windows.
 *
 * A new QtKeychain job per operation (QtKeychain does not support reusing them), the insecure
 * plaintext fallback never enabled, and a timeout on every job: a locked keyring can leave a job
 * waiting for a prompt forever, and the app must keep running and say so instead. A job that times
 * out is left to finish on its own; its late result is ignored.
 */
class KeychainSecretStore final : public QObject, public SecretStore
{
    Q_OBJECT

public:
    /** @p service is the keychain service name (the app id). */
    explicit KeychainSecretStore(
        QString service, std::chrono::milliseconds timeout = std::chrono::seconds(15), QObject *parent = nullptr);
    ~KeychainSecretStore() override;
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback callback) override;
    void remove(const QString &key, QObject *context, WriteCallback callback) override;

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace Companion::Secrets
