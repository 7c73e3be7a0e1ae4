// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace Companion::Consent {

class ConsentPage;

/**
 * The window of aries-consent: Aries' sign-in and permission page in an embedded browser, under a slim
 * bar that shows which host the page comes from and whether the connection is secure.
 *
 * It reports exactly one Result through finished():
 * - Redirect: the page went to the redirect URI (caught, never loaded);
 * - OAuthError: the authorization page answered HTTP 400 with redirect_uri_mismatch or invalid_client;
 * - LoadFailed: a page could not be loaded; the window shows why and reports when the user closes it;
 * - Cancelled: the user closed the window.
 *
 * The browser profile is off the record and owned by the window, so nothing (cookies, cache, history)
 * is kept after it closes, and the next sign-in starts from scratch.
 */
class ConsentWindow final : public QWidget
{
    Q_OBJECT

public:
    struct Request
    {
        QUrl authorizationUrl;
        QUrl redirectUri;
        bool sandbox = false; ///< Connecting to the Aries sandbox rather than the real Aries
    };

    struct Result
    {
        enum class Kind {
            Redirect,
            Cancelled,
            OAuthError,
            LoadFailed
        };
        Kind kind = Kind::Cancelled;
        QUrl redirect; ///< Redirect only
        QString error; ///< OAuthError: "redirect_uri_mismatch" or "invalid_client"
        QString detail; ///< OAuthError: the start of the page's text; LoadFailed: what went wrong
    };

    explicit ConsentWindow(const Request &request, QWidget *parent = nullptr);
    ~ConsentWindow() override;
    Q_DISABLE_COPY_MOVE(ConsentWindow)

    /** Loads the authorization URL. */
    void start();
    /**
     * Testing aid: after the first page has loaded, save a picture of the window to @p path (PNG).
     * That file is the only thing this program ever writes.
     */
    void setScreenshotPath(const QString &path) { m_screenshotPath = path; }

Q_SIGNALS:
    /** Emitted once; the window does nothing more afterwards. */
    void finished(const Companion::Consent::ConsentWindow::Result &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void finish(const Result &result);
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void checkForOAuthError();
    void showLoadError(const QString &detail);
    void updateAddressBar(const QUrl &url);
    void scheduleScreenshot();

    Request m_request;
    QWebEngineProfile *m_profile = nullptr;
    ConsentPage *m_page = nullptr;
    QWebEngineView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_errorPanel = nullptr;
    QLabel *m_errorDetail = nullptr;
    QLabel *m_securityIcon = nullptr;
    QLabel *m_hostLabel = nullptr;
    QString m_loadError;
    QString m_screenshotPath;
    bool m_screenshotScheduled = false;
    bool m_finished = false;
};

} // namespace Companion::Consent
