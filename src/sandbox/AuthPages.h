// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Companion::Sandbox::AuthPages {

/**
 * The HTML of the sandbox's sign-in flow. Plain forms and no JavaScript, so a browser, the embedded
 * consent window and a test with a plain HTTP client can all drive them. Every value is HTML-escaped.
 * Each page is labelled "Aries Sandbox" so nobody mistakes it for the real Aries.
 *
 * The one exception is @p autoSubmit (--auto-consent, for tests and unattended demos): a small inline
 * script then signs in with the demo account and presses Allow once the page has loaded, the way a
 * person would, so the embedded consent window can be tested end to end without a hand on it.
 */

/**
 * Sign-in form posting rid, email and password to /oauth2/authorize/login. With @p autoSubmit the page
 * fills in the demo credentials and submits, unless it shows @p errorMessage (no loop on a failure).
 */
QByteArray signIn(const QString &rid, const QString &clientId, const QString &errorMessage, const QString &demoEmail,
    const QString &demoPassword, bool autoSubmit = false);
/**
 * Consent form posting rid, scope (one checkbox per scope, checked) and decision=allow|deny to
 * /oauth2/authorize/consent. With @p autoSubmit the page presses Allow itself.
 */
QByteArray consent(const QString &rid, const QString &clientId, const QString &email, const QStringList &scopes,
    bool autoSubmit = false);
/** An error page naming the OAuth error code (e.g. "invalid_client") and explaining it. */
QByteArray error(const QString &errorCode, const QString &explanation);

} // namespace Companion::Sandbox::AuthPages
