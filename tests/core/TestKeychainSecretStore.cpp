// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// KeychainSecretStore against the real Secret Service: run by CTest inside a private D-Bus session with an
// unlocked gnome-keyring (tests/run-isolated.sh keyring).
#include "secrets/KeychainSecretStore.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <qt6keychain/keychain.h>

#include <memory>
#include <optional>

using namespace Companion;
using namespace Companion::Secrets;
using namespace std::chrono_literals;

namespace {

const QString kService = QStringLiteral("com.aries.companion.tests.store");

using ReadResult = Expected<QByteArray, SecretError>;
using WriteResult = Expected<void, SecretError>;

std::optional<ReadResult> readNow(SecretStore &store, const QString &key)
{
    std::optional<ReadResult> out;
    QObject context;
    store.read(key, &context, [&out](ReadResult result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, 10000);
    return out;
}

std::optional<WriteResult> writeNow(SecretStore &store, const QString &key, const QByteArray &secret)
{
    std::optional<WriteResult> out;
    QObject context;
    store.write(key, secret, &context, [&out](WriteResult result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, 10000);
    return out;
}

std::optional<WriteResult> removeNow(SecretStore &store, const QString &key)
{
    std::optional<WriteResult> out;
    QObject context;
    store.remove(key, &context, [&out](WriteResult result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, 10000);
    return out;
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes) {
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    return bytes;
}

/** What secret-tool, a separate Secret Service client, finds for our service: its stdout and stderr. */
QString secretToolSearch(const QString &service)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("secret-tool"),
        {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"), service});
    if (!process.waitForFinished(10000)) {
        return QStringLiteral("secret-tool did not finish");
    }
    return QString::fromUtf8(process.readAll());
}

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void write_thenRead_returnsSameBinaryData_data();
    void write_thenRead_returnsSameBinaryData();
    void write_twice_overwrites();
    void write_isInSecretServiceUnderServiceAndKey();
    void write_secretNotInAnyPlainFileUnderHome();
    void read_missingKey_isNotFound();
    void remove_missingKey_succeeds();
    void remove_thenRead_isNotFound();
    void read_contextDestroyed_callbackDropped();
    void read_withoutContext_callbackCalledOnce();
    void manyJobs_eachCallbackOnceInOrder();

private:
    std::unique_ptr<KeychainSecretStore> m_store;
};

void TestKeychainSecretStore::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
        "run through CTest: needs the private D-Bus session of tests/run-isolated.sh keyring");
}

void TestKeychainSecretStore::init()
{
    m_store = std::make_unique<KeychainSecretStore>(kService, 10s);
}

void TestKeychainSecretStore::write_thenRead_returnsSameBinaryData_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("text") << QByteArray("refresh-token-value");
    QTest::newRow("nul and high bytes") << QByteArray("\x00\x01\xff\xfe{\"a\":1}\x00", 12);
    QTest::newRow("utf-8") << QStringLiteral("Grüße ✓ 東京").toUtf8();
    QTest::newRow("8 KiB random") << randomBytes(8192);
}

void TestKeychainSecretStore::write_thenRead_returnsSameBinaryData()
{
    QFETCH(QByteArray, secret);
    const QString key = QStringLiteral("tokens/round-trip");
    const auto written = writeNow(*m_store, key, secret);
    QVERIFY(written.has_value());
    QVERIFY2(written->has_value(), qPrintable(written->error().message));

    const auto read = readNow(*m_store, key);
    QVERIFY(read.has_value());
    QVERIFY2(read->has_value(), qPrintable(read->error().message));
    QCOMPARE(read->value(), secret);
}

void TestKeychainSecretStore::write_twice_overwrites()
{
    const QString key = QStringLiteral("tokens/overwrite");
    QVERIFY(writeNow(*m_store, key, "first")->has_value());
    QVERIFY(writeNow(*m_store, key, "second")->has_value());
    const auto read = readNow(*m_store, key);
    QVERIFY(read.has_value() && read->has_value());
    QCOMPARE(read->value(), QByteArray("second"));

    // One entry, not two.
    const QString found = secretToolSearch(kService);
    QCOMPARE(found.count(QStringLiteral("attribute.user = tokens/overwrite")), 1);
}

void TestKeychainSecretStore::write_isInSecretServiceUnderServiceAndKey()
{
    const QString key = QStringLiteral("tokens/visible");
    const QByteArray secret = randomBytes(64);
    QVERIFY(writeNow(*m_store, key, secret)->has_value());

    // Another Secret Service client sees it, stored as binary (base64) under our service and key.
    const QString found = secretToolSearch(kService);
    QVERIFY2(found.contains(QStringLiteral("attribute.user = ") + key), qPrintable(found));
    QVERIFY2(found.contains(QStringLiteral("attribute.server = ") + kService), qPrintable(found));
    QVERIFY2(found.contains(QStringLiteral("attribute.type = base64")), qPrintable(found));
    QVERIFY2(found.contains(QStringLiteral("secret = ") + QString::fromLatin1(secret.toBase64())), qPrintable(found));

    // And QtKeychain itself, through a job of its own.
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(key);
    QByteArray direct;
    QKeychain::Error error = QKeychain::OtherError;
    bool finished = false;
    connect(job, &QKeychain::Job::finished, this, [&](QKeychain::Job *done) {
        error = done->error();
        direct = static_cast<QKeychain::ReadPasswordJob *>(done)->binaryData();
        finished = true;
    });
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 10000);
    QCOMPARE(error, QKeychain::NoError);
    QCOMPARE(direct, secret);
}

void TestKeychainSecretStore::write_secretNotInAnyPlainFileUnderHome()
{
    // A marker long enough that it cannot appear by chance; neither it nor its base64 may be in a file.
    const QByteArray secret = "marker-" + randomBytes(24).toHex();
    QVERIFY(writeNow(*m_store, QStringLiteral("tokens/not-in-files"), secret)->has_value());
    QVERIFY(readNow(*m_store, QStringLiteral("tokens/not-in-files"))->has_value());

    int files = 0;
    QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        ++files;
        const QByteArray content = file.readAll();
        QVERIFY2(!content.contains(secret), qPrintable(path));
        QVERIFY2(!content.contains(secret.toBase64()), qPrintable(path));
    }
    // The keyring file itself is there (encrypted), so the scan looked at something.
    QVERIFY(files > 0);
}

void TestKeychainSecretStore::read_missingKey_isNotFound()
{
    const auto read = readNow(*m_store, QStringLiteral("tokens/never-written"));
    QVERIFY(read.has_value());
    QVERIFY(!read->has_value());
    QCOMPARE(read->error().code, SecretError::Code::NotFound);
}

void TestKeychainSecretStore::remove_missingKey_succeeds()
{
    const auto removed = removeNow(*m_store, QStringLiteral("tokens/never-written"));
    QVERIFY(removed.has_value());
    QVERIFY2(removed->has_value(), qPrintable(removed->error().message));
}

void TestKeychainSecretStore::remove_thenRead_isNotFound()
{
    const QString key = QStringLiteral("tokens/remove");
    QVERIFY(writeNow(*m_store, key, "bye")->has_value());
    const auto removed = removeNow(*m_store, key);
    QVERIFY(removed.has_value());
    QVERIFY2(removed->has_value(), qPrintable(removed->error().message));

    const auto read = readNow(*m_store, key);
    QVERIFY(read.has_value());
    QVERIFY(!read->has_value());
    QCOMPARE(read->error().code, SecretError::Code::NotFound);
    QVERIFY(!secretToolSearch(kService).contains(QStringLiteral("attribute.user = ") + key));
}

void TestKeychainSecretStore::read_contextDestroyed_callbackDropped()
{
    const QString key = QStringLiteral("tokens/context");
    QVERIFY(writeNow(*m_store, key, "x")->has_value());

    int calls = 0;
    auto context = std::make_unique<QObject>();
    m_store->read(key, context.get(), [&calls](ReadResult) { ++calls; });
    context.reset();
    // A later job finishing proves the first one finished too (QtKeychain runs them in order).
    QVERIFY(readNow(*m_store, key).has_value());
    QCOMPARE(calls, 0);
}

void TestKeychainSecretStore::read_withoutContext_callbackCalledOnce()
{
    const QString key = QStringLiteral("tokens/no-context");
    QVERIFY(writeNow(*m_store, key, "y")->has_value());
    int calls = 0;
    QByteArray value;
    m_store->read(key, nullptr, [&](ReadResult result) {
        ++calls;
        value = result.value_or(QByteArray());
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, 10000);
    QCOMPARE(value, QByteArray("y"));
    QTest::qWait(200);
    QCOMPARE(calls, 1);
}

void TestKeychainSecretStore::manyJobs_eachCallbackOnceInOrder()
{
    // Writes then reads issued back to back keep their order; every callback runs exactly once.
    const QString key = QStringLiteral("tokens/order");
    QList<QByteArray> seen;
    int writes = 0;
    QObject context;
    for (int i = 0; i < 20; ++i) {
        m_store->write(key, QByteArray::number(i), &context, [&writes](WriteResult result) {
            QVERIFY(result.has_value());
            ++writes;
        });
        m_store->read(key, &context, [&seen](ReadResult result) { seen.append(result.value_or("error")); });
    }
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 20, 20000);
    QCOMPARE(writes, 20);
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(seen.at(i), QByteArray::number(i));
    }
    QTest::qWait(200);
    QCOMPARE(seen.size(), 20);
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
