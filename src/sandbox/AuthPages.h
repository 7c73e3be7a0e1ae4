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
 */

/** Sign-in form posting rid, email and password to /oauth2/authorize/login. */
QByteArray signIn(const QString &rid, const QString &clientId, const QString &errorMessage,
                  const QString &demoEmail, const QString &demoPassword);
/** Consent form posting rid, scope (one checkbox per scope, checked) and decision=allow|deny to /oauth2/authorize/consent. */
QByteArray consent(const QString &rid, const QString &clientId, const QString &email, const QStringList &scopes);
/** An error page naming the OAuth error code (e.g. "invalid_client") and explaining it. */
QByteArray error(const QString &errorCode, const QString &explanation);

} // namespace Companion::Sandbox::AuthPages
