// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/TokenManager.h"

#include <QScopeGuard>

#include "Logging.h"
#include "auth/OAuthClient.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>
#include <utility>

namespace Companion::Auth {

namespace {

using namespace std::chrono_literals;

// Automatic retries after a transient refresh failure: 30 s, 60 s, 120 s, 240 s, then every 5 minutes.
constexpr std::chrono::milliseconds kFirstRetry = 30s;
constexpr std::chrono::milliseconds kMaxRetry = 5min;

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

AuthError secretsError(const Secrets::SecretError &error)
{
    return {AuthError::Code::SecretsUnavailable, error.message};
}

} // namespace

TokenManager::TokenManager(OAuthClient &oauth, Secrets::SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_secrets(secrets)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &TokenManager::onRefreshTimer);
}

// Waiters still queued are dropped with the manager: their keychain and network answers were tied to it.
TokenManager::~TokenManager() = default;

QString TokenManager::keychainKey(const QString &clientId)
{
    return QStringLiteral("tokens/") + clientId;
}

void TokenManager::becomeSignedOut()
{
    QList<Waiter> waiters = std::exchange(m_waiters, {});
    forget();
    m_lastError.reset();
    m_stateBeforeSignIn = AuthState::SignedOut;
    setState(AuthState::SignedOut);
    Q_EMIT tokensChanged();
    fail(std::move(waiters), {AuthError::Code::NotSignedIn, {}});
}

void TokenManager::setConfig(const OAuthConfig &config)
{
    const bool otherClient = config.clientId != m_config.clientId;
    m_config = config;
    if (!otherClient) {
        return;
    }
    becomeSignedOut();
}

void TokenManager::restore()
{
    if (m_config.clientId.isEmpty()) {
        QList<Waiter> waiters = std::exchange(m_waiters, {});
        forget();
        setState(AuthState::SignedOut);
        fail(std::move(waiters), {AuthError::Code::NotSignedIn, {}});
        Q_EMIT restoreFinished();
        return;
    }
    if (m_restoring) {
        return; // the pending read answers for both calls
    }
    if (m_tokens) {
        // A session is running, so memory holds the newest tokens. Only tokens the keychain refused
        // earlier need anything: try to store them again.
        if (m_unsaved) {
            store(*m_tokens, AuthState::Connected);
        }
        Q_EMIT restoreFinished();
        return;
    }

    m_restoring = true;
    const int generation = m_generation;
    const QString key = keychainKey(m_config.clientId);
    m_secrets.read(key, this, [this, generation, key](Expected<QByteArray, Secrets::SecretError> result) {
        if (generation != m_generation) {
            return;
        }
        m_restoring = false;
        // Whatever the outcome below, the restore is over once this callback returns.
        const auto finished = qScopeGuard([this] { Q_EMIT restoreFinished(); });
        QList<Waiter> waiters = std::exchange(m_waiters, {});

        if (!result) {
            if (result.error().code == Secrets::SecretError::Code::NotFound) {
                qCInfo(lcAuth) << "no tokens in keychain entry" << key;
                setState(AuthState::SignedOut);
                fail(std::move(waiters), {AuthError::Code::NotSignedIn, {}});
                return;
            }
            const AuthError error = secretsError(result.error());
            qCWarning(lcAuth) << "keychain entry" << key << "could not be read:" << error.detail;
            m_lastError = error;
            setState(AuthState::SecretsUnavailable);
            Q_EMIT noticeRaised(error);
            fail(std::move(waiters), error);
            return;
        }

        std::optional<TokenSet> tokens = TokenSet::fromKeychainBlob(*result);
        if (!tokens || (!tokens->hasRefreshToken() && !tokens->hasAccessToken())) {
            // Nothing of it can be used; a new sign-in overwrites the entry.
            qCWarning(lcAuth) << "keychain entry" << key << "is not readable; signed out";
            setState(AuthState::SignedOut);
            fail(std::move(waiters), {AuthError::Code::NotSignedIn, {}});
            return;
        }

        qCInfo(lcAuth) << "restored tokens from keychain entry" << key;
        m_tokens = std::move(tokens);
        m_unsaved = false;
        m_refreshFailures = 0;
        m_rejectedAccessToken.clear();
        m_lastError.reset();
        setState(AuthState::Connected);
        Q_EMIT tokensChanged();
        scheduleRefresh();
        serve(std::move(waiters));
    });
}

void TokenManager::beginSignIn()
{
    if (m_state != AuthState::SigningIn) {
        m_stateBeforeSignIn = m_state;
    }
    setState(AuthState::SigningIn);
}

void TokenManager::signInFailed(const AuthError &error)
{
    m_lastError = error;
    AuthState back = m_stateBeforeSignIn;
    // Whatever happened to the old tokens while the window was open decides where "back" is.
    if (back == AuthState::Connected || back == AuthState::Refreshing) {
        back = !m_tokens ? AuthState::SignedOut : (m_refreshing ? AuthState::Refreshing : AuthState::Connected);
    }
    if (m_state == AuthState::SigningIn) {
        setState(back);
    }
    Q_EMIT noticeRaised(error);
}

void TokenManager::adoptTokens(const TokenSet &tokens)
{
    // Results of a refresh or restore started for the old tokens must not overwrite these.
    ++m_generation;
    QList<Waiter> waiters = std::exchange(m_waiters, {});
    m_refreshing = false;
    m_restoring = false;
    m_refreshFailures = 0;
    m_rejectedAccessToken.clear();
    m_lastError.reset();
    m_tokens = tokens;
    qCInfo(lcAuth) << "signed in; storing tokens in keychain entry" << keychainKey(m_config.clientId);
    Q_EMIT tokensChanged();
    scheduleRefresh();
    // Usable at once; the state becomes Connected when the keychain has answered.
    store(tokens, AuthState::Connected);
    serve(std::move(waiters));
}

void TokenManager::withAccessToken(QObject *context, TokenCallback callback)
{
    Waiter waiter {context, context != nullptr, std::move(callback)};
    if (m_restoring || m_refreshing) {
        m_waiters.append(std::move(waiter));
        return;
    }
    serve({std::move(waiter)});
}

void TokenManager::reportUnauthorized(const QString &rejectedToken, QObject *context, TokenCallback callback)
{
    Waiter waiter {context, context != nullptr, std::move(callback)};
    if (m_restoring || m_refreshing) {
        // The pending refresh (or restore) brings the token to use next.
        m_waiters.append(std::move(waiter));
        return;
    }
    if (m_tokens && !rejectedToken.isEmpty() && m_tokens->accessToken == rejectedToken) {
        qCInfo(lcAuth) << "Aries rejected the access token; refreshing";
        m_rejectedAccessToken = rejectedToken;
    }
    // Another caller already refreshed when the current token differs from the rejected one.
    serve({std::move(waiter)});
}

void TokenManager::signOut(QObject *context, DoneCallback callback)
{
    const QString key = keychainKey(m_config.clientId);
    becomeSignedOut();
    qCInfo(lcAuth) << "signed out; removing keychain entry" << key;
    // QtKeychain runs jobs in order, so a write still pending for these tokens lands before this delete.
    m_secrets.remove(key, context, [key, callback = std::move(callback)](Expected<void, Secrets::SecretError> result) {
        if (!result) {
            qCWarning(lcAuth) << "keychain entry" << key << "could not be removed:" << result.error().message;
        }
        if (callback) {
            callback(std::move(result));
        }
    });
}

QStringList TokenManager::grantedScopes() const
{
    return m_tokens ? m_tokens->scopes : QStringList();
}

QDateTime TokenManager::accessExpiresAt() const
{
    return m_tokens ? m_tokens->accessExpiresAt : QDateTime();
}

QDateTime TokenManager::refreshExpiresAt() const
{
    return m_tokens ? m_tokens->refreshExpiresAt : QDateTime();
}

QDateTime TokenManager::lastRefresh() const
{
    if (m_lastRefresh.isValid()) {
        return m_lastRefresh;
    }
    // Renewed by an earlier run: the stored access token arrived after the sign-in (a sign-in's own token arrives
    // in the same second as the sign-in).
    if (m_tokens && m_tokens->obtainedAt.isValid() && m_tokens->connectedSince.isValid()
        && m_tokens->connectedSince.secsTo(m_tokens->obtainedAt) > 1) {
        return m_tokens->obtainedAt;
    }
    return {};
}

QDateTime TokenManager::connectedSince() const
{
    return m_tokens ? m_tokens->connectedSince : QDateTime();
}

QDateTime TokenManager::nextRefresh() const
{
    if (!m_tokens || !m_refreshTimer.isActive()) {
        return {};
    }
    return nowUtc().addMSecs(m_refreshTimer.remainingTime());
}

void TokenManager::setState(AuthState state)
{
    if (m_state == state) {
        return;
    }
    m_state = state;
    qCInfo(lcAuth) << "state" << static_cast<int>(state);
    Q_EMIT stateChanged(state);
}

void TokenManager::startRefresh()
{
    if (m_refreshing || !m_tokens) {
        return;
    }
    if (!m_tokens->hasRefreshToken()) {
        // Nothing to refresh with: the session ends like a rejected refresh token.
        finishRefresh(Unexpected<AuthError>(AuthError {AuthError::Code::InvalidGrant, {}}));
        return;
    }
    m_refreshing = true;
    m_refreshTimer.stop();
    if (m_state == AuthState::Connected) {
        setState(AuthState::Refreshing);
    }
    const int generation = m_generation;
    m_oauth.refresh(m_config, *m_tokens, this, [this, generation](Expected<TokenSet, AuthError> result) {
        if (generation != m_generation) {
            return;
        }
        finishRefresh(result);
    });
}

void TokenManager::finishRefresh(const Expected<TokenSet, AuthError> &result)
{
    m_refreshing = false;
    QList<Waiter> waiters = std::exchange(m_waiters, {});

    if (result) {
        qCInfo(lcAuth) << "access token refreshed";
        m_tokens = *result;
        m_lastRefresh = nowUtc();
        m_lastError.reset();
        m_refreshFailures = 0;
        m_rejectedAccessToken.clear();
        if (m_state == AuthState::Refreshing) {
            setState(AuthState::Connected);
        }
        Q_EMIT tokensChanged();
        scheduleRefresh();
        // Aries rotates refresh tokens: the one in the keychain stopped working with this answer.
        store(*m_tokens, AuthState::Connected);
        serve(std::move(waiters));
        return;
    }

    const AuthError &error = result.error();
    if (error.code == AuthError::Code::InvalidGrant || error.code == AuthError::Code::InvalidClient) {
        const QString key = keychainKey(m_config.clientId);
        qCWarning(lcAuth) << "Aries rejected the refresh token; signing out and removing keychain entry" << key;
        forget();
        m_lastError = error;
        m_stateBeforeSignIn = AuthState::SignedOut;
        m_secrets.remove(key, this, [key](Expected<void, Secrets::SecretError> removed) {
            if (!removed) {
                qCWarning(lcAuth) << "keychain entry" << key << "could not be removed:" << removed.error().message;
            }
        });
        if (m_state != AuthState::SigningIn) {
            setState(AuthState::SignedOut);
        }
        Q_EMIT tokensChanged();
        Q_EMIT noticeRaised(error);
        fail(std::move(waiters), error);
        return;
    }

    // Network, 5xx, timeout: the tokens stay, and the refresh is tried again later.
    ++m_refreshFailures;
    m_lastError = error;
    const auto backoff =
        std::min<std::chrono::milliseconds>(kFirstRetry * (1 << std::min(m_refreshFailures - 1, 4)), kMaxRetry);
    qCWarning(lcAuth) << "refresh failed (" << error.oauthErrorCode() << error.detail << "); retrying in"
                      << std::chrono::duration_cast<std::chrono::seconds>(backoff).count() << "s";
    m_refreshTimer.start(backoff);
    if (m_state == AuthState::Refreshing) {
        setState(AuthState::Connected);
    }
    if (!error.isTransient()) {
        Q_EMIT noticeRaised(error);
    }
    if (accessTokenUsable()) {
        // Refreshed early (within the margin): the current token still works for now.
        const QString token = m_tokens->accessToken;
        for (const Waiter &waiter : waiters) {
            deliver(waiter, token);
        }
        return;
    }
    fail(std::move(waiters), error);
}

void TokenManager::store(const TokenSet &tokens, AuthState after)
{
    const int generation = m_generation;
    const AuthState before = m_state;
    const QString key = keychainKey(m_config.clientId);
    m_unsaved = true;
    m_secrets.write(key, tokens.toKeychainBlob(), this,
        [this, generation, key, before, after](Expected<void, Secrets::SecretError> result) {
            if (generation != m_generation) {
                return;
            }
            if (result) {
                m_unsaved = false;
                qCInfo(lcAuth) << "tokens stored in keychain entry" << key;
            } else {
                // The session goes on with the tokens in memory; the next start needs a new sign-in.
                const AuthError error = secretsError(result.error());
                qCWarning(lcAuth) << "keychain entry" << key << "could not be written:" << error.detail;
                m_lastError = error;
                Q_EMIT noticeRaised(error);
            }
            // @p after either way: the session goes on with the tokens in memory. Unless the
            // state moved on meanwhile (a refresh, a new sign-in), which then knows better.
            if (m_tokens && m_state == before) {
                setState(after);
            }
        });
}

void TokenManager::scheduleRefresh()
{
    m_refreshTimer.stop();
    if (!m_tokens || !m_tokens->hasRefreshToken()) {
        return;
    }
    const QDateTime due = refreshDueAt();
    const qint64 delay = due.isValid() ? std::max<qint64>(0, nowUtc().msecsTo(due)) : 0;
    // QTimer takes an int: far-away expiry is rechecked daily instead.
    m_refreshTimer.start(static_cast<int>(std::min<qint64>(delay, 24LL * 3600 * 1000)));
}

void TokenManager::onRefreshTimer()
{
    if (!m_tokens || m_refreshing) {
        return;
    }
    if (m_refreshFailures == 0 && !refreshDue()) {
        scheduleRefresh(); // woke early (the daily recheck)
        return;
    }
    startRefresh();
}

void TokenManager::forget()
{
    ++m_generation;
    m_tokens.reset();
    m_unsaved = false;
    m_refreshing = false;
    m_restoring = false;
    m_refreshFailures = 0;
    m_rejectedAccessToken.clear();
    m_refreshTimer.stop();
}

void TokenManager::serve(QList<Waiter> waiters)
{
    if (waiters.isEmpty()) {
        return;
    }
    if (!m_tokens) {
        fail(std::move(waiters), noTokensError());
        return;
    }
    // Refresh first when the token is no longer usable, or is due and no retry is already scheduled
    // (during backoff a still-usable token is handed out rather than hammering a failing server).
    if (!accessTokenUsable() || (refreshDue() && m_refreshFailures == 0)) {
        m_waiters.append(std::move(waiters));
        startRefresh();
        return;
    }
    const QString token = m_tokens->accessToken;
    for (const Waiter &waiter : waiters) {
        deliver(waiter, token);
    }
}

void TokenManager::fail(QList<Waiter> waiters, const AuthError &error) const
{
    for (const Waiter &waiter : waiters) {
        deliver(waiter, Unexpected<AuthError>(error));
    }
}

AuthError TokenManager::noTokensError() const
{
    if (m_state == AuthState::SecretsUnavailable) {
        return {AuthError::Code::SecretsUnavailable, m_lastError ? m_lastError->detail : QString()};
    }
    return {AuthError::Code::NotSignedIn, {}};
}

bool TokenManager::accessTokenUsable() const
{
    return m_tokens && m_tokens->hasAccessToken() && m_tokens->accessToken != m_rejectedAccessToken
        && m_tokens->accessExpiresAt.isValid() && nowUtc() < m_tokens->accessExpiresAt;
}

QDateTime TokenManager::refreshDueAt() const
{
    if (!m_tokens || !m_tokens->accessExpiresAt.isValid()) {
        return {};
    }
    qint64 marginMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_refreshMargin).count();
    if (m_tokens->obtainedAt.isValid()) {
        const qint64 lifetimeMs = m_tokens->obtainedAt.msecsTo(m_tokens->accessExpiresAt);
        marginMs = std::min(marginMs, std::max<qint64>(0, lifetimeMs / 2));
    }
    return m_tokens->accessExpiresAt.addMSecs(-marginMs);
}

bool TokenManager::refreshDue() const
{
    const QDateTime due = refreshDueAt();
    return !due.isValid() || nowUtc() >= due;
}

void TokenManager::deliver(const Waiter &waiter, const Expected<QString, AuthError> &result) const
{
    if (!waiter.callback) {
        return;
    }
    if (!waiter.hasContext) {
        waiter.callback(result);
        return;
    }
    if (!waiter.context) {
        return; // the caller is gone
    }
    if (waiter.context->thread() == QThread::currentThread()) {
        waiter.callback(result);
        return;
    }
    QMetaObject::invokeMethod(
        waiter.context.data(), [callback = waiter.callback, result] { callback(result); }, Qt::QueuedConnection);
}

} // namespace Companion::Auth
