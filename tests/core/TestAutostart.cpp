// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform/Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using Companion::Platform::Autostart;

/**
 * Start at login on Linux: the XDG autostart entry in this test's own XDG_CONFIG_HOME (run-isolated.sh),
 * written, read back, checked with desktop-file-validate when it is installed, and removed.
 */
class TestAutostart final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void offByDefault();
    void enable_writesValidEntry_disable_removesIt();
    void programPathWithSpacesAndSymbols_isQuoted_data();
    void programPathWithSpacesAndSymbols_isQuoted();
    void entrySwitchedOffByTheDesktop_countsAsOff();
    void unwritableFolder_isReportedAndLeavesItOff();

private:
    static QString entryPath();
    static QByteArray entry();
    static QByteArray value(const QByteArray &content, const QByteArray &key);
    static void validate(const QString &path);
};

void TestAutostart::initTestCase()
{
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
    QVERIFY(!qEnvironmentVariableIsEmpty("XDG_CONFIG_HOME"));
}

void TestAutostart::cleanup()
{
    const QString folder = QFileInfo(entryPath()).absolutePath();
    if (QFileInfo(folder).isFile()) {
        QFile::remove(folder);
    }
    QFile::remove(entryPath());
}

QString TestAutostart::entryPath()
{
    return qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/autostart/aries-companion.desktop");
}

QByteArray TestAutostart::entry()
{
    QFile file(entryPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray TestAutostart::value(const QByteArray &content, const QByteArray &key)
{
    for (const QByteArray &line : content.split('\n')) {
        if (line.startsWith(QByteArray(key + '='))) {
            return line.mid(key.size() + 1);
        }
    }
    return {};
}

void TestAutostart::validate(const QString &path)
{
    const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (validator.isEmpty()) {
        qInfo("desktop-file-validate is not installed; the entry's syntax is checked by the comparisons only");
        return;
    }
    QProcess process;
    process.start(validator, {path});
    QVERIFY(process.waitForFinished(30'000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitCode() == 0, output.constData());
    // Errors fail the run above; warnings would mean the entry is not as the specification wants it either.
    QVERIFY2(!output.contains("warning") && !output.contains("error"), output.constData());
}

void TestAutostart::offByDefault()
{
    const Autostart autostart;
    QVERIFY(!autostart.isEnabled());
    QCOMPARE(autostart.location(), entryPath());
    QVERIFY(!QFileInfo::exists(entryPath()));
}

void TestAutostart::enable_writesValidEntry_disable_removesIt()
{
    Autostart autostart(QStringLiteral("/opt/aries/bin/aries-companion"));
    const auto on = autostart.setEnabled(true);
    QVERIFY2(on, qPrintable(on ? QString() : on.error()));
    QVERIFY(autostart.isEnabled());

    const QByteArray content = entry();
    QVERIFY(content.startsWith("[Desktop Entry]\n"));
    QCOMPARE(value(content, "Type"), QByteArray("Application"));
    QCOMPARE(value(content, "Name"), QByteArray("Aries Companion"));
    // The absolute program, started without popping up the window of a copy already running.
    QCOMPARE(value(content, "Exec"), QByteArray("/opt/aries/bin/aries-companion --background"));
    QCOMPARE(value(content, "TryExec"), QByteArray("/opt/aries/bin/aries-companion"));
    QCOMPARE(value(content, "Terminal"), QByteArray("false"));
    // Nothing secret: only the keys listed here.
    for (const QByteArray &line : content.split('\n')) {
        if (line.isEmpty() || line.startsWith('[')) {
            continue;
        }
        const QByteArray key = line.left(line.indexOf('='));
        QVERIFY2(QByteArrayList({"Type", "Version", "Name", "Comment", "Exec", "TryExec", "Icon", "Terminal",
                                    "X-GNOME-Autostart-enabled"})
                     .contains(key),
            line.constData());
    }
    // Written atomically: no temporary file is left beside it.
    QCOMPARE(QDir(QFileInfo(entryPath()).absolutePath()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("aries-companion.desktop")});
    validate(entryPath());

    // Writing again (the app moved) replaces the entry.
    Autostart moved(QStringLiteral("/usr/bin/aries-companion"));
    QVERIFY(moved.setEnabled(true));
    QCOMPARE(value(entry(), "Exec"), QByteArray("/usr/bin/aries-companion --background"));

    QVERIFY(autostart.setEnabled(false));
    QVERIFY(!autostart.isEnabled());
    QVERIFY(!QFileInfo::exists(entryPath()));
    // Turning off what is off is no error.
    QVERIFY(autostart.setEnabled(false));
}

void TestAutostart::programPathWithSpacesAndSymbols_isQuoted_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QByteArray>("exec");
    QTest::newRow("space") << QStringLiteral("/home/a b/Aries Companion/aries-companion")
                           << QByteArray(R"("/home/a b/Aries Companion/aries-companion" --background)");
    // In the file a backslash is itself escaped, so "\$" inside quotes is written "\\$".
    QTest::newRow("dollar and quote") << QStringLiteral("/home/x/$HOME \"q\"/aries-companion")
                                      << QByteArray(R"("/home/x/\\$HOME \\"q\\"/aries-companion" --background)");
    QTest::newRow("percent") << QStringLiteral("/home/x/100%/aries-companion")
                             << QByteArray("/home/x/100%%/aries-companion --background");
}

void TestAutostart::programPathWithSpacesAndSymbols_isQuoted()
{
    QFETCH(QString, program);
    QFETCH(QByteArray, exec);
    Autostart autostart(program);
    QVERIFY(autostart.setEnabled(true));
    QCOMPARE(value(entry(), "Exec"), exec);
    validate(entryPath());
}

void TestAutostart::entrySwitchedOffByTheDesktop_countsAsOff()
{
    Autostart autostart(QStringLiteral("/usr/bin/aries-companion"));
    QVERIFY(autostart.setEnabled(true));
    for (const QByteArray &off : {QByteArray("Hidden=true"), QByteArray("X-GNOME-Autostart-enabled=false")}) {
        QByteArray content = entry();
        content.replace("X-GNOME-Autostart-enabled=true\n", QByteArray());
        content.append(off).append('\n');
        QFile file(entryPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        QVERIFY2(!autostart.isEnabled(), off.constData());
    }
    // Turning it on again writes a fresh entry that is on.
    QVERIFY(autostart.setEnabled(true));
    QVERIFY(autostart.isEnabled());
}

void TestAutostart::unwritableFolder_isReportedAndLeavesItOff()
{
    // A file where the folder should be: fails for any user, root included.
    const QString folder = QFileInfo(entryPath()).absolutePath();
    QDir(folder).removeRecursively();
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    Autostart autostart(QStringLiteral("/usr/bin/aries-companion"));
    const auto on = autostart.setEnabled(true);
    QVERIFY(!on);
    QVERIFY2(on.error().contains(folder), qPrintable(on.error()));
    QVERIFY(!autostart.isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "TestAutostart.moc"
