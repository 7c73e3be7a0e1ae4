// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentPage.h"

#include <QDesktopServices>
#include <QWebEngineCertificateError>
#include <QWebEngineProfile>

namespace Companion::Consent {

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme();
    return url.port(scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1);
}

// Only web addresses go to the system browser: a page must not be able to make us open a local file or
// start whatever program handles some other scheme.
void openInSystemBrowser(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http")) {
        QDesktopServices::openUrl(url);
    }
}

// What createWindow() hands to Chromium for a pop-up: it never shows anything. Its first navigation is the
// address the pop-up wanted; that goes to the system browser and the page is dropped.
class BrowserHandoffPage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        if (!m_done) {
            m_done = true;
            openInSystemBrowser(url);
            deleteLater();
        }
        return false;
    }

private:
    bool m_done = false;
};

} // namespace

ConsentPage::ConsentPage(
    QWebEngineProfile *profile, const QUrl &authorizationUrl, const QUrl &redirectUri, QObject *parent)
    : QWebEnginePage(profile, parent)
    , m_authorizationUrl(authorizationUrl)
    , m_redirectUri(redirectUri)
{
    // Never accept a certificate error, not even for the authorization host: this window is where the
    // user types the Aries password, and a certificate error there means someone may be in the middle.
    // Rejecting is Qt's default when nobody handles the signal; saying it here keeps it that way if a
    // later Qt changes the default, and documents the decision (Nextcloud's login view accepted them).
    connect(this, &QWebEnginePage::certificateError, this, [](const QWebEngineCertificateError &error) {
        QWebEngineCertificateError copy = error; // shares the request; rejectCertificate() is not const
        copy.rejectCertificate();
    });
    // A sign-in page needs no camera, microphone, location or notifications.
    connect(this, &QWebEnginePage::featurePermissionRequested, this,
        [this](const QUrl &origin, QWebEnginePage::Feature feature) {
            setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
        });
}

ConsentPage::~ConsentPage() = default;

bool ConsentPage::isRedirect(const QUrl &url, const QUrl &redirectUri)
{
    return url.scheme() == redirectUri.scheme() && url.host() == redirectUri.host()
        && effectivePort(url) == effectivePort(redirectUri)
        && url.path(QUrl::FullyEncoded) == redirectUri.path(QUrl::FullyEncoded);
}

bool ConsentPage::isOnAuthorizationOrigin(const QUrl &url) const
{
    return url.scheme() == m_authorizationUrl.scheme() && url.host() == m_authorizationUrl.host()
        && effectivePort(url) == effectivePort(m_authorizationUrl);
}

bool ConsentPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const auto decide = [&](bool accept) {
        if (isMainFrame) {
            m_lastRefused = !accept;
        }
        return accept;
    };

    if (m_caught) {
        return decide(false);
    }
    if (isRedirect(url, m_redirectUri)) {
        // Refused in a frame too: the code must never reach the redirect URI's host from here.
        if (isMainFrame) {
            m_caught = true;
            m_lastRefused = true;
            Q_EMIT redirectCaught(url);
        }
        return decide(false);
    }
    if (isOnAuthorizationOrigin(url)) {
        return decide(true);
    }
    if (type == NavigationTypeLinkClicked) {
        // Help, privacy and "forgot password" links belong in the user's own browser, where they have
        // their bookmarks and password manager; the sign-in stays here.
        openInSystemBrowser(url);
        return decide(false);
    }
    // Server and script redirects elsewhere (a single sign-on host, for instance) are part of signing in.
    return decide(true);
}

QWebEnginePage *ConsentPage::createWindow(WebWindowType type)
{
    Q_UNUSED(type)
    // Same profile as ours: Chromium wants the new page in the opener's profile, and it is off the record.
    return new BrowserHandoffPage(profile(), this);
}

} // namespace Companion::Consent
