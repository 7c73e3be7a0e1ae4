// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClaudeDesktopConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

/** A sample file of tests/data/claude-desktop. */
QByteArray sample(const QString &name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/claude-desktop/") + name);
    if (path.isEmpty()) {
        qFatal("missing sample %s", qPrintable(name));
    }
    return readAll(path);
}

QStringList keysOf(const nlohmann::ordered_json &object)
{
    QStringList keys;
    for (const auto &item : object.items()) {
        keys << QString::fromStdString(item.key());
    }
    return keys;
}

constexpr auto kReadOnly = QFileDevice::ReadOwner | QFileDevice::ReadUser | QFileDevice::ReadGroup;
constexpr auto kReadOnlyFolder = kReadOnly | QFileDevice::ExeOwner | QFileDevice::ExeUser | QFileDevice::ExeGroup;

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
    void samples_add_changesOnlyOurEntry_data();
    void samples_add_changesOnlyOurEntry();
    void sample_invalid_isNeverRewritten();
    void sample_oldPath_isReportedAndReplaced();
    void writeProblem_none_forAWritableFile();
    void readOnlyFile_isRefusedAndLeftAlone();
    void readOnlyFolder_isRefused();
    void cleanup();

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

void TestClaudeDesktopConfig::cleanup()
{
    // Read-only cases leave modes behind that would stop the next case (and the folder's removal).
    QFile::setPermissions(QFileInfo(m_path).absolutePath(), kReadOnlyFolder | QFileDevice::WriteOwner);
    QFile::setPermissions(m_path, kReadOnly | QFileDevice::WriteOwner);
}

void TestClaudeDesktopConfig::samples_add_changesOnlyOurEntry_data()
{
    QTest::addColumn<QString>("name"); // empty: no file at all
    QTest::addColumn<QStringList>("servers");
    QTest::newRow("missing file") << QString() << QStringList {QStringLiteral("aries")};
    QTest::newRow("empty file") << QStringLiteral("empty.json") << QStringList {QStringLiteral("aries")};
    QTest::newRow("other servers") << QStringLiteral("with-servers.json")
                                   << QStringList {QStringLiteral("filesystem"), QStringLiteral("weather"),
                                          QStringLiteral("aries")};
    QTest::newRow("other top-level keys")
        << QStringLiteral("other-keys.json") << QStringList {QStringLiteral("notes"), QStringLiteral("aries")};
    QTest::newRow("old path") << QStringLiteral("old-path.json")
                              << QStringList {QStringLiteral("aries"), QStringLiteral("weather")};
}

void TestClaudeDesktopConfig::samples_add_changesOnlyOurEntry()
{
    QFETCH(QString, name);
    QFETCH(QStringList, servers);
    const QByteArray original = name.isEmpty() ? QByteArray() : sample(name);
    if (!name.isEmpty()) {
        writeAll(m_path, original);
    }
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error()));
    QCOMPARE(plan->before, original);
    QVERIFY(plan->changes());
    QCOMPARE(plan->entryAfter, QByteArray(R"({"command":"/opt/aries-companion/bin/aries-mcp","args":[]})"));
    QVERIFY(ClaudeDesktopConfig::apply(*plan));
    const QByteArray written = readAll(m_path);
    QCOMPARE(written, plan->after);

    // Everything but our entry is as it was, key for key and in the same order.
    auto after = nlohmann::ordered_json::parse(written.toStdString());
    QCOMPARE(keysOf(after["mcpServers"]), servers);
    QVERIFY(after["mcpServers"]["aries"]["command"] == kBridge.toStdString());
    QVERIFY(after["mcpServers"]["aries"]["args"].empty());
    auto before = original.trimmed().isEmpty() ? nlohmann::ordered_json::object()
                                               : nlohmann::ordered_json::parse(original.toStdString());
    QStringList topKeys = keysOf(before);
    if (!topKeys.contains(QStringLiteral("mcpServers"))) {
        topKeys << QStringLiteral("mcpServers");
    }
    QCOMPARE(keysOf(after), topKeys);
    after["mcpServers"].erase("aries");
    if (before.contains("mcpServers")) {
        before["mcpServers"].erase("aries");
    } else {
        before["mcpServers"] = nlohmann::ordered_json::object();
    }
    QVERIFY2(after == before, written.constData());

    // The original is kept beside it; a file that was empty or missing has nothing worth keeping.
    QCOMPARE(QFile::exists(m_path + QStringLiteral(".bak")), !original.isEmpty());
    if (!original.isEmpty()) {
        QCOMPARE(readAll(m_path + QStringLiteral(".bak")), original);
    }
}

void TestClaudeDesktopConfig::sample_invalid_isNeverRewritten()
{
    const QByteArray original = sample(QStringLiteral("invalid.json"));
    writeAll(m_path, original);
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(!plan);
    QVERIFY2(plan.error().contains(QStringLiteral("not valid JSON")), qPrintable(plan.error()));
    QVERIFY2(plan.error().contains(QDir::toNativeSeparators(m_path)), qPrintable(plan.error()));
    QVERIFY(!ClaudeDesktopConfig::planRemove(m_path));
    QCOMPARE(readAll(m_path), original);
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak")));
}

void TestClaudeDesktopConfig::sample_oldPath_isReportedAndReplaced()
{
    writeAll(m_path, sample(QStringLiteral("old-path.json")));
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan);
    QCOMPARE(plan->commandBefore, QStringLiteral("/opt/aries-companion-0.9/bin/aries-mcp"));
    QVERIFY(plan->entryBefore.contains("--legacy-socket"));
    QVERIFY(plan->changes());
    QVERIFY(ClaudeDesktopConfig::apply(*plan));

    const auto same = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(same && !same->changes());
    QCOMPARE(same->commandBefore, kBridge);
    QCOMPARE(same->entryBefore, same->entryAfter);

    const auto remove = ClaudeDesktopConfig::planRemove(m_path);
    QVERIFY(remove && remove->changes());
    QCOMPARE(remove->commandBefore, kBridge);
    QVERIFY(remove->entryAfter.isEmpty());
    QVERIFY(ClaudeDesktopConfig::apply(*remove));
    const auto config = nlohmann::ordered_json::parse(readAll(m_path).toStdString());
    QCOMPARE(keysOf(config["mcpServers"]), QStringList {QStringLiteral("weather")});
    QVERIFY(config["preferences"]["menuBarEnabled"] == true);
}

void TestClaudeDesktopConfig::writeProblem_none_forAWritableFile()
{
    QVERIFY(!ClaudeDesktopConfig::writeProblem(m_path)); // missing file, folder to be made
    writeAll(m_path, sample(QStringLiteral("with-servers.json")));
    QVERIFY(!ClaudeDesktopConfig::writeProblem(m_path));
}

void TestClaudeDesktopConfig::readOnlyFile_isRefusedAndLeftAlone()
{
    const QByteArray original = sample(QStringLiteral("other-keys.json"));
    writeAll(m_path, original);
    QVERIFY(QFile::setPermissions(m_path, kReadOnly));
    const auto problem = ClaudeDesktopConfig::writeProblem(m_path);
    QVERIFY(problem);
    QVERIFY2(problem->contains(QStringLiteral("read-only")) && problem->contains(QDir::toNativeSeparators(m_path)),
        qPrintable(*problem));

    // Planning only reads, so the user still sees the change; writing is refused with the same reason.
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan && plan->changes());
    const auto applied = ClaudeDesktopConfig::apply(*plan);
    QVERIFY(!applied);
    QCOMPARE(applied.error(), *problem);
    QCOMPARE(readAll(m_path), original);
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak")));
}

void TestClaudeDesktopConfig::readOnlyFolder_isRefused()
{
    const QString folder = QFileInfo(m_path).absolutePath();
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, kReadOnlyFolder));
    const auto problem = ClaudeDesktopConfig::writeProblem(m_path);
    QVERIFY(problem);
    QVERIFY2(problem->contains(QStringLiteral("folder")) && problem->contains(QStringLiteral("read-only")),
        qPrintable(*problem));
    const auto plan = ClaudeDesktopConfig::planAdd(m_path, kBridge);
    QVERIFY(plan);
    QVERIFY(!ClaudeDesktopConfig::apply(*plan));
    QVERIFY(!QFile::exists(m_path));
}

QTEST_GUILESS_MAIN(TestClaudeDesktopConfig)
#include "TestClaudeDesktopConfig.moc"
