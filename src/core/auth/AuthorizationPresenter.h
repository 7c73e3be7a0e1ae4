// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/AuthError.h"

#include <QObject>
#include <QUrl>

namespace Companion::Auth {

/**
 * Shows Aries' sign-in and permission page and reports where it ended. The app's implementation runs
 * the consent window as its own process (aries-consent), so the tray app never loads QtWebEngine.
 */
class AuthorizationPresenter : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Opens @p authorizationUrl; the first navigation to @p redirectUri is caught, never loaded. */
    virtual void present(const QUrl &authorizationUrl, const QUrl &redirectUri) = 0;
    /** Closes the window if it is open; no signal follows. */
    virtual void cancel() = 0;
    virtual bool isPresenting() const = 0;

Q_SIGNALS:
    /** The full redirect URL with code and state, or with error and state. */
    void redirectCaptured(const QUrl &redirect);
    /** Closed without a redirect (Cancelled), could not run (ConsentFailed), or the page showed an OAuth error. */
    void failed(const Companion::Auth::AuthError &error);
};

} // namespace Companion::Auth
