// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>
#include <QWebEnginePage>

class QWebEngineProfile;

namespace Companion::Consent {

/**
 * The page that shows Aries' sign-in and permission screens, and decides where it may go.
 *
 * - A main-frame navigation to the redirect URI (same scheme, host, port and path, exactly) is caught:
 *   redirectCaught() is emitted and the navigation is refused, so the code never leaves this process
 *   and nothing is ever sent to the redirect URI's host. Every navigation after that is refused too.
 * - Everything on the authorization URL's origin loads normally.
 * - A link the user clicks that leads elsewhere opens in the system browser instead.
 * - Pop-ups (target=_blank, window.open) open in the system browser.
 * - Certificate errors are always rejected, and permission requests (camera, location, …) denied.
 */
class ConsentPage final : public QWebEnginePage
{
    Q_OBJECT

public:
    ConsentPage(
        QWebEngineProfile *profile, const QUrl &authorizationUrl, const QUrl &redirectUri, QObject *parent = nullptr);
    ~ConsentPage() override;
    Q_DISABLE_COPY_MOVE(ConsentPage)

    /** True when @p url is @p redirectUri: scheme, host, port and path equal (no trailing-slash tolerance). */
    static bool isRedirect(const QUrl &url, const QUrl &redirectUri);
    /** True when @p url has the authorization URL's scheme, host and port. */
    bool isOnAuthorizationOrigin(const QUrl &url) const;
    /** True once the redirect was caught; the page goes nowhere after that. */
    bool hasCaughtRedirect() const { return m_caught; }
    /**
     * True when the latest main-frame navigation request was refused here (the caught redirect, a link
     * sent to the system browser). Qt then reports the load that was under way as failed; that is
     * expected, not an error to show.
     */
    bool lastNavigationRefused() const { return m_lastRefused; }

Q_SIGNALS:
    /** The full redirect URL, with code and state or with error and state. Emitted once. */
    void redirectCaught(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;

private:
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    bool m_caught = false;
    bool m_lastRefused = false;
};

} // namespace Companion::Consent
