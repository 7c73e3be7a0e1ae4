// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "mcp/LocalKey.h"
#include "secrets/KeychainSecretStore.h"

#include <QDBusConnection>
#include <QTest>

#include <optional>

using namespace Companion;
using namespace Companion::Mcp;

/**
 * The HTTP endpoint's local key, in the real keychain: a private gnome-keyring when the test runs with a
 * session bus (ctest runs it that way), and no keychain at all when it runs without one (TestLocalKeyNoKeychain).
 */
class TestLocalKey final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getOrCreate_createsOnceThenReusesFromTheKeychain();
    void getOrCreate_noKeychain_givesNoKey();
    void generate_isRandomBase64Url();

private:
    static std::optional<Expected<QByteArray, QString>> fetch(LocalKey &key)
    {
        std::optional<Expected<QByteArray, QString>> result;
        QObject context;
        key.getOrCreate(&context, [&result](Expected<QByteArray, QString> r) { result = std::move(r); });
        [[maybe_unused]] const bool done = QTest::qWaitFor([&result] { return result.has_value(); }, 20000);
        return result;
    }
};

void TestLocalKey::getOrCreate_createsOnceThenReusesFromTheKeychain()
{
    if (!QDBusConnection::sessionBus().isConnected()) {
        QSKIP("runs in the keyring variant of this test (with a private session bus)");
    }
    Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
    std::optional<QByteArray> first;
    {
        LocalKey key(store);
        const auto result = fetch(key);
        QVERIFY(result && result->has_value());
        QCOMPARE((*result)->size(), 43); // 32 bytes in unpadded base64url
        first = **result;
    }
    // A new start finds the same key in the keychain: clients configured with it keep working.
    LocalKey again(store);
    const auto second = fetch(again);
    QVERIFY(second && second->has_value());
    QCOMPARE(**second, *first);

    std::optional<Expected<QByteArray, Secrets::SecretError>> stored;
    QObject context;
    store.read(QStringLiteral("mcp/local-key"), &context,
        [&stored](Expected<QByteArray, Secrets::SecretError> r) { stored = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 20000);
    QVERIFY(stored->has_value());
    QCOMPARE(**stored, *first);
}

void TestLocalKey::getOrCreate_noKeychain_givesNoKey()
{
    if (QDBusConnection::sessionBus().isConnected()) {
        QSKIP("runs in the no-keychain variant of this test (without a session bus)");
    }
    Secrets::KeychainSecretStore store(QString::fromLatin1(AppInfo::kAppId));
    LocalKey key(store);
    const auto result = fetch(key);
    QVERIFY(result && !result->has_value());
    QVERIFY(!result->error().isEmpty()); // the operating system's reason, for the log and the status view
}

void TestLocalKey::generate_isRandomBase64Url()
{
    const QByteArray a = LocalKey::generate();
    QVERIFY(a != LocalKey::generate());
    QCOMPARE(a.size(), 43);
    for (const char c : a) {
        QVERIFY((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }
}

QTEST_GUILESS_MAIN(TestLocalKey)
#include "TestLocalKey.moc"
