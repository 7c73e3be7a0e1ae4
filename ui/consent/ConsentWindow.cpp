// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConsentWindow.h"

#include "ConsentPage.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

Q_LOGGING_CATEGORY(lcConsent, "companion.consent", QtInfoMsg)

namespace Companion::Consent {

namespace {

constexpr int kIconSize = 16;
// Long enough for Chromium to have painted the page after loadFinished (qt-stack.md §2a).
constexpr int kScreenshotDelayMs = 500;
// The OAuth error codes the app explains in its own words; any other error page speaks for itself.
constexpr const char *kReportedOAuthErrors[] = {"redirect_uri_mismatch", "invalid_client"};
constexpr int kDetailLength = 300;

bool isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost")) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// Drawn rather than taken from the icon theme: the window must look the same on every desktop, and a
// theme may have no lock at all.
QPixmap securityPixmap(bool secure, const QColor &color, qreal dpr)
{
    QPixmap pixmap(QSize(kIconSize, kIconSize) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    if (secure) {
        p.setPen(QPen(color, 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(4.5, 1.5, 7, 8), 0, 180 * 16);
        p.drawLine(QPointF(4.5, 5.5), QPointF(4.5, 8));
        p.drawLine(QPointF(11.5, 5.5), QPointF(11.5, 8));
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(3, 7.5, 10, 7.5), 1.5, 1.5);
    } else {
        QPainterPath triangle;
        triangle.moveTo(8, 1.5);
        triangle.lineTo(15, 14.5);
        triangle.lineTo(1, 14.5);
        triangle.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xd9, 0x8e, 0x04));
        p.drawPath(triangle);
        p.setPen(QPen(Qt::white, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 6.5), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12.3));
    }
    return pixmap;
}

} // namespace

ConsentWindow::ConsentWindow(const Request &request, QWidget *parent)
    : QWidget(parent)
    , m_request(request)
{
    setWindowTitle(request.sandbox ? tr("Connect to Aries Sandbox") : tr("Connect to Aries"));
    // Fits the sign-in and permission pages without scrolling on a small laptop screen.
    resize(520, 720);
    setMinimumSize(360, 420);

    // No storage name: off the record. Cookies, cache and local storage live in memory and go with the
    // window, so nothing of the sign-in stays on disk and every connect starts signed out.
    m_profile = new QWebEngineProfile(this);
    m_profile->setHttpAcceptLanguage(QLocale::system().uiLanguages().join(QLatin1Char(',')));
    m_profile->setSpellCheckEnabled(false);
    // A sign-in page has nothing to download, and a download would be a file on disk.
    connect(m_profile, &QWebEngineProfile::downloadRequested, this,
        [](QWebEngineDownloadRequest *download) { download->cancel(); });

    m_page = new ConsentPage(m_profile, request.authorizationUrl, request.redirectUri, this);
    m_page->settings()->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    m_page->settings()->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);

    // The bar: which host the page comes from, and whether the connection is private.
    auto *bar = new QWidget(this);
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Window);
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(10, 6, 10, 6);
    barLayout->setSpacing(6);
    m_securityIcon = new QLabel(bar);
    m_securityIcon->setFixedSize(kIconSize, kIconSize);
    m_hostLabel = new QLabel(bar);
    m_hostLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    barLayout->addWidget(m_securityIcon);
    barLayout->addWidget(m_hostLabel, 1);
    auto *line = new QWidget(this);
    line->setFixedHeight(1);
    line->setAutoFillBackground(true);
    line->setBackgroundRole(QPalette::Mid);

    // Created after the page and given it at once, so the view never makes a page on the default profile.
    m_view = new QWebEngineView(this);
    m_view->setPage(m_page);

    m_errorPanel = new QWidget(this);
    auto *errorLayout = new QVBoxLayout(m_errorPanel);
    errorLayout->setContentsMargins(32, 32, 32, 32);
    errorLayout->setSpacing(12);
    auto *errorTitle = new QLabel(request.sandbox ? tr("The Aries Sandbox sign-in page could not be loaded.")
                                                  : tr("The Aries sign-in page could not be loaded."),
        m_errorPanel);
    QFont titleFont = errorTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    errorTitle->setFont(titleFont);
    errorTitle->setWordWrap(true);
    m_errorDetail = new QLabel(m_errorPanel);
    m_errorDetail->setWordWrap(true);
    m_errorDetail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorHint = new QLabel(tr("Check your internet connection, then close this window and connect again "
                                    "from Aries Companion."),
        m_errorPanel);
    errorHint->setWordWrap(true);
    errorLayout->addStretch(1);
    errorLayout->addWidget(errorTitle);
    errorLayout->addWidget(m_errorDetail);
    errorLayout->addWidget(errorHint);
    errorLayout->addStretch(2);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_errorPanel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);

    connect(m_page, &ConsentPage::redirectCaught, this, [this](const QUrl &url) {
        finish(Result {.kind = Result::Kind::Redirect, .redirect = url, .error = {}, .detail = {}});
    });
    connect(m_page, &QWebEnginePage::urlChanged, this, &ConsentWindow::updateAddressBar);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &ConsentWindow::onLoadingChanged);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
        [this](QWebEnginePage::RenderProcessTerminationStatus status, int exitCode) {
            if (status != QWebEnginePage::NormalTerminationStatus && !m_finished) {
                showLoadError(tr("The page stopped working (exit code %1).").arg(exitCode));
            }
        });
    connect(m_page, &QWebEnginePage::windowCloseRequested, this, &QWidget::close);

    updateAddressBar(request.authorizationUrl);
}

ConsentWindow::~ConsentWindow()
{
    // The page must go before its profile (Qt warns and may crash otherwise), and both are our children,
    // which QObject would delete in creation order: profile first.
    delete m_view;
    delete m_page;
}

void ConsentWindow::start()
{
    m_page->load(m_request.authorizationUrl);
}

void ConsentWindow::closeEvent(QCloseEvent *event)
{
    // A page that failed to load is reported on close, so the user has read why before the app takes over.
    if (m_loadError.isEmpty()) {
        finish(Result {});
    } else {
        finish(Result {.kind = Result::Kind::LoadFailed, .redirect = {}, .error = {}, .detail = m_loadError});
    }
    event->accept();
}

void ConsentWindow::finish(const Result &result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(result);
}

void ConsentWindow::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    if (m_finished || m_page->hasCaughtRedirect()) {
        // After the caught redirect Qt reports the refused load as failed; that is the success path.
        return;
    }
    qCDebug(lcConsent) << "load" << info.status() << info.errorDomain() << info.errorCode() << info.isErrorPage();
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus: return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
    case QWebEngineLoadingInfo::LoadSucceededStatus: scheduleScreenshot(); return;
    case QWebEngineLoadingInfo::LoadFailedStatus: break;
    }

    // An HTTP error status still shows the server's page; Qt reports it as a failed load with the status
    // as the error code. The authorization endpoint answers 400 for the errors no redirect can carry.
    if (info.errorDomain() == QWebEngineLoadingInfo::HttpStatusCodeDomain) {
        scheduleScreenshot();
        if (info.errorCode() == 400 && m_page->isOnAuthorizationOrigin(info.url())) {
            checkForOAuthError();
        }
        return;
    }
    if (m_page->lastNavigationRefused()) {
        // A link we sent to the system browser: the page that was shown stays.
        return;
    }
    showLoadError(info.errorString());
    scheduleScreenshot();
}

void ConsentWindow::checkForOAuthError()
{
    QPointer<ConsentWindow> self(this);
    m_page->runJavaScript(
        QStringLiteral("document.body ? document.body.innerText : ''"), [self](const QVariant &value) {
            if (!self || self->m_finished) {
                return;
            }
            const QString text = value.toString();
            for (const char *code : kReportedOAuthErrors) {
                const QString error = QString::fromLatin1(code);
                if (text.contains(error)) {
                    // One line of plain text: the app shows it only as a detail.
                    self->finish(Result {.kind = Result::Kind::OAuthError,
                        .redirect = {},
                        .error = error,
                        .detail = text.simplified().left(kDetailLength)});
                    return;
                }
            }
        });
}

void ConsentWindow::showLoadError(const QString &detail)
{
    qCInfo(lcConsent) << "page could not be loaded:" << detail;
    m_loadError = detail.isEmpty() ? tr("Unknown error") : detail;
    m_errorDetail->setText(m_loadError);
    m_stack->setCurrentWidget(m_errorPanel);
}

void ConsentWindow::updateAddressBar(const QUrl &url)
{
    if (url.isEmpty()) {
        return;
    }
    const bool https = url.scheme() == QLatin1String("https");
    const bool local = url.scheme() == QLatin1String("http") && isLoopback(url.host());
    const bool secure = https || local;
    QString host = url.host();
    if (url.port() != -1) {
        host += QLatin1Char(':') + QString::number(url.port());
    }
    if (!secure) {
        host = tr("%1 \u2013 not secure").arg(host);
    } else if (local) {
        // Not encrypted, but it never leaves this computer; say so rather than let the icon imply more.
        host = tr("%1 \u2013 this computer").arg(host);
    }
    m_hostLabel->setText(host);
    m_securityIcon->setPixmap(securityPixmap(secure, palette().color(QPalette::WindowText), devicePixelRatioF()));
    const QString why = https ? tr("The connection to this site is encrypted.")
        : local               ? tr("This page comes from this computer.")
                              : tr("The connection to this site is not encrypted.");
    m_securityIcon->setToolTip(why);
    m_hostLabel->setToolTip(why);
}

void ConsentWindow::scheduleScreenshot()
{
    if (m_screenshotPath.isEmpty() || m_screenshotScheduled) {
        return;
    }
    m_screenshotScheduled = true;
    QTimer::singleShot(kScreenshotDelayMs, this, [this] {
        if (!grab().save(m_screenshotPath, "PNG")) {
            qCWarning(lcConsent) << "could not save the screenshot to" << m_screenshotPath;
        }
    });
}

} // namespace Companion::Consent
