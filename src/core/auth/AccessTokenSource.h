// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"
#include "auth/AuthError.h"

#include <QString>

#include <functional>

class QObject;

namespace Companion::Auth {

/**
 * Where the Aries API client gets its access token. TokenManager is the real one; tests hand the
 * client a token of their choosing, so the client's retry rules can be checked without a keychain.
 */
class AccessTokenSource
{
public:
    using TokenCallback = std::function<void(Expected<QString, AuthError>)>;

    virtual ~AccessTokenSource() = default;

    /** Calls back (on @p context's thread, never when it is gone) with a token that may be sent now. */
    virtual void withAccessToken(QObject *context, TokenCallback callback) = 0;
    /**
     * Aries answered 401 to a request made with @p rejectedToken: calls back with a fresh token to try
     * once more, or with the error that means the user has to connect again.
     */
    virtual void reportUnauthorized(const QString &rejectedToken, QObject *context, TokenCallback callback) = 0;

protected:
    AccessTokenSource() = default;
    AccessTokenSource(const AccessTokenSource &) = default;
    AccessTokenSource &operator=(const AccessTokenSource &) = default;
};

} // namespace Companion::Auth
