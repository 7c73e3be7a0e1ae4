// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sign-in under load and faults, with the app's real parts: the MCP engine and read tools, AriesSession,
// TokenManager, OAuthClient and KeychainSecretStore in the private D-Bus session with the unlocked
// gnome-keyring of tests/run-isolated.sh keyring, against the real aries-sandbox process. An access token
// expiring during 100 concurrent tool calls, a refresh token revoked by Aries, the keychain locked or gone
// mid-session. Figures are printed on "RELIABILITY:" lines.
#include "JsonValues.h"
#include "SandboxProcess.h"
#include "SandboxSignIn.h"

#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "mcp/McpServer.h"
#include "mcp/McpSession.h"
#include "secrets/KeychainSecretStore.h"
#include "tools/AccountTools.h"
#include "tools/AriesSession.h"
#include "tools/MarketTools.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <optional>

#include <signal.h>

using namespace Companion;
using namespace Companion::Auth;
using namespace Companion::Secrets;
using namespace Companion::Testing;
using namespace std::chrono_literals;
using nlohmann::json;

/** A Secret Service "Secret" struct (session, parameters, value, content type) for D-Bus. */
struct DBusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const DBusSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, DBusSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

Q_DECLARE_METATYPE(DBusSecret)

namespace {

const QString kService = QStringLiteral("com.aries.companion.tests.reliability");

/** Every log line of this process, so a token that reached a log is found like one in a file. */
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

/** Runs a program to its end; true when it exits 0. */
bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.closeWriteChannel();
    return process.waitForStarted(5000) && process.waitForFinished(15000)
        && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/** Locks the login keyring through the Secret Service API, as a screen lock or the user would. */
bool lockLoginKeyring()
{
    return run(QStringLiteral("dbus-send"),
        {QStringLiteral("--session"), QStringLiteral("--dest=org.freedesktop.secrets"),
            QStringLiteral("--type=method_call"), QStringLiteral("--print-reply"),
            QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
}

/** Unlocks it as a desktop login does (gnome-keyring's unlock-with-password), with run-isolated.sh's password. */
bool unlockLoginKeyring()
{
    qDBusRegisterMetaType<DBusSecret>();
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"));
    const QDBusMessage opened = service.call(
        QStringLiteral("OpenSession"), QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2) {
        return false;
    }
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface internal(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"));
    const QDBusMessage unlocked = internal.call(QStringLiteral("UnlockWithMasterPassword"),
        QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))),
        QVariant::fromValue(DBusSecret {session, {}, QByteArrayLiteral("ci"), QStringLiteral("text/plain")}));
    return unlocked.type() == QDBusMessage::ReplyMessage;
}

/** "PATH holds TOKEN…" when the file at @p path contains one of @p needles; unreadable files are skipped. */
std::optional<QString> fileContaining(const QString &path, const QStringList &needles, int *scanned)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt; // another user's file in the shared temp folder
    }
    ++*scanned;
    const QByteArray content = file.read(64 * 1024 * 1024);
    for (const QString &needle : needles) {
        if (content.contains(needle.toUtf8())) {
            return path + QStringLiteral(" holds ") + needle.left(8) + QStringLiteral("…");
        }
    }
    return std::nullopt;
}

/**
 * Every regular file under @p root (recursively, symlinks not followed) that contains one of @p needles;
 * @p since limits the search to files changed since then when valid.
 */
QStringList filesContaining(const QString &root, const QStringList &needles, const QDateTime &since, int *scanned)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (!info.isFile() || (since.isValid() && info.lastModified() < since)) {
            continue;
        }
        if (const auto hit = fileContaining(path, needles, scanned)) {
            found.append(*hit);
        }
    }
    return found;
}

/**
 * The tray app's parts that carry an assistant's call to Aries, wired as CompanionApp wires them, with the
 * read tools registered on an MCP session driven with JSON-RPC text.
 */
class AppRig final
{
public:
    AppRig()
        : m_store(kService, 10s)
        , m_oauth(m_network)
        , m_tokens(m_oauth, m_store)
        , m_aries(m_tokens, [this] { return m_account; })
    { }

    bool start(const QStringList &arguments)
    {
        if (!m_sandbox.start(arguments)) {
            m_error = m_sandbox.errorString();
            return false;
        }
        m_oauth.setTimeout(10s);
        OAuthConfig config;
        config.clientId = m_sandbox.demoClientId();
        config.apiBaseUrl = m_sandbox.baseUrl();
        config.authorizeUrl = m_sandbox.url(QStringLiteral("/oauth2/authorize"));
        m_tokens.setConfig(config);
        m_aries.setApiBaseUrl(m_sandbox.baseUrl());
        Tools::AccountTools::registerTools(m_server, m_aries);
        Tools::MarketTools::registerTools(m_server, m_aries);
        m_session = m_server.createSession(QStringLiteral("local"));
        QObject::connect(m_session.get(), &Mcp::McpSession::send, m_session.get(),
            [this](const QByteArray &message, const QByteArray &, bool) {
                const json parsed = json::parse(message.constBegin(), message.constEnd(), nullptr, false);
                const json id = parsed.is_object() ? parsed.value("id", json()) : json();
                if (id.is_number_integer()) {
                    m_replies.insert(id.get<int>(), parsed);
                    m_answeredMs.insert(id.get<int>(), m_clock.elapsed());
                }
            });
        m_clock.start();
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
            {"params",
                {{"protocolVersion", "2025-11-25"}, {"capabilities", json::object()},
                    {"clientInfo", {{"name", "reliability-test"}, {"version", "1"}}}}}}
                                                         .dump()));
        m_session->receive(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        if (!m_replies.contains(0)) {
            m_error = QStringLiteral("the MCP session did not initialize");
            return false;
        }
        return true;
    }

    /** A real sign-in through the sandbox's pages; the tokens as the sign-in flow hands them over. */
    std::optional<TokenSet> signIn()
    {
        const SandboxTokens tokens = SandboxSignIn::signIn(m_sandbox);
        if (!tokens.isValid()) {
            return std::nullopt;
        }
        const json accounts =
            m_sandbox.http()
                .get(m_sandbox.url(QStringLiteral("/v1/users/me/accounts")), {bearer(tokens.accessToken)})
                .json();
        for (const json &account : accounts.value("accounts", json::array())) {
            if (jsonText(account, "account_class") == QLatin1String("MARGIN")) {
                m_account = jsonText(account, "sterling_account_id");
            }
        }
        auto parsed =
            TokenSet::fromTokenResponse(QByteArray::fromStdString(tokens.raw.dump()), QDateTime::currentDateTimeUtc());
        if (!parsed) {
            return std::nullopt;
        }
        return *parsed;
    }

    int send(const QString &tool, const json &arguments)
    {
        const int id = m_nextId++;
        m_sentMs.insert(id, m_clock.elapsed());
        m_session->receive(QByteArray::fromStdString(json {{"jsonrpc", "2.0"}, {"id", id}, {"method", "tools/call"},
            {"params", {{"name", tool.toStdString()}, {"arguments", arguments}}}}
                                                         .dump()));
        return id;
    }

    /** @p count calls, alternating quotes and balances, sent at once. */
    QList<int> sendBurst(int count)
    {
        QList<int> ids;
        for (int i = 0; i < count; ++i) {
            ids.append(i % 2 ? send(QStringLiteral("get_balances"), json::object())
                             : send(QStringLiteral("get_quote"), {{"symbol", "AAPL"}}));
        }
        return ids;
    }

    bool waitAll(const QList<int> &ids, int ms)
    {
        return QTest::qWaitFor(
            [&] { return std::all_of(ids.cbegin(), ids.cend(), [this](int id) { return m_replies.contains(id); }); },
            ms);
    }

    bool succeeded(int id) const
    {
        const json reply = m_replies.value(id);
        return reply.contains("result") && reply["result"].is_object() && !reply["result"].value("isError", true);
    }

    QString text(int id) const { return JsonValues::firstContentText(m_replies.value(id)); }
    qint64 elapsedMs(int id) const { return m_answeredMs.value(id) - m_sentMs.value(id); }

    /** The keychain entry's tokens; nullopt when absent or unreadable (@p missing says whether it is absent). */
    std::optional<TokenSet> storedTokens(bool *missing = nullptr)
    {
        std::optional<Expected<QByteArray, SecretError>> read;
        m_store.read(TokenManager::keychainKey(m_sandbox.demoClientId()), nullptr,
            [&read](Expected<QByteArray, SecretError> r) { read = std::move(r); });
        const bool answered = QTest::qWaitFor([&read] { return read.has_value(); }, 15000);
        if (missing) {
            *missing = answered && !read->has_value() && read->error().code == SecretError::Code::NotFound;
        }
        if (!answered || !read->has_value()) {
            return std::nullopt;
        }
        return TokenSet::fromKeychainBlob(read->value());
    }

    bool removeStored()
    {
        std::optional<Expected<void, SecretError>> removed;
        m_store.remove(TokenManager::keychainKey(m_sandbox.demoClientId()), nullptr,
            [&removed](Expected<void, SecretError> r) { removed = std::move(r); });
        return QTest::qWaitFor([&removed] { return removed.has_value(); }, 15000) && removed->has_value();
    }

    /** The access token TokenManager hands out now (refreshing first if it must). */
    QString currentAccessToken()
    {
        std::optional<Expected<QString, AuthError>> token;
        m_tokens.withAccessToken(nullptr, [&token](Expected<QString, AuthError> t) { token = std::move(t); });
        if (!QTest::qWaitFor([&token] { return token.has_value(); }, 15000) || !token->has_value()) {
            return {};
        }
        return token->value();
    }

    QString errorString() const { return m_error; }
    SandboxProcess &sandbox() { return m_sandbox; }
    TokenManager &tokens() { return m_tokens; }
    KeychainSecretStore &store() { return m_store; }

private:
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
    KeychainSecretStore m_store;
    OAuthClient m_oauth;
    TokenManager m_tokens;
    Tools::AriesSession m_aries;
    Mcp::McpServer m_server;
    std::unique_ptr<Mcp::McpSession> m_session;
    QHash<int, json> m_replies;
    QHash<int, qint64> m_sentMs;
    QHash<int, qint64> m_answeredMs;
    QElapsedTimer m_clock;
    QString m_account;
    QString m_error;
    int m_nextId = 1;
};

} // namespace

class TestTokenFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void expiryDuringHundredCalls_oneRefreshAllSucceed();
    void refreshTokenRevoked_signsOutEveryCallerToldToReconnect();
    void keychainLockedMidSession_clearNoticeAndNoTokenWrittenElsewhere();
    void keychainGoneMidSession_clearNoticeAndNoTokenWrittenElsewhere();

private:
    bool connectRig(const QStringList &sandboxArguments, TokenSet *tokens);
    /** Fails the test when any of @p tokens is in a file of this test's HOME/XDG/runtime tree or in the log. */
    void verifyNowhereElse(const QStringList &tokens, const char *scenario);

    std::unique_ptr<AppRig> m_rig;
    QDateTime m_started;
};

void TestTokenFaults::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run through CTest: needs the private D-Bus session of tests/run-isolated.sh keyring");
    QVERIFY2(qEnvironmentVariableIsSet("ARIES_SANDBOX_BIN"), "run through CTest: needs ARIES_SANDBOX_BIN");
    // The scan below walks the whole per-test tree; never anyone's real home.
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    m_started = QDateTime::currentDateTime().addSecs(-1);
    g_previousHandler = qInstallMessageHandler(recordMessage);
}

void TestTokenFaults::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

void TestTokenFaults::init()
{
    m_rig = std::make_unique<AppRig>();
}

void TestTokenFaults::cleanup()
{
    m_rig.reset();
}

bool TestTokenFaults::connectRig(const QStringList &sandboxArguments, TokenSet *tokens)
{
    if (!m_rig->start(QStringList {QStringLiteral("--tick-ms"), QStringLiteral("0")} + sandboxArguments)) {
        qWarning() << m_rig->errorString();
        return false;
    }
    if (!m_rig->removeStored()) {
        qWarning("the keychain entry could not be cleared");
        return false;
    }
    const auto signedIn = m_rig->signIn();
    if (!signedIn) {
        return false;
    }
    *tokens = *signedIn;
    m_rig->tokens().adoptTokens(*tokens);
    return QTest::qWaitFor([this] { return m_rig->tokens().state() == AuthState::Connected; }, 15000)
        && m_rig->storedTokens().has_value();
}

void TestTokenFaults::verifyNowhereElse(const QStringList &tokens, const char *scenario)
{
    // The test's own tree (HOME, every XDG directory, XDG_RUNTIME_DIR) in full, and whatever changed in the
    // shared temp folder since the test started.
    QDir root(QDir::homePath());
    QVERIFY(root.cdUp());
    int scanned = 0;
    QStringList found = filesContaining(root.absolutePath(), tokens, {}, &scanned);
    QDirIterator top(
        QDir::tempPath(), QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::NoSymLinks | QDir::Hidden);
    while (top.hasNext()) {
        const QString path = top.next();
        if (path == root.absolutePath() || top.fileInfo().lastModified() < m_started) {
            continue;
        }
        if (top.fileInfo().isDir()) {
            found += filesContaining(path, tokens, m_started, &scanned);
        } else if (const auto hit = fileContaining(path, tokens, &scanned)) {
            found.append(*hit);
        }
    }
    int logLines = 0;
    {
        const QMutexLocker locker(&g_logMutex);
        logLines = int(g_log.size());
        for (const QString &line : std::as_const(g_log)) {
            for (const QString &needle : tokens) {
                if (line.contains(needle)) {
                    found.append(QStringLiteral("a log line holds ") + needle.left(8) + QStringLiteral("…"));
                }
            }
        }
    }
    qInfo().noquote() << QStringLiteral("RELIABILITY: tokens scan=%1 tokens=%2 files_scanned=%3 log_lines=%4 found=%5")
                             .arg(QLatin1String(scenario))
                             .arg(tokens.size())
                             .arg(scanned)
                             .arg(logLines)
                             .arg(found.size());
    QVERIFY2(scanned > 0, "nothing was scanned");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

void TestTokenFaults::expiryDuringHundredCalls_oneRefreshAllSucceed()
{
    // 50 ms per API request, so the burst is still under way when Aries' clock moves past the token's expiry.
    TokenSet old;
    QVERIFY(connectRig({QStringLiteral("--latency-ms"), QStringLiteral("50")}, &old));
    QVERIFY(m_rig->sandbox().resetStats());

    constexpr int kCalls = 100;
    const QList<int> ids = m_rig->sendBurst(kCalls);
    // Aries says the token has expired although the app's clock disagrees: only a 401 can tell the app.
    QVERIFY(m_rig->sandbox().advanceClock(3700));
    QVERIFY(m_rig->waitAll(ids, 60000));

    int recovered = 0;
    qint64 maxMs = 0;
    QStringList failures;
    for (const int id : ids) {
        maxMs = std::max(maxMs, m_rig->elapsedMs(id));
        if (m_rig->succeeded(id)) {
            ++recovered;
        } else {
            failures.append(m_rig->text(id));
        }
    }
    const int grants = m_rig->sandbox().grantCount(QStringLiteral("refresh_token"));
    const int tokenRequests = m_rig->sandbox().requestCount(QStringLiteral("POST /v1/oauth2/token"));
    qInfo().noquote() << QStringLiteral("RELIABILITY: tokens fault=expiry-during-burst calls=%1 recovered=%2 errors=%3 "
                                        "refresh_grants=%4 token_requests=%5 max_ms=%6")
                             .arg(kCalls)
                             .arg(recovered)
                             .arg(failures.size())
                             .arg(grants)
                             .arg(tokenRequests)
                             .arg(maxMs);
    QVERIFY2(recovered == kCalls, qPrintable(failures.join(QLatin1Char('\n'))));
    QCOMPARE(grants, 1);
    QCOMPARE(tokenRequests, 1);
    QCOMPARE(m_rig->tokens().state(), AuthState::Connected);

    // Rotation reached the keychain: the new refresh token is stored, the old one is dead.
    std::optional<TokenSet> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = m_rig->storedTokens()) && stored->refreshToken != old.refreshToken, 15000);
    QCOMPARE(SandboxSignIn(m_rig->sandbox()).refresh(old.refreshToken, m_rig->sandbox().demoClientId()).status, 400);
}

void TestTokenFaults::refreshTokenRevoked_signsOutEveryCallerToldToReconnect()
{
    TokenSet tokens;
    QVERIFY(connectRig({QStringLiteral("--latency-ms"), QStringLiteral("20")}, &tokens));
    QSignalSpy notices(&m_rig->tokens(), &TokenManager::noticeRaised);
    QSignalSpy states(&m_rig->tokens(), &TokenManager::stateChanged);
    // The user removed the app's access on Aries' website: the access and the refresh token stop working.
    QVERIFY(m_rig->sandbox().revokeTokens(m_rig->sandbox().demoUser()));
    QVERIFY(m_rig->sandbox().resetStats());

    constexpr int kCalls = 40;
    const QList<int> ids = m_rig->sendBurst(kCalls);
    QVERIFY(m_rig->waitAll(ids, 60000));
    int reconnect = 0;
    qint64 maxMs = 0;
    QStringList other;
    for (const int id : ids) {
        maxMs = std::max(maxMs, m_rig->elapsedMs(id));
        const QString text = m_rig->text(id);
        if (!m_rig->succeeded(id) && text.contains(QLatin1String("onnect to Aries"))) {
            ++reconnect;
        } else {
            other.append(text);
        }
    }
    const int tokenRequests = m_rig->sandbox().requestCount(QStringLiteral("POST /v1/oauth2/token"));
    qInfo().noquote() << QStringLiteral("RELIABILITY: tokens fault=refresh-revoked calls=%1 reconnect_errors=%2 "
                                        "other=%3 token_requests=%4 notices=%5 max_ms=%6")
                             .arg(kCalls)
                             .arg(reconnect)
                             .arg(other.size())
                             .arg(tokenRequests)
                             .arg(notices.size())
                             .arg(maxMs);
    // Every caller is told, in the same words, to connect again; one refresh attempt, not one per caller.
    QVERIFY2(reconnect == kCalls, qPrintable(other.join(QLatin1Char('\n'))));
    QCOMPARE(tokenRequests, 1);
    // Signed out cleanly: one notice for the user, the state says so, the keychain entry is gone.
    QCOMPARE(m_rig->tokens().state(), AuthState::SignedOut);
    QVERIFY(!m_rig->tokens().isConnected());
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).value<AuthError>().code, AuthError::Code::InvalidGrant);
    QVERIFY(states.contains(QVariantList {QVariant::fromValue(AuthState::SignedOut)}));
    const auto entryMissing = [this] {
        bool missing = false;
        (void)m_rig->storedTokens(&missing);
        return missing;
    };
    QTRY_VERIFY_WITH_TIMEOUT(entryMissing(), 15000);

    // Later calls are told how to connect, without another try at Aries.
    const int later = m_rig->send(QStringLiteral("get_balances"), json::object());
    QVERIFY(m_rig->waitAll({later}, 10000));
    QVERIFY(!m_rig->succeeded(later));
    QVERIFY2(m_rig->text(later).contains(QLatin1String("Connect to Aries")), qPrintable(m_rig->text(later)));
    QCOMPARE(m_rig->sandbox().requestCount(QStringLiteral("POST /v1/oauth2/token")), 1);
}

void TestTokenFaults::keychainLockedMidSession_clearNoticeAndNoTokenWrittenElsewhere()
{
    TokenSet old;
    QVERIFY(connectRig({}, &old));
    QSignalSpy notices(&m_rig->tokens(), &TokenManager::noticeRaised);

    // The screen locks the keyring mid-session; then Aries expires the token, so the refreshed tokens have
    // nowhere to be saved.
    QVERIFY(lockLoginKeyring());
    QVERIFY(m_rig->sandbox().resetStats());
    QVERIFY(m_rig->sandbox().advanceClock(3700));
    constexpr int kCalls = 20;
    const QList<int> ids = m_rig->sendBurst(kCalls);
    QVERIFY(m_rig->waitAll(ids, 60000));
    const int recovered = int(std::count_if(ids.cbegin(), ids.cend(), [this](int id) { return m_rig->succeeded(id); }));
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 20000);
    const AuthError notice = notices.constLast().at(0).value<AuthError>();
    qInfo().noquote() << QStringLiteral("RELIABILITY: tokens fault=keychain-locked calls=%1 recovered=%2 "
                                        "refresh_grants=%3 notices=%4 state=%5")
                             .arg(kCalls)
                             .arg(recovered)
                             .arg(m_rig->sandbox().grantCount(QStringLiteral("refresh_token")))
                             .arg(notices.size())
                             .arg(int(m_rig->tokens().state()));
    // The assistant's calls go on with the tokens in memory; the user is told, in words, what to do.
    QCOMPARE(recovered, kCalls);
    QCOMPARE(m_rig->sandbox().grantCount(QStringLiteral("refresh_token")), 1);
    QCOMPARE(notice.code, AuthError::Code::SecretsUnavailable);
    QVERIFY2(notice.userMessage().contains(QLatin1String("Unlock")), qPrintable(notice.userMessage()));
    QVERIFY(m_rig->tokens().lastError().has_value());
    QCOMPARE(m_rig->tokens().lastError()->code, AuthError::Code::SecretsUnavailable);
    QCOMPARE(m_rig->tokens().state(), AuthState::Connected);
    const QString freshAccess = m_rig->currentAccessToken();
    QVERIFY(!freshAccess.isEmpty() && freshAccess != old.accessToken);

    // A restart while it is still locked: a clear state, and every tool says what to do.
    {
        AppRig restarted;
        QVERIFY(restarted.start({QStringLiteral("--tick-ms"), QStringLiteral("0")}));
        restarted.tokens().restore();
        QTRY_COMPARE_WITH_TIMEOUT(restarted.tokens().state(), AuthState::SecretsUnavailable, 20000);
        const int id = restarted.send(QStringLiteral("get_balances"), json::object());
        QVERIFY(restarted.waitAll({id}, 10000));
        QVERIFY(!restarted.succeeded(id));
        QVERIFY2(restarted.text(id).contains(QLatin1String("unlock the keychain")), qPrintable(restarted.text(id)));
    }

    // Unlocked and Retry: the tokens in memory are saved at last, the rotated refresh token with them.
    QVERIFY(unlockLoginKeyring());
    m_rig->tokens().retrySecrets();
    std::optional<TokenSet> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = m_rig->storedTokens()) && stored->refreshToken != old.refreshToken, 20000);
    QCOMPARE(stored->accessToken, freshAccess);

    verifyNowhereElse(
        {old.accessToken, old.refreshToken, stored->accessToken, stored->refreshToken}, "keychain-locked");
}

void TestTokenFaults::keychainGoneMidSession_clearNoticeAndNoTokenWrittenElsewhere()
{
    TokenSet old;
    QVERIFY(connectRig({}, &old));
    QSignalSpy notices(&m_rig->tokens(), &TokenManager::noticeRaised);

    // The keyring daemon of this test's private session goes away (crash, logout of the keyring); D-Bus may
    // start a fresh one, which has the login keyring locked, or none at all.
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY(bus);
    const QDBusReply<uint> pid = bus->servicePid(QStringLiteral("org.freedesktop.secrets"));
    QVERIFY2(pid.isValid() && pid.value() > 1, qPrintable(pid.error().message()));
    QVERIFY(::kill(pid_t(pid.value()), SIGKILL) == 0);
    QTRY_VERIFY_WITH_TIMEOUT(!bus->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value(), 10000);

    QVERIFY(m_rig->sandbox().resetStats());
    QVERIFY(m_rig->sandbox().advanceClock(3700));
    constexpr int kCalls = 20;
    const QList<int> ids = m_rig->sendBurst(kCalls);
    QVERIFY(m_rig->waitAll(ids, 60000));
    const int recovered = int(std::count_if(ids.cbegin(), ids.cend(), [this](int id) { return m_rig->succeeded(id); }));
    QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), 30000);
    const AuthError notice = notices.constLast().at(0).value<AuthError>();
    qInfo().noquote() << QStringLiteral("RELIABILITY: tokens fault=keychain-gone calls=%1 recovered=%2 "
                                        "refresh_grants=%3 notices=%4 state=%5")
                             .arg(kCalls)
                             .arg(recovered)
                             .arg(m_rig->sandbox().grantCount(QStringLiteral("refresh_token")))
                             .arg(notices.size())
                             .arg(int(m_rig->tokens().state()));
    QCOMPARE(recovered, kCalls);
    QCOMPARE(notice.code, AuthError::Code::SecretsUnavailable);
    QCOMPARE(m_rig->tokens().state(), AuthState::Connected);
    const QString freshAccess = m_rig->currentAccessToken();
    QVERIFY(!freshAccess.isEmpty() && freshAccess != old.accessToken);

    // The keyring is back (D-Bus starts it again on demand, with the login keyring locked); the user unlocks it
    // and chooses Retry: the tokens in memory are saved, without a new sign-in.
    QTRY_VERIFY_WITH_TIMEOUT(unlockLoginKeyring(), 15000);
    m_rig->tokens().retrySecrets();
    std::optional<TokenSet> stored;
    const bool saved =
        QTest::qWaitFor([&] { return (stored = m_rig->storedTokens()) && stored->accessToken == freshAccess; }, 20000);
    qInfo().noquote()
        << QStringLiteral("RELIABILITY: tokens fault=keychain-gone-then-back saved_after_retry=%1").arg(saved ? 1 : 0);
    QVERIFY2(saved, "the tokens were not saved after the keyring came back and Retry was chosen");
    QCOMPARE(m_rig->tokens().state(), AuthState::Connected);

    verifyNowhereElse({old.accessToken, old.refreshToken, stored->accessToken, stored->refreshToken}, "keychain-gone");
}

QTEST_GUILESS_MAIN(TestTokenFaults)
#include "TestTokenFaults.moc"
