// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/KeychainSecretStore.h"

#include "secrets/SecretServiceLock.h"

#include "Logging.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace Companion::Secrets {

namespace {

SecretError errorFromJob(const QKeychain::Job &job)
{
    SecretError error;
    error.message = job.errorString();
    switch (job.error()) {
    case QKeychain::EntryNotFound: error.code = SecretError::Code::NotFound; break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser: error.code = SecretError::Code::Denied; break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    // On Linux every backend failure (no session bus, no Secret Service, no collection) is OtherError with
    // the operating system's own text, so it means "the keychain cannot be used", not "something odd".
    case QKeychain::OtherError: error.code = SecretError::Code::Unavailable; break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoError: error.code = SecretError::Code::Other; break;
    }
    if (error.message.isEmpty()) {
        error.message = QCoreApplication::translate("KeychainSecretStore", "The system keychain reported an error.");
    }
    if (error.code == SecretError::Code::Unavailable) {
        // The keyring daemon may have gone (and come back): without this, libsecret keeps using the dead
        // daemon's session and every later job, the user's Retry included, fails the same way.
        SecretServiceLock::forgetSession();
    }
    return error;
}

SecretError timeoutError(std::chrono::milliseconds timeout)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(timeout).count();
    return {SecretError::Code::Timeout,
        QCoreApplication::translate("KeychainSecretStore",
            "The system keychain did not answer within %n second(s); it may be locked. "
            "Unlock it and try again.",
            nullptr, static_cast<int>(std::max<qint64>(1, seconds)))};
}

/**
 * Runs @p job with a timeout and hands its outcome to @p finish exactly once: the job's result, or the
 * timeout error when it did not answer in time. @p finish gets nullptr for the job on timeout.
 *
 * A timed-out job is never deleted: QtKeychain's libsecret backend keeps a raw pointer to it in the pending
 * D-Bus call, so deleting it would crash when the keyring finally answers. It finishes (and auto-deletes) on
 * its own; until then QtKeychain's executor, which runs one job at a time, holds later jobs back, and they
 * time out too, which is the truth: the keychain is not answering.
 */
template <typename Finish> void runJob(QKeychain::Job *job, std::chrono::milliseconds timeout, Finish finish)
{
    auto done = std::make_shared<bool>(false);
    auto shared = std::make_shared<Finish>(std::move(finish));

    // The timer is the job's child: it goes away with the job, and the job outlives it in every case.
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [done, shared, timeout, job] {
        if (*done) {
            return;
        }
        *done = true;
        qCWarning(lcSecrets) << "keychain job for key" << job->key() << "timed out after" << timeout.count() << "ms";
        (*shared)(nullptr, timeoutError(timeout));
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [done, shared, timer](QKeychain::Job *finished) {
        timer->stop();
        if (*done) {
            // Late answer after the timeout: the caller already got Timeout.
            qCInfo(lcSecrets) << "late keychain answer for key" << finished->key() << "ignored";
            return;
        }
        *done = true;
        (*shared)(finished, SecretError {});
    });
    job->setAutoDelete(true);
    timer->start(timeout);
    job->start();
}

/** Calls @p callback with @p result on @p context's thread; drops it when the context is gone. */
template <typename Callback, typename Result>
void deliver(const QPointer<QObject> &context, bool hasContext, const Callback &callback, Result result)
{
    if (!callback) {
        return;
    }
    if (!hasContext) {
        callback(std::move(result));
        return;
    }
    if (!context) {
        return;
    }
    if (context->thread() == QThread::currentThread()) {
        callback(std::move(result));
        return;
    }
    // Queued to the context's thread; Qt drops the call if the context is destroyed before it runs.
    QMetaObject::invokeMethod(
        context.data(), [callback, result = std::move(result)]() mutable { callback(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
    , m_timeout(timeout)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    runJob(job, m_timeout,
        [this, guard, hasContext, callback = std::move(callback)](
            QKeychain::Job *finished, const SecretError &timeout) {
            Expected<QByteArray, SecretError> result = Unexpected<SecretError>(timeout);
            if (finished) {
                if (finished->error() == QKeychain::NoError) {
                    result = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
                } else {
                    result = Unexpected<SecretError>(errorFromJob(*finished));
                    if (result.error().code != SecretError::Code::NotFound) {
                        qCWarning(lcSecrets) << "reading key" << finished->key() << "failed:" << result.error().message;
                    }
                }
            }
            if (result || result.error().code != SecretError::Code::NotFound) {
                deliver(guard, hasContext, callback, std::move(result));
                return;
            }
            // libsecret answers "not found" for an entry in a locked collection when it cannot prompt;
            // a locked keyring must not look like being signed out.
            SecretServiceLock::isDefaultCollectionLocked(
                this, [guard, hasContext, callback, result = std::move(result)](std::optional<bool> locked) mutable {
                    if (locked.value_or(false)) {
                        result = Unexpected<SecretError>(SecretError {SecretError::Code::Unavailable,
                            tr("The keyring is locked. Unlock it (for example by logging in to your desktop "
                               "again) and choose Retry.")});
                    }
                    deliver(guard, hasContext, callback, std::move(result));
                });
        });
}

void KeychainSecretStore::write(const QString &key, const QByteArray &secret, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(secret);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    runJob(job, m_timeout,
        [guard, hasContext, callback = std::move(callback)](QKeychain::Job *finished, const SecretError &timeout) {
            Expected<void, SecretError> result = Unexpected<SecretError>(timeout);
            if (finished) {
                if (finished->error() == QKeychain::NoError) {
                    result = {};
                } else {
                    result = Unexpected<SecretError>(errorFromJob(*finished));
                    // A write never means "not found"; some backends say so when the collection is missing.
                    if (result.error().code == SecretError::Code::NotFound) {
                        result.error().code = SecretError::Code::Unavailable;
                    }
                    qCWarning(lcSecrets) << "writing key" << finished->key() << "failed:" << result.error().message;
                }
            }
            deliver(guard, hasContext, callback, std::move(result));
        });
}

void KeychainSecretStore::remove(const QString &key, QObject *context, WriteCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    runJob(job, m_timeout,
        [guard, hasContext, callback = std::move(callback)](QKeychain::Job *finished, const SecretError &timeout) {
            Expected<void, SecretError> result = Unexpected<SecretError>(timeout);
            if (finished) {
                // Removing what is not there is what the caller wanted anyway.
                if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
                    result = {};
                } else {
                    result = Unexpected<SecretError>(errorFromJob(*finished));
                    qCWarning(lcSecrets) << "removing key" << finished->key() << "failed:" << result.error().message;
                }
            }
            deliver(guard, hasContext, callback, std::move(result));
        });
}

} // namespace Companion::Secrets
