// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AssistantSetupDialog.h"
#include "AssistantSnippetsPage.h"
#include "setup/ClientConfig.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <nlohmann/json.hpp>

using Companion::Unexpected;
using Companion::Ui::AssistantSetupDialog;
using Companion::Ui::AssistantSnippetsPage;
namespace ClientConfig = Companion::Setup::ClientConfig;

namespace {

const QByteArray kKey = QByteArrayLiteral("dGVzdC1sb2NhbC1rZXktMzItYnl0ZXMtYmFzZTY0dXJs");
const QUrl kHttpUrl(QStringLiteral("http://127.0.0.1:7465/mcp"));

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray sample(const QString &name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/claude-desktop/") + name);
    if (path.isEmpty()) {
        qFatal("missing sample %s", qPrintable(name));
    }
    return readAll(path);
}

bool writeAll(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestAssistantSetupDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsBridgeFileAndChange();
    void sandbox_isLabelled();
    void apply_mergesAndKeepsBackup_thenSaysSetUp();
    void missingFile_isCreatedAtTheUsualPlace();
    void severalFiles_letTheUserPick();
    void remove_takesOurEntryOut();
    void oldPath_offersUpdate();
    void invalidJson_isRefusedWithSnippet_andLeftByteIdentical();
    void readOnlyFile_showsWhyAndTheSnippet();
    void fileBecameReadOnly_applyFailsClearly();
    void bridgeSnippets_copyTheirText_data();
    void bridgeSnippets_copyTheirText();
    void httpSnippet_showsPlaceholder_copiesRealKey();
    void httpSnippet_keyError_isShown();
    void httpOff_saysHowToTurnItOn();
    void screenshots();

private:
    AssistantSetupDialog::Options options(QStringList paths = {});
    template <typename T> static T *child(QWidget &dialog, const char *name)
    {
        auto *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget) {
            qFatal("no child %s", name);
        }
        return widget;
    }

    QTemporaryDir m_dir;
    QString m_path; ///< The usual place of Claude Desktop's file, in this test's folder
    QString m_bridge; ///< An installed aries-mcp, in this test's folder
    int m_keyRequests = 0;
};

AssistantSetupDialog::Options TestAssistantSetupDialog::options(QStringList paths)
{
    AssistantSetupDialog::Options result;
    result.bridgePath = m_bridge;
    result.claudeConfigPaths = paths.isEmpty() ? QStringList {m_path} : paths;
    result.httpUrl = kHttpUrl;
    // Answers later, as the keychain does.
    result.keyProvider = [this](AssistantSnippetsPage::KeyCallback callback) {
        ++m_keyRequests;
        QTimer::singleShot(10, [callback] { callback(kKey); });
    };
    return result;
}

void TestAssistantSetupDialog::init()
{
    QVERIFY(m_dir.isValid());
    const QString root = m_dir.filePath(QString::number(QDateTime::currentMSecsSinceEpoch()));
    m_path = root + QStringLiteral("/config/Claude/claude_desktop_config.json");
    m_bridge = root + QStringLiteral("/Aries Companion/bin/aries-mcp");
    QVERIFY(writeAll(m_bridge, "#!/bin/sh\n"));
    m_keyRequests = 0;
    QGuiApplication::clipboard()->clear();
}

void TestAssistantSetupDialog::cleanup()
{
    QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestAssistantSetupDialog::showsBridgeFileAndChange()
{
    writeAll(m_path, sample(QStringLiteral("with-servers.json")));
    AssistantSetupDialog dialog(options());
    dialog.show();
    QVERIFY(!dialog.windowTitle().contains(QStringLiteral("Sandbox")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("environmentLabel")));
    QCOMPARE(child<QLabel>(dialog, "bridgePathLabel")->text(), QDir::toNativeSeparators(m_bridge));
    auto *path = child<QComboBox>(dialog, "configPathCombo");
    QCOMPARE(path->count(), 1);
    QVERIFY(!path->isVisible()); // nothing to choose: the path in full instead
    QCOMPARE(child<QLabel>(dialog, "configPathLabel")->text(), QDir::toNativeSeparators(m_path));
    QVERIFY(!child<QLabel>(dialog, "configPathNoteLabel")->isVisible()); // it exists, and only one
    QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("not set up")));
    auto *change = child<QPlainTextEdit>(dialog, "changeView");
    QVERIFY(change->isVisible());
    QVERIFY2(
        change->toPlainText().contains(QStringLiteral("+   \"aries\": ")) && change->toPlainText().contains(m_bridge),
        qPrintable(change->toPlainText()));
    QVERIFY(!change->toPlainText().contains(QStringLiteral("-   ")));
    QVERIFY(child<QLabel>(dialog, "changeNoteLabel")->text().contains(m_path + QStringLiteral(".bak")));
    auto *apply = child<QPushButton>(dialog, "applyButton");
    QVERIFY(apply->isVisible() && apply->isEnabled());
    QCOMPARE(apply->text(), QStringLiteral("Add to Claude Desktop"));
    QVERIFY(!child<QPushButton>(dialog, "removeButton")->isVisible()); // nothing of ours to remove
    QVERIFY(!child<QWidget>(dialog, "manualWidget")->isVisible());
    QVERIFY(!child<QLabel>(dialog, "problemLabel")->isVisible());
}

void TestAssistantSetupDialog::sandbox_isLabelled()
{
    auto opts = options();
    opts.environment = QStringLiteral("Sandbox");
    AssistantSetupDialog dialog(opts);
    dialog.show();
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("Sandbox")));
    auto *label = child<QLabel>(dialog, "environmentLabel");
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QStringLiteral("demo account")));
}

void TestAssistantSetupDialog::apply_mergesAndKeepsBackup_thenSaysSetUp()
{
    const QByteArray original = sample(QStringLiteral("other-keys.json"));
    writeAll(m_path, original);
    AssistantSetupDialog dialog(options());
    QSignalSpy changed(&dialog, &AssistantSetupDialog::claudeDesktopConfigChanged);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "applyButton"), Qt::LeftButton);

    const auto config = nlohmann::ordered_json::parse(readAll(m_path).toStdString());
    QVERIFY(config["mcpServers"]["aries"]["command"] == m_bridge.toStdString());
    QVERIFY(config["mcpServers"]["notes"]["args"][0] == "--stdio");
    QVERIFY(config["globalShortcut"] == "Ctrl+Alt+Space");
    QVERIFY(config["preferences"]["menuBarEnabled"] == true);
    QVERIFY(config["isUsingBuiltInNodeForMcp"] == false);
    QCOMPARE(readAll(m_path + QStringLiteral(".bak")), original);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().first().toString(), m_path);

    auto *result = child<QLabel>(dialog, "resultLabel");
    QVERIFY(result->isVisible());
    QVERIFY2(result->text().contains(QStringLiteral("quit Claude Desktop"))
            && result->text().contains(QStringLiteral("open it again")),
        qPrintable(result->text()));
    // Now it is set up: nothing left to add, and Remove is offered.
    QVERIFY(child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("is set up")));
    QVERIFY(!child<QPushButton>(dialog, "applyButton")->isVisible());
    QVERIFY(!child<QPlainTextEdit>(dialog, "changeView")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "removeButton")->isVisible());

    // Opening the window again finds it set up too.
    AssistantSetupDialog again(options());
    again.show();
    QVERIFY(child<QLabel>(again, "statusLabel")->text().contains(QStringLiteral("is set up")));
    QVERIFY(child<QPushButton>(again, "removeButton")->isVisible());
}

void TestAssistantSetupDialog::missingFile_isCreatedAtTheUsualPlace()
{
    const QString other = QFileInfo(m_path).absolutePath() + QStringLiteral("/../Other/claude_desktop_config.json");
    AssistantSetupDialog dialog(options({m_path, other}));
    dialog.show();
    auto *path = child<QComboBox>(dialog, "configPathCombo");
    QCOMPARE(path->count(), 1);
    QCOMPARE(path->currentData().toString(), m_path);
    auto *note = child<QLabel>(dialog, "configPathNoteLabel");
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("will create it")));
    QTest::mouseClick(child<QPushButton>(dialog, "applyButton"), Qt::LeftButton);
    QVERIFY(QFile::exists(m_path));
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak")));
    QVERIFY(!QFile::exists(other));
    const auto config = nlohmann::json::parse(readAll(m_path).toStdString());
    QVERIFY(config["mcpServers"]["aries"]["command"] == m_bridge.toStdString());
    const QString result = child<QLabel>(dialog, "resultLabel")->text();
    QVERIFY2(!result.contains(QStringLiteral(".bak")), qPrintable(result));
}

void TestAssistantSetupDialog::severalFiles_letTheUserPick()
{
    const QString second = QFileInfo(m_path).absolutePath() + QStringLiteral("/../Store/claude_desktop_config.json");
    const QByteArray firstText = sample(QStringLiteral("with-servers.json"));
    writeAll(m_path, firstText);
    writeAll(second, sample(QStringLiteral("other-keys.json")));
    AssistantSetupDialog dialog(options({m_path, second}));
    dialog.show();
    auto *path = child<QComboBox>(dialog, "configPathCombo");
    QCOMPARE(path->count(), 2);
    QVERIFY(path->isVisible());
    QVERIFY(child<QLabel>(dialog, "configPathNoteLabel")->text().contains(QStringLiteral("more than one place")));
    path->setCurrentIndex(1);
    QTest::mouseClick(child<QPushButton>(dialog, "applyButton"), Qt::LeftButton);
    QVERIFY(nlohmann::json::parse(readAll(second).toStdString())["mcpServers"].contains("aries"));
    QCOMPARE(readAll(m_path), firstText); // the other one is untouched
}

void TestAssistantSetupDialog::remove_takesOurEntryOut()
{
    writeAll(m_path, sample(QStringLiteral("with-servers.json")));
    {
        AssistantSetupDialog setUp(options());
        setUp.show();
        QTest::mouseClick(child<QPushButton>(setUp, "applyButton"), Qt::LeftButton);
    }
    const QByteArray withOurs = readAll(m_path);
    AssistantSetupDialog dialog(options());
    QSignalSpy changed(&dialog, &AssistantSetupDialog::claudeDesktopConfigChanged);
    dialog.show();
    auto *remove = child<QPushButton>(dialog, "removeButton");
    QVERIFY(remove->isVisible() && remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    const auto config = nlohmann::ordered_json::parse(readAll(m_path).toStdString());
    QVERIFY(!config["mcpServers"].contains("aries"));
    QVERIFY(config["mcpServers"].contains("filesystem") && config["mcpServers"].contains("weather"));
    QCOMPARE(readAll(m_path + QStringLiteral(".bak")), withOurs);
    QCOMPARE(changed.count(), 1);
    QVERIFY(child<QLabel>(dialog, "resultLabel")->text().contains(QStringLiteral("Removed")));
    QVERIFY(!remove->isVisible());
    QVERIFY(child<QPushButton>(dialog, "applyButton")->isVisible());
}

void TestAssistantSetupDialog::oldPath_offersUpdate()
{
    writeAll(m_path, sample(QStringLiteral("old-path.json")));
    AssistantSetupDialog dialog(options());
    dialog.show();
    QVERIFY2(
        child<QLabel>(dialog, "statusLabel")->text().contains(QStringLiteral("/opt/aries-companion-0.9/bin/aries-mcp")),
        qPrintable(child<QLabel>(dialog, "statusLabel")->text()));
    const QString change = child<QPlainTextEdit>(dialog, "changeView")->toPlainText();
    QVERIFY2(change.contains(QStringLiteral("-   \"aries\": {\"command\":\"/opt/aries-companion-0.9/bin/aries-mcp\""))
            && change.contains(QStringLiteral("+   \"aries\": ")) && change.contains(m_bridge),
        qPrintable(change));
    auto *apply = child<QPushButton>(dialog, "applyButton");
    QCOMPARE(apply->text(), QStringLiteral("Update"));
    QVERIFY(child<QPushButton>(dialog, "removeButton")->isVisible());
    QTest::mouseClick(apply, Qt::LeftButton);
    const auto config = nlohmann::json::parse(readAll(m_path).toStdString());
    QVERIFY(config["mcpServers"]["aries"]["command"] == m_bridge.toStdString());
    QVERIFY(config["mcpServers"]["aries"]["args"].empty());
}

void TestAssistantSetupDialog::invalidJson_isRefusedWithSnippet_andLeftByteIdentical()
{
    const QByteArray original = sample(QStringLiteral("invalid.json"));
    writeAll(m_path, original);
    AssistantSetupDialog dialog(options());
    dialog.show();
    auto *problem = child<QLabel>(dialog, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("not valid JSON")), qPrintable(problem->text()));
    QVERIFY(!child<QPushButton>(dialog, "applyButton")->isVisible());
    QVERIFY(!child<QPushButton>(dialog, "removeButton")->isVisible());
    QVERIFY(child<QWidget>(dialog, "manualWidget")->isVisible());
    const QString snippet = child<QPlainTextEdit>(dialog, "manualSnippetView")->toPlainText();
    QCOMPARE(snippet, ClientConfig::stdioSnippet(QStringLiteral("claude-desktop"), m_bridge)->text);
    QTest::mouseClick(child<QPushButton>(dialog, "copyManualButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), snippet);
    const auto pasted = nlohmann::json::parse(QGuiApplication::clipboard()->text().toStdString());
    QVERIFY(pasted["mcpServers"]["aries"]["command"] == m_bridge.toStdString());
    QCOMPARE(readAll(m_path), original);
    QVERIFY(!QFile::exists(m_path + QStringLiteral(".bak")));
}

void TestAssistantSetupDialog::readOnlyFile_showsWhyAndTheSnippet()
{
    const QByteArray original = sample(QStringLiteral("with-servers.json"));
    writeAll(m_path, original);
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadUser));
    AssistantSetupDialog dialog(options());
    dialog.show();
    auto *problem = child<QLabel>(dialog, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("read-only")), qPrintable(problem->text()));
    QVERIFY(!child<QPushButton>(dialog, "applyButton")->isEnabled());
    QVERIFY(child<QWidget>(dialog, "manualWidget")->isVisible());
    QVERIFY(child<QPlainTextEdit>(dialog, "manualSnippetView")->toPlainText().contains(m_bridge));
    QCOMPARE(readAll(m_path), original);
}

void TestAssistantSetupDialog::fileBecameReadOnly_applyFailsClearly()
{
    const QByteArray original = sample(QStringLiteral("with-servers.json"));
    writeAll(m_path, original);
    AssistantSetupDialog dialog(options());
    dialog.show();
    auto *apply = child<QPushButton>(dialog, "applyButton");
    QVERIFY(apply->isEnabled());
    QVERIFY(QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::ReadUser));
    QTest::mouseClick(apply, Qt::LeftButton);
    auto *problem = child<QLabel>(dialog, "problemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("read-only")), qPrintable(problem->text()));
    QVERIFY(!child<QLabel>(dialog, "resultLabel")->isVisible());
    QVERIFY(child<QWidget>(dialog, "manualWidget")->isVisible());
    QCOMPARE(readAll(m_path), original);
}

void TestAssistantSetupDialog::bridgeSnippets_copyTheirText_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < ClientConfig::httpClients().size(); ++i) {
        QTest::newRow(qPrintable(ClientConfig::httpClients().at(i))) << i;
    }
}

void TestAssistantSetupDialog::bridgeSnippets_copyTheirText()
{
    QFETCH(int, index);
    AssistantSetupDialog dialog(options());
    dialog.show();
    dialog.showOtherAssistantsPage();
    auto *clientCombo = child<QComboBox>(dialog, "clientCombo");
    clientCombo->setCurrentIndex(index);
    const QString client = clientCombo->currentData().toString();
    QVERIFY(child<QRadioButton>(dialog, "bridgeRadio")->isChecked());
    const auto expected = ClientConfig::stdioSnippet(client, m_bridge);
    QVERIFY(expected.has_value());
    QCOMPARE(child<QPlainTextEdit>(dialog, "snippetView")->toPlainText(), expected->text);
    QCOMPARE(child<QLabel>(dialog, "instructionsLabel")->text(), expected->instructions);
    QVERIFY(!child<QLabel>(dialog, "keyNoteLabel")->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog, "copySnippetButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), expected->text);
    QCOMPARE(m_keyRequests, 0); // the bridge needs no key
}

void TestAssistantSetupDialog::httpSnippet_showsPlaceholder_copiesRealKey()
{
    AssistantSetupDialog dialog(options());
    dialog.show();
    dialog.showOtherAssistantsPage();
    child<QRadioButton>(dialog, "httpRadio")->setChecked(true);
    for (int index = 0; index < ClientConfig::httpClients().size(); ++index) {
        auto *clientCombo = child<QComboBox>(dialog, "clientCombo");
        clientCombo->setCurrentIndex(index);
        const QString client = clientCombo->currentData().toString();
        const QString shown = child<QPlainTextEdit>(dialog, "snippetView")->toPlainText();
        QCOMPARE(shown, ClientConfig::httpSnippet(client, kHttpUrl, AssistantSnippetsPage::keyPlaceholder())->text);
        QVERIFY(shown.contains(kHttpUrl.toString()));
        QVERIFY(!shown.contains(QString::fromLatin1(kKey)));
        QVERIFY(child<QLabel>(dialog, "keyNoteLabel")->isVisible());

        auto *copy = child<QPushButton>(dialog, "copySnippetButton");
        QTest::mouseClick(copy, Qt::LeftButton);
        QVERIFY(!copy->isEnabled()); // while the keychain answers
        QTRY_COMPARE(QGuiApplication::clipboard()->text(),
            ClientConfig::httpSnippet(client, kHttpUrl, QString::fromLatin1(kKey))->text);
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("Bearer ") + QString::fromLatin1(kKey)));
        QVERIFY(copy->isEnabled());
        QCOMPARE(m_keyRequests, index + 1); // read at the moment of copying, never kept
        // The key is nowhere on screen.
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            QVERIFY(!label->text().contains(QString::fromLatin1(kKey)));
        }
        for (const QPlainTextEdit *view : dialog.findChildren<QPlainTextEdit *>()) {
            QVERIFY(!view->toPlainText().contains(QString::fromLatin1(kKey)));
        }
    }
}

void TestAssistantSetupDialog::httpSnippet_keyError_isShown()
{
    auto opts = options();
    opts.keyProvider = [](AssistantSnippetsPage::KeyCallback callback) {
        QTimer::singleShot(0, [callback] { callback(Unexpected(QStringLiteral("The keychain is locked."))); });
    };
    AssistantSetupDialog dialog(opts);
    dialog.show();
    dialog.showOtherAssistantsPage();
    child<QRadioButton>(dialog, "httpRadio")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(dialog, "copySnippetButton"), Qt::LeftButton);
    auto *problem = child<QLabel>(dialog, "snippetProblemLabel");
    QTRY_VERIFY(problem->isVisible());
    QVERIFY(problem->text().contains(QStringLiteral("The keychain is locked.")));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(child<QPushButton>(dialog, "copySnippetButton")->isEnabled()); // can try again
}

void TestAssistantSetupDialog::httpOff_saysHowToTurnItOn()
{
    auto opts = options();
    opts.httpUrl = QUrl();
    AssistantSetupDialog dialog(opts);
    dialog.show();
    dialog.showOtherAssistantsPage();
    auto *off = child<QLabel>(dialog, "httpOffLabel");
    QVERIFY(!off->isVisible()); // the bridge does not need it
    child<QRadioButton>(dialog, "httpRadio")->setChecked(true);
    QVERIFY(off->isVisible());
    QVERIFY(off->text().contains(QStringLiteral("Settings")) && off->text().contains(QStringLiteral("advanced"))
        && off->text().contains(QStringLiteral("Port for other assistants")));
    QVERIFY(!child<QPushButton>(dialog, "copySnippetButton")->isEnabled());
    QVERIFY(!child<QPlainTextEdit>(dialog, "snippetView")->isVisible());
    // Turned on while the window is open.
    dialog.setHttpUrl(kHttpUrl);
    QVERIFY(!off->isVisible());
    QVERIFY(child<QPushButton>(dialog, "copySnippetButton")->isEnabled());
    QVERIFY(child<QPlainTextEdit>(dialog, "snippetView")->toPlainText().contains(kHttpUrl.toString()));
}

void TestAssistantSetupDialog::screenshots()
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("COMPANION_SCREENSHOT_DIR not set");
    }
    QVERIFY(QDir().mkpath(dir));
    writeAll(m_path, sample(QStringLiteral("old-path.json")));
    AssistantSetupDialog dialog(options());
    dialog.show();
    dialog.adjustSize();
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("claude-desktop-setup.png"))));

    dialog.showOtherAssistantsPage();
    child<QComboBox>(dialog, "clientCombo")->setCurrentIndex(1);
    child<QRadioButton>(dialog, "httpRadio")->setChecked(true);
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("assistant-snippets.png"))));

    writeAll(m_path, sample(QStringLiteral("invalid.json")));
    dialog.showClaudeDesktopPage();
    dialog.refresh();
    dialog.adjustSize();
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("claude-desktop-invalid.png"))));
}

QTEST_MAIN(TestAssistantSetupDialog)
#include "TestAssistantSetupDialog.moc"
