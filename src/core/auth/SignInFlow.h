// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthError.h"
#include "auth/OAuthClient.h"

#include <QObject>

#include <optional>

namespace Companion::Auth {

class AuthorizationPresenter;
class TokenManager;

/**
 * One "Connect to Aries": shows the consent page, checks the redirect, exchanges the code and hands
 * the tokens to the TokenManager. The verifier and state live only here, for one attempt.
 */
class SignInFlow final : public QObject
{
    Q_OBJECT

public:
    SignInFlow(OAuthClient &oauth, TokenManager &tokens, AuthorizationPresenter &presenter, QObject *parent = nullptr);
    ~SignInFlow() override;
    Q_DISABLE_COPY_MOVE(SignInFlow)

    /** Starts a sign-in with the TokenManager's configuration; does nothing while one is running. */
    void start();
    void cancel();
    bool isRunning() const { return m_pending.has_value(); }

Q_SIGNALS:
    void succeeded();
    void failed(const Companion::Auth::AuthError &error);

private:
    void onRedirect(const QUrl &redirect);
    void onPresenterFailed(const AuthError &error);
    void fail(const AuthError &error);

    OAuthClient &m_oauth;
    TokenManager &m_tokens;
    AuthorizationPresenter &m_presenter;
    std::optional<OAuthClient::PendingAuthorization> m_pending;
};

} // namespace Companion::Auth
