// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/SignInFlow.h"

#include "Logging.h"
#include "auth/AuthorizationPresenter.h"
#include "auth/TokenManager.h"

namespace Companion::Auth {

SignInFlow::SignInFlow(OAuthClient &oauth, TokenManager &tokens, AuthorizationPresenter &presenter, QObject *parent)
    : QObject(parent)
    , m_oauth(oauth)
    , m_tokens(tokens)
    , m_presenter(presenter)
{
    connect(&m_presenter, &AuthorizationPresenter::redirectCaptured, this, &SignInFlow::onRedirect);
    connect(&m_presenter, &AuthorizationPresenter::failed, this, &SignInFlow::onPresenterFailed);
}

SignInFlow::~SignInFlow()
{
    if (m_pending) {
        m_presenter.cancel();
    }
}

void SignInFlow::start()
{
    if (m_pending) {
        return;
    }
    const OAuthConfig &config = m_tokens.config();
    if (config.clientId.isEmpty()) {
        fail(AuthError {AuthError::Code::InvalidClient, tr("No Client ID is set. Paste it in Settings first.")});
        return;
    }
    // A new verifier and state for every attempt: trying again after a cancel must never reuse them.
    m_pending = m_oauth.beginAuthorization(config);
    m_tokens.beginSignIn();
    qCInfo(lcAuth) << "sign-in started for client" << config.clientId;
    m_presenter.present(m_pending->url, config.redirectUri);
}

void SignInFlow::cancel()
{
    if (!m_pending) {
        return;
    }
    m_presenter.cancel();
    fail(AuthError {AuthError::Code::Cancelled, {}});
}

void SignInFlow::onRedirect(const QUrl &redirect)
{
    if (!m_pending) {
        return; // not ours: a late redirect from an attempt that was already given up
    }
    const auto code = OAuthClient::codeFromRedirect(redirect, *m_pending, m_tokens.config());
    if (!code) {
        fail(code.error());
        return;
    }
    const QString verifier = m_pending->verifier;
    m_oauth.exchangeCode(m_tokens.config(), *code, verifier, this, [this](Expected<TokenSet, AuthError> result) {
        if (!m_pending) {
            return;
        }
        if (!result) {
            fail(result.error());
            return;
        }
        m_pending.reset();
        qCInfo(lcAuth) << "sign-in finished; scopes granted:" << result->scopes.join(QLatin1Char(' '));
        m_tokens.adoptTokens(*result);
        Q_EMIT succeeded();
    });
}

void SignInFlow::onPresenterFailed(const AuthError &error)
{
    if (m_pending) {
        fail(error);
    }
}

void SignInFlow::fail(const AuthError &error)
{
    m_pending.reset();
    qCInfo(lcAuth) << "sign-in did not finish:" << error.oauthErrorCode() << static_cast<int>(error.code);
    m_tokens.signInFailed(error);
    Q_EMIT failed(error);
}

} // namespace Companion::Auth
