// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClaudeDesktopConfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

using Companion::Setup::ClaudeDesktopConfig;

namespace {

const QString kBridge = QStringLiteral("/opt/aries-companion/bin/aries-mcp");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

} // namespace

/** Adding Aries Companion to Claude Desktop's configuration file, and taking it out, without harm to the rest. */
class TestClaudeDesktopConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void linuxPath_isUnderXdgConfig();
    void add_toMissingFile_createsIt();
    void add_keepsOtherServersSettingsAndOrder();
    void add_replacesOurOldEntry_andIsIdempotent();
    void add_refusesWhatItCannotUnderstand_data();
    void add_refusesWhatItCannotUnderstand();
    void add_refusesRelativeBridgePath();
    void remove_takesOutOnlyOurs();
    void apply_refusesWhenTheFileChangedMeanwhile();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestClaudeDesktopConfig::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("Claude/claude_desktop_config.json"));
    QFile::remove(m_path);
    QFile::remove(m_path + QStringLiteral(".bak"));
}

void TestClaudeDesktopConfig::linuxPath_isUnderXdgConfig()
{
#if defined(Q_OS_LINUX)
    const QString expected =
        QDir(qEnvironmentVariable("XDG_CONFIG_HOME", QDir::home().filePath(QStringLiteral(".config"))))
            .filePath(QStringLiteral("Claude/claude_desktop_config.json"));
    QCOMPARE(ClaudeDesktopConfig::candidatePaths(), QStringList {expected});
    QCOMPARE(ClaudeDesktopConfig::defaultPath(), expected);
#else
    QSKIP("Linux path only");
#endif
}

void TestClaudeDesktopConfig::add_toMissingFile_createsIt()
{
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error()));
    QVERIFY(plan->before.isEmpty());
    QVERIFY(plan->changes());
    QVERIFY(ClaudeDesktopConfig::apply(*plan));
    const auto written = nlohmann::json::parse(readAll(m_path).toStdString());
    QVERIFY(written["mcpServers"]["aries"]["command"] == kBridge.toStdString());
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak"))); // nothing to back up
}

void TestClaudeDesktopConfig::add_keepsOtherServersSettingsAndOrder()
{
    const QByteArray original = R"({
  "globalShortcut": "Ctrl+Space",
  "mcpServers": {
    "zeta": { "command": "/usr/bin/zeta", "args": ["--x"], "env": { "TOKEN_NAME": "kept" } },
    "alpha": { "command": "npx", "args": ["-y", "alpha"] }
  },
  "preferences": { "theme": "dark" }
}
)";
    writeAll(m_path, original);
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan);
    QCOMPARE(plan->before, original);
    QVERIFY(ClaudeDesktopConfig::apply(*plan));

    const QByteArray after = readAll(m_path);
    const auto config = nlohmann::ordered_json::parse(after.toStdString());
    // Everything that was there is still there, in its place; ours comes last.
    QStringList keys;
    for (const auto &item : config.items()) {
        keys << QString::fromStdString(item.key());
    }
    QCOMPARE(keys,
        QStringList({QStringLiteral("globalShortcut"), QStringLiteral("mcpServers"), QStringLiteral("preferences")}));
    QStringList servers;
    for (const auto &item : config["mcpServers"].items()) {
        servers << QString::fromStdString(item.key());
    }
    QCOMPARE(servers, QStringList({QStringLiteral("zeta"), QStringLiteral("alpha"), QStringLiteral("aries")}));
    const auto before = nlohmann::ordered_json::parse(original.toStdString());
    QVERIFY(config["mcpServers"]["zeta"] == before["mcpServers"]["zeta"]);
    QVERIFY(config["mcpServers"]["alpha"] == before["mcpServers"]["alpha"]);
    QVERIFY(config["preferences"] == before["preferences"]);
    // The original is kept next to it.
    QCOMPARE(readAll(m_path + QStringLiteral(".bak")), original);
}

void TestClaudeDesktopConfig::add_replacesOurOldEntry_andIsIdempotent()
{
    writeAll(m_path,
        R"({"mcpServers":{"aries":{"command":"/old/place/aries-mcp","args":["--stale"]},"b":{"command":"b"}}})");
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan);
    QVERIFY(ClaudeDesktopConfig::apply(*plan));
    const auto config = nlohmann::json::parse(readAll(m_path).toStdString());
    QVERIFY(config["mcpServers"]["aries"]["command"] == kBridge.toStdString());
    QVERIFY(config["mcpServers"]["aries"]["args"].empty());
    QVERIFY(config["mcpServers"]["b"]["command"] == "b");

    // Once there, adding again changes nothing, not even the formatting.
    const auto again = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(again);
    QVERIFY(!again->changes());
}

void TestClaudeDesktopConfig::add_refusesWhatItCannotUnderstand_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{\"mcpServers\": {,}") << QStringLiteral("not valid JSON");
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not a JSON object");
    QTest::newRow("servers not object") << QByteArray("{\"mcpServers\": []}")
                                        << QStringLiteral("\"mcpServers\" is not an object");
}

void TestClaudeDesktopConfig::add_refusesWhatItCannotUnderstand()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    writeAll(m_path, text);
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(!plan);
    QVERIFY2(plan.error().contains(reason), qPrintable(plan.error()));
    QVERIFY(plan.error().contains(QStringLiteral("by hand")) || plan.error().contains(QStringLiteral("Fix the file")));
    QCOMPARE(readAll(m_path), text); // untouched
    QVERIFY(!ClaudeDesktopConfig::planRemove(m_path));
}

void TestClaudeDesktopConfig::add_refusesRelativeBridgePath()
{
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, QStringLiteral("aries-mcp"));
    QVERIFY(!plan);
    QVERIFY(!QFile::exists(m_path));
}

void TestClaudeDesktopConfig::remove_takesOutOnlyOurs()
{
    const QByteArray original = R"({"mcpServers":{"a":{"command":"a"},"aries":{"command":"/x/aries-mcp"}},"z":true})";
    writeAll(m_path, original);
    const auto plan = ClaudeDesktopConfig::planRemove(m_path);
    QVERIFY(plan);
    QVERIFY(plan->changes());
    QVERIFY(ClaudeDesktopConfig::apply(*plan));
    const auto config = nlohmann::json::parse(readAll(m_path).toStdString());
    QVERIFY(!config["mcpServers"].contains("aries"));
    QVERIFY(config["mcpServers"]["a"]["command"] == "a");
    QVERIFY(config["z"] == true);
    QCOMPARE(readAll(m_path + QStringLiteral(".bak")), original);

    // Nothing of ours left: nothing to do.
    const auto again = ClaudeDesktopConfig::planRemove(m_path);
    QVERIFY(again && !again->changes());
}

void TestClaudeDesktopConfig::apply_refusesWhenTheFileChangedMeanwhile()
{
    writeAll(m_path, R"({"mcpServers":{}})");
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan);
    const QByteArray edited = R"({"mcpServers":{"new":{"command":"n"}}})";
    writeAll(m_path, edited);
    const auto applied = ClaudeDesktopConfig::apply(*plan);
    QVERIFY(!applied);
    QVERIFY(applied.error().contains(QStringLiteral("changed")));
    QCOMPARE(readAll(m_path), edited);
}

QTEST_GUILESS_MAIN(TestClaudeDesktopConfig)
#include "TestClaudeDesktopConfig.moc"
