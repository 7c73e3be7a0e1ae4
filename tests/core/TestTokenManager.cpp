// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TokenManager with the real OAuthClient against the real aries-sandbox process, and the real
// KeychainSecretStore inside the private D-Bus session with an unlocked gnome-keyring of
// tests/run-isolated.sh keyring. Tokens come from a real sign-in through the sandbox's pages.
#include "auth/OAuthClient.h"
#include "auth/TokenManager.h"
#include "secrets/KeychainSecretStore.h"

#include "SandboxProcess.h"
#include "SandboxSignIn.h"
#include "TestHttpClient.h"

#include <QDBusArgument>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace Companion;
using namespace Companion::Auth;
using namespace Companion::Secrets;
using namespace Companion::Testing;
using namespace std::chrono_literals;

namespace {

const QString kService = QStringLiteral("com.aries.companion.tests.tokens");

using TokenResult = Expected<QString, AuthError>;

/** Collects the answers of many withAccessToken()/reportUnauthorized() callers. */
struct Answers
{
    QList<TokenResult> results;
    TokenManager::TokenCallback callback()
    {
        return [this](TokenResult result) { results.append(std::move(result)); };
    }
};

} // namespace

class TestTokenManager final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void restore_nothingStored_isSignedOut();
    void adoptTokens_storesEntryAndConnects();
    void restore_storedTokens_connectsWithoutRefresh();
    void restore_corruptEntry_isSignedOut();
    void withAccessToken_hundredCallersAfterExpiry_oneRefreshAndRotation();
    void reportUnauthorized_hundredCallers_refreshOnce();
    void reportUnauthorized_staleToken_noRefresh();
    void refresh_tokenRevoked_signsOutAndFailsEveryCaller();
    void refresh_transientFailure_keepsTokensThenRecovers();
    void signOut_removesEntry_laterCallersNotSignedIn();
    void setConfig_otherClient_forgetsTokens();
    void restore_keyringLocked_thenUnlockedAndRetried_reconnectsWithoutSignIn();

private:
    bool startSandbox(const QStringList &extraArguments = {});
    OAuthConfig config() const;
    TokenSet signIn();
    std::unique_ptr<TokenManager> makeManager();
    /** The parsed keychain entry; nullopt when absent or unreadable (entryMissing() tells which). */
    std::optional<TokenSet> storedTokens();
    bool entryMissing();
    int usersMeStatus(const QString &accessToken);

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<OAuthClient> m_oauth;
    std::unique_ptr<KeychainSecretStore> m_store;
};

void TestTokenManager::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run through CTest: needs the private D-Bus session of tests/run-isolated.sh keyring");
    QVERIFY2(qEnvironmentVariableIsSet("ARIES_SANDBOX_BIN"), "run through CTest: needs ARIES_SANDBOX_BIN");
}

void TestTokenManager::init()
{
    QVERIFY2(startSandbox(), qPrintable(m_sandbox->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_oauth = std::make_unique<OAuthClient>(*m_network);
    m_oauth->setTimeout(10s);
    m_store = std::make_unique<KeychainSecretStore>(kService, 10s);
    // Every test starts with no entry.
    std::optional<Expected<void, SecretError>> removed;
    m_store->remove(TokenManager::keychainKey(m_sandbox->demoClientId()), nullptr,
        [&removed](Expected<void, SecretError> r) { removed = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
    QVERIFY(removed->has_value());
}

void TestTokenManager::cleanup()
{
    m_oauth.reset();
    m_network.reset();
    m_sandbox.reset();
}

bool TestTokenManager::startSandbox(const QStringList &extraArguments)
{
    m_sandbox = std::make_unique<SandboxProcess>();
    return m_sandbox->start(QStringList {QStringLiteral("--tick-ms"), QStringLiteral("0")} + extraArguments);
}

OAuthConfig TestTokenManager::config() const
{
    OAuthConfig config;
    config.clientId = m_sandbox->demoClientId();
    config.apiBaseUrl = m_sandbox->baseUrl();
    config.authorizeUrl = m_sandbox->url(QStringLiteral("/oauth2/authorize"));
    return config;
}

TokenSet TestTokenManager::signIn()
{
    const SandboxTokens tokens = SandboxSignIn::signIn(*m_sandbox);
    if (!tokens.isValid()) {
        return {};
    }
    auto parsed =
        TokenSet::fromTokenResponse(QByteArray::fromStdString(tokens.raw.dump()), QDateTime::currentDateTimeUtc());
    return parsed.value_or(TokenSet {});
}

std::unique_ptr<TokenManager> TestTokenManager::makeManager()
{
    auto manager = std::make_unique<TokenManager>(*m_oauth, *m_store);
    manager->setConfig(config());
    return manager;
}

std::optional<TokenSet> TestTokenManager::storedTokens()
{
    std::optional<Expected<QByteArray, SecretError>> read;
    m_store->read(TokenManager::keychainKey(m_sandbox->demoClientId()), nullptr,
        [&read](Expected<QByteArray, SecretError> r) { read = std::move(r); });
    if (!QTest::qWaitFor([&read] { return read.has_value(); }, 10000) || !read->has_value()) {
        return std::nullopt;
    }
    return TokenSet::fromKeychainBlob(read->value());
}

bool TestTokenManager::entryMissing()
{
    std::optional<Expected<QByteArray, SecretError>> read;
    m_store->read(TokenManager::keychainKey(m_sandbox->demoClientId()), nullptr,
        [&read](Expected<QByteArray, SecretError> r) { read = std::move(r); });
    return QTest::qWaitFor([&read] { return read.has_value(); }, 10000) && !read->has_value()
        && read->error().code == SecretError::Code::NotFound;
}

int TestTokenManager::usersMeStatus(const QString &accessToken)
{
    return m_sandbox->http().get(m_sandbox->url(QStringLiteral("/v1/users/me")), {bearer(accessToken)}).status;
}

void TestTokenManager::restore_nothingStored_isSignedOut()
{
    auto manager = makeManager();
    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    manager->restore();
    Answers answers;
    QObject context;
    manager->withAccessToken(&context, answers.callback()); // waits for the keychain read
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 10000);
    QVERIFY(!answers.results.at(0).has_value());
    QCOMPARE(answers.results.at(0).error().code, AuthError::Code::NotSignedIn);
    QCOMPARE(manager->state(), AuthState::SignedOut);
    QCOMPARE(notices.size(), 0);
}

void TestTokenManager::adoptTokens_storesEntryAndConnects()
{
    const TokenSet tokens = signIn();
    QVERIFY(tokens.hasAccessToken() && tokens.hasRefreshToken());

    auto manager = makeManager();
    QSignalSpy states(manager.get(), &TokenManager::stateChanged);
    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    manager->beginSignIn();
    QCOMPARE(manager->state(), AuthState::SigningIn);
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);
    QCOMPARE(notices.size(), 0);
    QCOMPARE(states.last().at(0).value<AuthState>(), AuthState::Connected);
    QVERIFY(manager->isConnected());
    QCOMPARE(manager->grantedScopes(), tokens.scopes);
    QVERIFY(manager->nextRefresh().isValid());

    const auto stored = storedTokens();
    QVERIFY(stored.has_value());
    QCOMPARE(stored->refreshToken, tokens.refreshToken);
    QCOMPARE(stored->accessToken, tokens.accessToken);

    Answers answers;
    manager->withAccessToken(nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
    QVERIFY(answers.results.at(0).has_value());
    QCOMPARE(answers.results.at(0).value(), tokens.accessToken);
    QCOMPARE(usersMeStatus(answers.results.at(0).value()), 200);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 0);
}

void TestTokenManager::restore_storedTokens_connectsWithoutRefresh()
{
    const TokenSet tokens = signIn();
    {
        auto first = makeManager();
        first->adoptTokens(tokens);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), AuthState::Connected, 10000);
    }

    auto second = makeManager(); // as after a restart
    QCOMPARE(second->state(), AuthState::SignedOut);
    second->restore();
    QTRY_COMPARE_WITH_TIMEOUT(second->state(), AuthState::Connected, 10000);
    QCOMPARE(second->connectedSince(), tokens.connectedSince);
    QCOMPARE(second->accessExpiresAt(), tokens.accessExpiresAt);
    // The token is the sign-in's own: not renewed yet.
    QVERIFY(!second->lastRefresh().isValid());

    Answers answers;
    second->withAccessToken(nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
    QVERIFY(answers.results.at(0).has_value());
    QCOMPARE(answers.results.at(0).value(), tokens.accessToken);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 0);

    // A token an earlier run renewed (it arrived an hour after the sign-in): the status view says when.
    TokenSet renewed = tokens;
    renewed.connectedSince = tokens.obtainedAt.addSecs(-3600);
    {
        auto first = makeManager();
        first->adoptTokens(renewed);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), AuthState::Connected, 10000);
    }
    auto third = makeManager();
    third->restore();
    QTRY_COMPARE_WITH_TIMEOUT(third->state(), AuthState::Connected, 10000);
    QCOMPARE(third->lastRefresh(), renewed.obtainedAt);
}

void TestTokenManager::restore_corruptEntry_isSignedOut()
{
    std::optional<Expected<void, SecretError>> written;
    m_store->write(TokenManager::keychainKey(m_sandbox->demoClientId()), "{not a token blob", nullptr,
        [&written](Expected<void, SecretError> r) { written = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
    QVERIFY(written->has_value());

    auto manager = makeManager();
    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    manager->restore();
    Answers answers;
    manager->withAccessToken(nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 10000);
    QCOMPARE(answers.results.at(0).error().code, AuthError::Code::NotSignedIn);
    QCOMPARE(manager->state(), AuthState::SignedOut);
    QCOMPARE(notices.size(), 0);
}

void TestTokenManager::withAccessToken_hundredCallersAfterExpiry_oneRefreshAndRotation()
{
    // Access tokens that really expire, on the server too.
    QVERIFY2(startSandbox({QStringLiteral("--access-ttl"), QStringLiteral("2")}), qPrintable(m_sandbox->errorString()));
    const TokenSet old = signIn();
    QVERIFY(old.hasRefreshToken());
    {
        auto first = makeManager();
        first->adoptTokens(old);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), AuthState::Connected, 10000);
    } // gone before its refresh timer fires
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentDateTimeUtc() > old.accessExpiresAt.addMSecs(300), 5000);
    QCOMPARE(usersMeStatus(old.accessToken), 401);
    QVERIFY(m_sandbox->resetStats());

    // A restart with an expired access token, and 100 callers before the keychain has even answered.
    auto manager = makeManager();
    QSignalSpy states(manager.get(), &TokenManager::stateChanged);
    manager->restore();
    Answers answers;
    QObject context;
    for (int i = 0; i < 100; ++i) {
        manager->withAccessToken(&context, answers.callback());
    }
    QCOMPARE(answers.results.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 100, 15000);
    // Checked at once: the new 2 s token is refreshed again by the timer a second later.
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 1);
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 1);

    QSet<QString> tokens;
    for (const TokenResult &result : std::as_const(answers.results)) {
        QVERIFY2(result.has_value(), qPrintable(result.has_value() ? QString() : result.error().detail));
        tokens.insert(result.value());
    }
    QCOMPARE(tokens.size(), 1);
    const QString fresh = *tokens.begin();
    QVERIFY(fresh != old.accessToken);
    QCOMPARE(usersMeStatus(fresh), 200);
    QVERIFY(states.contains(QVariantList {QVariant::fromValue(AuthState::Refreshing)}));

    // Rotation: the keychain now holds the new refresh token, and the old one is dead.
    std::optional<TokenSet> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = storedTokens()) && stored->refreshToken != old.refreshToken, 10000);
    QVERIFY(stored->hasRefreshToken());
    QCOMPARE(stored->connectedSince, old.connectedSince);
    SandboxSignIn pages(*m_sandbox);
    const TestHttpResponse reuse = pages.refresh(old.refreshToken, m_sandbox->demoClientId());
    QCOMPARE(reuse.status, 400);
    QCOMPARE(jsonText(reuse.json(), "error"), QStringLiteral("invalid_grant"));
}

void TestTokenManager::reportUnauthorized_hundredCallers_refreshOnce()
{
    const TokenSet old = signIn();
    auto manager = makeManager();
    manager->adoptTokens(old);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);

    // The server says the token has expired although the app's clock disagrees.
    QVERIFY(m_sandbox->advanceClock(3700));
    QCOMPARE(usersMeStatus(old.accessToken), 401);
    QVERIFY(m_sandbox->resetStats());

    Answers answers;
    QObject context;
    for (int i = 0; i < 100; ++i) {
        manager->reportUnauthorized(old.accessToken, &context, answers.callback());
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 100, 15000);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 1);
    QSet<QString> tokens;
    for (const TokenResult &result : std::as_const(answers.results)) {
        QVERIFY(result.has_value());
        tokens.insert(result.value());
    }
    QCOMPARE(tokens.size(), 1);
    QVERIFY(*tokens.begin() != old.accessToken);
    QCOMPARE(usersMeStatus(*tokens.begin()), 200);
    QCOMPARE(manager->state(), AuthState::Connected);
    QVERIFY(manager->lastRefresh().isValid());

    // A late 401 for the old token does not refresh again: another caller already did.
    Answers late;
    manager->reportUnauthorized(old.accessToken, nullptr, late.callback());
    QTRY_COMPARE_WITH_TIMEOUT(late.results.size(), 1, 5000);
    QCOMPARE(late.results.at(0).value(), *tokens.begin());
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 1);

    std::optional<TokenSet> stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = storedTokens()) && stored->refreshToken != old.refreshToken, 10000);
    SandboxSignIn pages(*m_sandbox);
    QCOMPARE(pages.refresh(old.refreshToken, m_sandbox->demoClientId()).status, 400);
}

void TestTokenManager::reportUnauthorized_staleToken_noRefresh()
{
    const TokenSet tokens = signIn();
    auto manager = makeManager();
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);

    Answers answers;
    manager->reportUnauthorized(QStringLiteral("some-older-token"), nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
    QCOMPARE(answers.results.at(0).value(), tokens.accessToken);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 0);
}

void TestTokenManager::refresh_tokenRevoked_signsOutAndFailsEveryCaller()
{
    const TokenSet tokens = signIn();
    auto manager = makeManager();
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);
    QVERIFY(storedTokens().has_value());

    QVERIFY(m_sandbox->revokeTokens(m_sandbox->demoUser()));
    QCOMPARE(usersMeStatus(tokens.accessToken), 401);

    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    Answers answers;
    QObject context;
    for (int i = 0; i < 10; ++i) {
        manager->reportUnauthorized(tokens.accessToken, &context, answers.callback());
    }
    for (int i = 0; i < 10; ++i) {
        manager->withAccessToken(&context, answers.callback());
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 20, 15000);
    for (const TokenResult &result : std::as_const(answers.results)) {
        QVERIFY(!result.has_value());
        QCOMPARE(result.error().code, AuthError::Code::InvalidGrant);
    }
    QCOMPARE(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")), 2); // sign-in + one refresh
    QCOMPARE(manager->state(), AuthState::SignedOut);
    QCOMPARE(notices.size(), 1);
    QCOMPARE(notices.at(0).at(0).value<AuthError>().code, AuthError::Code::InvalidGrant);
    QCOMPARE(manager->lastError()->code, AuthError::Code::InvalidGrant);
    QVERIFY(!manager->isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(entryMissing(), 10000);

    Answers after;
    manager->withAccessToken(nullptr, after.callback());
    QTRY_COMPARE_WITH_TIMEOUT(after.results.size(), 1, 5000);
    QCOMPARE(after.results.at(0).error().code, AuthError::Code::NotSignedIn);
}

void TestTokenManager::refresh_transientFailure_keepsTokensThenRecovers()
{
    const TokenSet tokens = signIn();
    auto manager = makeManager();
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);

    QVERIFY(m_sandbox->addFault(
        QStringLiteral("/v1/oauth2/token"), QStringLiteral("error"), 20, 503, QStringLiteral("POST")));
    QSignalSpy states(manager.get(), &TokenManager::stateChanged);
    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    Answers answers;
    manager->reportUnauthorized(tokens.accessToken, nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 15000);
    QVERIFY(!answers.results.at(0).has_value());
    QVERIFY(answers.results.at(0).error().isTransient());
    QVERIFY(m_sandbox->requestCount(QStringLiteral("POST /v1/oauth2/token")) >= 2); // sign-in + the refresh

    // Still signed in, tokens kept in memory and in the keychain, a retry scheduled; no dialog for a blip.
    QCOMPARE(manager->state(), AuthState::Connected);
    QVERIFY(!states.contains(QVariantList {QVariant::fromValue(AuthState::SignedOut)}));
    QCOMPARE(notices.size(), 0);
    QVERIFY(manager->lastError().has_value());
    QVERIFY(manager->nextRefresh().isValid());
    QVERIFY(manager->nextRefresh() > QDateTime::currentDateTimeUtc().addSecs(20));
    const auto stored = storedTokens();
    QVERIFY(stored.has_value());
    QCOMPARE(stored->refreshToken, tokens.refreshToken);

    // Aries is back: the next caller gets a fresh token (the rejected one is not handed out again).
    QVERIFY(m_sandbox->clearFaults());
    Answers later;
    manager->withAccessToken(nullptr, later.callback());
    QTRY_COMPARE_WITH_TIMEOUT(later.results.size(), 1, 15000);
    QVERIFY(later.results.at(0).has_value());
    QVERIFY(later.results.at(0).value() != tokens.accessToken);
    QCOMPARE(usersMeStatus(later.results.at(0).value()), 200);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("refresh_token")), 1);
    QVERIFY(!manager->lastError().has_value());
}

void TestTokenManager::signOut_removesEntry_laterCallersNotSignedIn()
{
    const TokenSet tokens = signIn();
    auto manager = makeManager();
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);
    QVERIFY(storedTokens().has_value());

    std::optional<Expected<void, SecretError>> done;
    QObject context;
    manager->signOut(&context, [&done](Expected<void, SecretError> r) { done = std::move(r); });
    QCOMPARE(manager->state(), AuthState::SignedOut);
    QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 10000);
    QVERIFY(done->has_value());
    QVERIFY(entryMissing());
    QVERIFY(!manager->accessExpiresAt().isValid());
    QVERIFY(manager->grantedScopes().isEmpty());

    Answers answers;
    manager->withAccessToken(nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
    QCOMPARE(answers.results.at(0).error().code, AuthError::Code::NotSignedIn);

    // And after a restart too.
    auto next = makeManager();
    next->restore();
    Answers restarted;
    next->withAccessToken(nullptr, restarted.callback());
    QTRY_COMPARE_WITH_TIMEOUT(restarted.results.size(), 1, 10000);
    QCOMPARE(restarted.results.at(0).error().code, AuthError::Code::NotSignedIn);
}

void TestTokenManager::setConfig_otherClient_forgetsTokens()
{
    const TokenSet tokens = signIn();
    auto manager = makeManager();
    manager->adoptTokens(tokens);
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);

    OAuthConfig other = config();
    other.clientId = QStringLiteral("another-client");
    manager->setConfig(other);
    QCOMPARE(manager->state(), AuthState::SignedOut);
    Answers answers;
    manager->withAccessToken(nullptr, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 5000);
    QCOMPARE(answers.results.at(0).error().code, AuthError::Code::NotSignedIn);

    // The first client's entry is untouched; switching back and restoring finds it.
    manager->setConfig(config());
    manager->restore();
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 10000);
}

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

/**
 * Unlocks the login keyring the way a desktop login does: gnome-keyring's unlock-with-password call
 * over a plain Secret Service session, without restarting the daemon (which would drop the sessions
 * every client holds).
 */
bool unlockLoginKeyring(const QByteArray &password)
{
    qDBusRegisterMetaType<DBusSecret>();
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"));
    const QDBusMessage opened = service.call(
        QStringLiteral("OpenSession"), QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2) {
        qWarning() << "OpenSession failed:" << opened.errorMessage();
        return false;
    }
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();
    QDBusInterface internal(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"));
    const QDBusMessage unlocked = internal.call(QStringLiteral("UnlockWithMasterPassword"),
        QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))),
        QVariant::fromValue(DBusSecret {session, {}, password, QStringLiteral("text/plain")}));
    if (unlocked.type() != QDBusMessage::ReplyMessage) {
        qWarning() << "UnlockWithMasterPassword failed:" << unlocked.errorMessage();
        return false;
    }
    return true;
}

/** Runs a program to its end; true when it exits 0. */
bool run(const QString &program, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(5000)) {
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    return process.waitForFinished(15000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

void TestTokenManager::restore_keyringLocked_thenUnlockedAndRetried_reconnectsWithoutSignIn()
{
    const TokenSet tokens = signIn();
    QVERIFY(tokens.hasAccessToken());
    {
        auto first = makeManager();
        first->adoptTokens(tokens);
        QTRY_COMPARE_WITH_TIMEOUT(first->state(), AuthState::Connected, 10000);
        QVERIFY(storedTokens().has_value());
    }

    // Lock the login keyring through the Secret Service API, as a screen lock or the user would.
    QVERIFY(run(QStringLiteral("dbus-send"),
        {QStringLiteral("--session"), QStringLiteral("--dest=org.freedesktop.secrets"),
            QStringLiteral("--type=method_call"), QStringLiteral("--print-reply"),
            QStringLiteral("/org/freedesktop/secrets"), QStringLiteral("org.freedesktop.Secret.Service.Lock"),
            QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")}));

    auto manager = makeManager();
    QSignalSpy notices(manager.get(), &TokenManager::noticeRaised);
    manager->restore();
    // No display for an unlock prompt here, so the keychain refuses at once (with a display it would time out).
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::SecretsUnavailable, 20000);
    QVERIFY(!notices.isEmpty());
    QCOMPARE(notices.constLast().first().value<AuthError>().code, AuthError::Code::SecretsUnavailable);

    // The user unlocks the keyring and chooses Retry: the session comes back from the keychain, with no
    // new sign-in. (Unlocked here as a desktop login does, with the password tests/run-isolated.sh set.)
    QVERIFY(unlockLoginKeyring(QByteArrayLiteral("ci")));
    manager->retrySecrets();
    QTRY_COMPARE_WITH_TIMEOUT(manager->state(), AuthState::Connected, 20000);
    QCOMPARE(m_sandbox->grantCount(QStringLiteral("authorization_code")), 1);
    Answers answers;
    QObject context;
    manager->withAccessToken(&context, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.results.size(), 1, 10000);
    QVERIFY(answers.results.at(0).has_value());
    QCOMPARE(*answers.results.at(0), tokens.accessToken);
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "TestTokenManager.moc"
