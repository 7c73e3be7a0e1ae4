// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The consent window end to end: ConsentProcessPresenter runs the real aries-consent (QtWebEngine,
// offscreen) against the real aries-sandbox. Nothing is faked: the page is Chromium's, the sign-in pages
// the sandbox's, and the code that comes back is exchanged at the sandbox's token endpoint.
#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "auth/ConsentProcessPresenter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Companion::Auth;
using namespace Companion::Testing;

namespace {

const QString kConsentProgram = QStringLiteral(ARIES_CONSENT_BIN);
const QString kScreenshotDir = QStringLiteral(CONSENT_SCREENSHOT_DIR);
// QtWebEngine's first start on a cold machine is slow; a page load after that takes well under a second.
constexpr int kWaitMs = 60000;

/** Everything one present() reported. */
struct Outcome
{
    QList<QUrl> redirects;
    QList<AuthError> errors;
    int count() const { return int(redirects.size() + errors.size()); }
};

void record(ConsentProcessPresenter &presenter, Outcome &outcome)
{
    QObject::connect(&presenter, &AuthorizationPresenter::redirectCaptured, &presenter,
        [&outcome](const QUrl &url) { outcome.redirects.append(url); });
    QObject::connect(&presenter, &AuthorizationPresenter::failed, &presenter,
        [&outcome](const AuthError &error) { outcome.errors.append(error); });
}

/** The aries-consent processes this test started that are still alive (Linux: read from /proc). */
QList<qint64> consentChildren()
{
    QList<qint64> pids;
    const QByteArray self = QByteArray::number(QCoreApplication::applicationPid());
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!isPid || !stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        // "pid (comm) state ppid ..."; comm may hold spaces, so split after its closing parenthesis.
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('(');
        const qsizetype close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            continue;
        }
        const QByteArray comm = text.mid(open + 1, close - open - 1);
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        // A zombie (state Z) has ended; it only waits for QProcess to reap it.
        if (comm == "aries-consent" && fields.size() > 1 && fields.at(0) != "Z" && fields.at(1) == self) {
            pids.append(pid);
        }
    }
    return pids;
}

/** Every file and folder under @p root, hidden ones included, relative to it. */
QSet<QString> filesUnder(const QString &root)
{
    QSet<QString> files;
    QDirIterator it(
        root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.insert(QDir(root).relativeFilePath(it.next()));
    }
    return files;
}

/** A loopback port nobody listens on. */
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace

class TestConsentWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void program_invalidRequest_printsLoadFailedAndExits2_data();
    void program_invalidRequest_printsLoadFailedAndExits2();
    void present_programMissing_failsConsentFailed();
    void present_autoConsent_capturesRedirectWithWorkingCode();
    void present_loopbackRedirect_isCaughtWithoutAnyConnection();
    void present_oauthErrorPage_failsWithThatError_data();
    void present_oauthErrorPage_failsWithThatError();
    void close_byUser_failsCancelled_andScreenshotShowsSignIn();
    void cancel_closesWindowWithoutSignal();
    void present_closedPort_failsNetworkWhenClosed();
    void afterAllRuns_noFilesWrittenUnderHome();

private:
    /** Waits for the window's first page (the screenshot is saved then), sends SIGTERM, waits for the answer. */
    void closeLikeUser(const QString &screenshot, Outcome &outcome);
    void screenshotTo(const QString &path);

    std::unique_ptr<SandboxProcess> m_sandbox; // plain pages, as a person sees them
    std::unique_ptr<SandboxProcess> m_autoSandbox; // --auto-consent: signs in and allows by itself
    QSet<QString> m_homeFilesBefore;
};

void TestConsentWindow::initTestCase()
{
#ifndef Q_OS_LINUX
    QSKIP("closes the consent window through SIGTERM and finds it in /proc");
#endif
    QVERIFY2(QFile::exists(kConsentProgram), qPrintable(kConsentProgram));
    // run-isolated.sh gives this test its own HOME; everything QtWebEngine might write would land there.
    m_homeFilesBefore = filesUnder(QDir::homePath());
    // The window saves its screenshot but makes no folders; this test may be the first to run in a fresh build.
    QVERIFY2(QDir().mkpath(kScreenshotDir), qPrintable(kScreenshotDir));

    m_sandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(
        m_sandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0")}), qPrintable(m_sandbox->errorString()));
    m_autoSandbox = std::make_unique<SandboxProcess>();
    QVERIFY2(m_autoSandbox->start({QStringLiteral("--tick-ms"), QStringLiteral("0"), QStringLiteral("--auto-consent")}),
        qPrintable(m_autoSandbox->errorString()));
}

void TestConsentWindow::cleanupTestCase()
{
    m_autoSandbox.reset();
    m_sandbox.reset();
}

void TestConsentWindow::init()
{
    qunsetenv("ARIES_CONSENT_SCREENSHOT");
}

void TestConsentWindow::cleanup()
{
    qunsetenv("ARIES_CONSENT_SCREENSHOT");
    // No test may leave a window behind for the next one.
    QTRY_VERIFY_WITH_TIMEOUT(consentChildren().isEmpty(), 10000);
}

void TestConsentWindow::screenshotTo(const QString &path)
{
    QFile::remove(path);
    qputenv("ARIES_CONSENT_SCREENSHOT", QFile::encodeName(path));
}

void TestConsentWindow::closeLikeUser(const QString &screenshot, Outcome &outcome)
{
    // The screenshot is saved once the first page has loaded (or failed to), so the window is up by then.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(screenshot), kWaitMs);
    QCOMPARE(outcome.count(), 0);
    const QList<qint64> pids = consentChildren();
    QCOMPARE(pids.size(), 1);
    // aries-consent handles SIGTERM by closing its window, the path the title bar's close button takes.
    // There is no window manager offscreen to press that button for us.
    QCOMPARE(::kill(static_cast<pid_t>(pids.first()), SIGTERM), 0);
    QTRY_COMPARE_WITH_TIMEOUT(outcome.count(), 1, kWaitMs);
}

void TestConsentWindow::program_invalidRequest_printsLoadFailedAndExits2_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("not JSON") << QByteArray("hello\n");
    QTest::newRow("not an object") << QByteArray("[1,2]\n");
    QTest::newRow("no authorizationUrl") << QByteArray(R"({"redirectUri":"https://mcp.aries.com/auth/callback"})"
                                                       "\n");
    QTest::newRow("not http") << QByteArray(R"({"authorizationUrl":"file:///etc/passwd",)"
                                            R"("redirectUri":"https://mcp.aries.com/auth/callback"})"
                                            "\n");
    QTest::newRow("bad environment") << QByteArray(R"({"authorizationUrl":"https://aries.example/oauth2/authorize",)"
                                                   R"("redirectUri":"https://mcp.aries.com/auth/callback",)"
                                                   R"("environment":"Mars"})"
                                                   "\n");
    QTest::newRow("empty stdin") << QByteArray();
}

void TestConsentWindow::program_invalidRequest_printsLoadFailedAndExits2()
{
    QFETCH(QByteArray, input);
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(kConsentProgram, {});
    QVERIFY(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(kWaitMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    QCOMPARE(lines.size(), 2); // exactly one line, then the empty rest after its newline
    QVERIFY(lines.at(1).isEmpty());
    const auto answer = nlohmann::json::parse(lines.at(0).toStdString(), nullptr, false);
    QVERIFY2(answer.is_object(), lines.at(0).constData());
    QCOMPARE(jsonText(answer, "error"), QStringLiteral("load_failed"));
    QVERIFY(!jsonText(answer, "detail").isEmpty());
}

void TestConsentWindow::present_programMissing_failsConsentFailed()
{
    ConsentProcessPresenter presenter(QStringLiteral("/nonexistent/aries-consent"), QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);
    presenter.present(m_sandbox->url(QStringLiteral("/oauth2/authorize")), QUrl(m_sandbox->demoRedirectUri()));
    QTRY_COMPARE_WITH_TIMEOUT(outcome.count(), 1, kWaitMs);
    QCOMPARE(outcome.errors.size(), 1);
    QCOMPARE(outcome.errors.first().code, AuthError::Code::ConsentFailed);
    QVERIFY(!outcome.errors.first().detail.isEmpty());
    QVERIFY(!presenter.isPresenting());
}

void TestConsentWindow::present_autoConsent_capturesRedirectWithWorkingCode()
{
    SandboxSignIn flow(*m_autoSandbox);
    const AuthorizeRequest request = flow.demoRequest();
    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);

    presenter.present(flow.authorizeUrl(request), QUrl(request.redirectUri));
    QVERIFY(presenter.isPresenting());
    QTRY_COMPARE_WITH_TIMEOUT(outcome.count(), 1, kWaitMs);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(outcome.errors.value(0).detail));
    QVERIFY(!presenter.isPresenting());

    const QUrl redirect = outcome.redirects.first();
    const QUrl expected(request.redirectUri);
    QCOMPARE(redirect.scheme(), expected.scheme());
    QCOMPARE(redirect.host(), expected.host());
    QCOMPARE(redirect.path(), expected.path());
    const QUrlQuery query(redirect);
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(!code.isEmpty());
    QCOMPARE(query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), request.state);
    QVERIFY(!query.hasQueryItem(QStringLiteral("error")));

    // The code is real: the sandbox exchanges it for tokens, with this attempt's verifier.
    const TestHttpResponse response =
        flow.exchangeCode(code, request.codeVerifier, request.clientId, request.redirectUri);
    QVERIFY2(response.status == 200, response.describe().constData());
    QVERIFY(SandboxSignIn::tokensFrom(response).isValid());

    // Nothing more arrives later (exactly one answer per run).
    QTest::qWait(200);
    QCOMPARE(outcome.count(), 1);
}

void TestConsentWindow::present_loopbackRedirect_isCaughtWithoutAnyConnection()
{
    // The redirect URI points at a port this test listens on: if the window let the navigation through,
    // the connection would show here. It must be caught in the window with nothing sent anywhere.
    QTcpServer redirectHost;
    QVERIFY(redirectHost.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&redirectHost, &QTcpServer::newConnection, this, [&connections] { ++connections; });
    const QString redirectUri = QStringLiteral("http://127.0.0.1:%1/callback").arg(redirectHost.serverPort());

    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auto-consent"), QStringLiteral("--tick-ms"), QStringLiteral("0"),
                 QStringLiteral("--client"), QStringLiteral("loopback-client=") + redirectUri}),
        qPrintable(sandbox.errorString()));
    SandboxSignIn flow(sandbox);
    AuthorizeRequest request = flow.demoRequest();
    request.clientId = QStringLiteral("loopback-client");
    request.redirectUri = redirectUri;

    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);
    presenter.present(flow.authorizeUrl(request), QUrl(redirectUri));
    QTRY_COMPARE_WITH_TIMEOUT(outcome.count(), 1, kWaitMs);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(outcome.errors.value(0).detail));
    QCOMPARE(QUrlQuery(outcome.redirects.first()).queryItemValue(QStringLiteral("state")), request.state);
    QTest::qWait(500); // a navigation let through would connect well within this
    QCOMPARE(connections, 0);
    QVERIFY(!redirectHost.hasPendingConnections());
}

void TestConsentWindow::present_oauthErrorPage_failsWithThatError_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<AuthError::Code>("expected");
    const QString demoRedirect = QStringLiteral("https://mcp.aries.com/auth/callback");
    QTest::newRow("unknown client") << QStringLiteral("no-such-client") << demoRedirect
                                    << AuthError::Code::InvalidClient;
    // Byte for byte: a trailing slash is another redirect URI.
    QTest::newRow("redirect uri with trailing slash")
        << QString() << demoRedirect + u'/' << AuthError::Code::RedirectUriMismatch;
    QTest::newRow("unregistered redirect uri")
        << QString() << QStringLiteral("http://127.0.0.1:9/callback") << AuthError::Code::RedirectUriMismatch;
}

void TestConsentWindow::present_oauthErrorPage_failsWithThatError()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    QFETCH(AuthError::Code, expected);

    SandboxSignIn flow(*m_sandbox);
    AuthorizeRequest request = flow.demoRequest();
    if (!clientId.isEmpty()) {
        request.clientId = clientId;
    }
    request.redirectUri = redirectUri;
    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);

    presenter.present(flow.authorizeUrl(request), QUrl(redirectUri));
    QTRY_COMPARE_WITH_TIMEOUT(outcome.count(), 1, kWaitMs);
    QCOMPARE(outcome.redirects.size(), 0);
    QCOMPARE(outcome.errors.first().code, expected);
}

void TestConsentWindow::close_byUser_failsCancelled_andScreenshotShowsSignIn()
{
    const QString screenshot = kScreenshotDir + QStringLiteral("/consent-window.png");
    screenshotTo(screenshot);
    SandboxSignIn flow(*m_sandbox);
    const AuthorizeRequest request = flow.demoRequest();
    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);

    presenter.present(flow.authorizeUrl(request), QUrl(request.redirectUri));
    closeLikeUser(screenshot, outcome);
    QCOMPARE(outcome.redirects.size(), 0);
    QCOMPARE(outcome.errors.first().code, AuthError::Code::Cancelled);

    // The picture is of the window, page and host bar included (look at it: the sign-in page).
    const QImage image(screenshot);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 360 && image.height() >= 420);
    qInfo("screenshot of the consent window: %s", qPrintable(screenshot));
}

void TestConsentWindow::cancel_closesWindowWithoutSignal()
{
    const QString screenshot = kScreenshotDir + QStringLiteral("/consent-window-cancel.png");
    screenshotTo(screenshot);
    SandboxSignIn flow(*m_sandbox);
    const AuthorizeRequest request = flow.demoRequest();
    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Aries"));
    Outcome outcome;
    record(presenter, outcome);

    presenter.present(flow.authorizeUrl(request), QUrl(request.redirectUri));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(screenshot), kWaitMs);
    QCOMPARE(consentChildren().size(), 1);
    presenter.cancel();
    QVERIFY(!presenter.isPresenting());
    QTRY_VERIFY_WITH_TIMEOUT(consentChildren().isEmpty(), 10000);
    QTest::qWait(200);
    QCOMPARE(outcome.count(), 0);
}

void TestConsentWindow::present_closedPort_failsNetworkWhenClosed()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);
    const QString screenshot = kScreenshotDir + QStringLiteral("/consent-window-load-failed.png");
    screenshotTo(screenshot);
    SandboxSignIn flow(*m_sandbox);
    const AuthorizeRequest request = flow.demoRequest();
    QUrl url = flow.authorizeUrl(request);
    url.setPort(port);
    ConsentProcessPresenter presenter(kConsentProgram, QStringLiteral("Sandbox"));
    Outcome outcome;
    record(presenter, outcome);

    presenter.present(url, QUrl(request.redirectUri));
    // The window explains the failure and reports it only when the user has read it and closes it.
    closeLikeUser(screenshot, outcome);
    QCOMPARE(outcome.redirects.size(), 0);
    QCOMPARE(outcome.errors.first().code, AuthError::Code::Network);
    QVERIFY2(outcome.errors.first().detail.contains(QLatin1String("CONNECTION_REFUSED")),
        qPrintable(outcome.errors.first().detail));
}

void TestConsentWindow::afterAllRuns_noFilesWrittenUnderHome()
{
    // Every run above used an off-the-record profile: no cookies, cache, local storage or history on disk.
    const QSet<QString> added = filesUnder(QDir::homePath()) - m_homeFilesBefore;
    QStringList list(added.cbegin(), added.cend());
    list.sort();
    QVERIFY2(list.isEmpty(), qPrintable(list.join(u", ")));
}

QTEST_GUILESS_MAIN(TestConsentWindow)
#include "TestConsentWindow.moc"
