// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"
#include "SettingsDialog.h"
#include "platform/Autostart.h"
#include "settings/CompanionSettings.h"
#include "trading/TradingPolicy.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

using Companion::CompanionSettings;
using Companion::Ui::SettingsDialog;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void clientId_invalid_showsProblemAndDisablesSave_data();
    void clientId_invalid_showsProblemAndDisablesSave();
    void clientId_valid_isTrimmedAndSaved();
    void redirectUri_isReadOnlyAndCopied();
    void scopes_areListedInPlainWords();
    void advanced_remoteHttp_isRefusedAndShown();
    void advanced_loopbackHttp_isAccepted();
    void overrides_areExplainedAndNotSaved();
    void saveAndConnect_emitsConnect();
    void mcpPort_isSavedAndZeroMeansOff();
    void trading_isOffByDefault_andLimitsAreCheckedAndSaved();
    void startAtLogin_isOffByDefault_andFollowsTheEntry();
    void startAtLogin_writeFails_showsProblemAndStaysOpen();
    void showPage_opensTheAskedPage();
    void screenshot();

private:
    template <typename T> T *child(SettingsDialog &dialog, const char *name)
    {
        auto *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget) {
            qFatal("no child %s", name);
        }
        return widget;
    }
};

void TestSettingsDialog::initTestCase()
{
    Companion::AppInfo::applyTo(*qApp);
    // run-isolated.sh gives this test its own HOME and XDG_CONFIG_HOME; make sure of it.
    QVERIFY(QDir::homePath().contains(QLatin1String("aries-test")));
}

void TestSettingsDialog::init()
{
    CompanionSettings settings;
    settings.save(QString(), Companion::Auth::OAuthConfig::defaultAuthorizeUrl(),
        Companion::Auth::OAuthConfig::defaultApiBaseUrl());
}

void TestSettingsDialog::clientId_invalid_showsProblemAndDisablesSave_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << ""
                           << "Paste the Client ID";
    QTest::newRow("spaces only") << "   "
                                 << "Paste the Client ID";
    QTest::newRow("inner space") << "abc def"
                                 << "no spaces";
    QTest::newRow("url") << "https://mcp.aries.com/auth/callback"
                         << "not the redirect URI";
    QTest::newRow("too short") << "ab"
                               << "4 to 128";
    QTest::newRow("quote") << "\"abcdef\""
                           << "no spaces";
}

void TestSettingsDialog::clientId_invalid_showsProblemAndDisablesSave()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(text);
    auto *problem = child<QLabel>(dialog, "clientIdProblemLabel");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(messagePart), qPrintable(problem->text()));
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "saveAndConnectButton")->isEnabled());
}

void TestSettingsDialog::clientId_valid_isTrimmedAndSaved()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("  my-client_01.x  "));
    QVERIFY(!child<QLabel>(dialog, "clientIdProblemLabel")->isVisible());
    auto *save = child<QPushButton>(dialog, "saveButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toBool(), false);
    QVERIFY(!dialog.isVisible());

    CompanionSettings reread;
    QCOMPARE(reread.clientId(), QStringLiteral("my-client_01.x"));
    QVERIFY(reread.fileName().startsWith(QDir::homePath()));
    // Nothing secret-looking goes to the settings file: it holds only the three keys.
    QFile file(reread.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.contains("clientId=my-client_01.x"));
    QVERIFY(!content.contains("token"));
}

void TestSettingsDialog::redirectUri_isReadOnlyAndCopied()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    dialog.show();
    auto *redirect = child<QLineEdit>(dialog, "redirectUriEdit");
    QCOMPARE(redirect->text(), QStringLiteral("https://mcp.aries.com/auth/callback"));
    QVERIFY(redirect->isReadOnly());
    QGuiApplication::clipboard()->clear();
    auto *copy = child<QPushButton>(dialog, "copyRedirectButton");
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("https://mcp.aries.com/auth/callback"));
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
}

void TestSettingsDialog::scopes_areListedInPlainWords()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    const QString text = child<QLabel>(dialog, "scopesLabel")->text();
    for (const QString &scope : Companion::Auth::OAuthConfig::defaultScopes()) {
        QVERIFY2(text.contains(scope), qPrintable(scope));
    }
    QVERIFY(text.contains(QStringLiteral("only after you approve")));
}

void TestSettingsDialog::advanced_remoteHttp_isRefusedAndShown()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
    QVERIFY(!child<QWidget>(dialog, "advancedWidget")->isVisible());
    child<QLineEdit>(dialog, "apiBaseUrlEdit")->setText(QStringLiteral("http://api.aries.com"));
    // The problem would hide in the collapsed section, so the section opens.
    QVERIFY(child<QWidget>(dialog, "advancedWidget")->isVisible());
    QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled());
    child<QLineEdit>(dialog, "apiBaseUrlEdit")->setText(QStringLiteral("https://api.aries.com"));
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
}

void TestSettingsDialog::advanced_loopbackHttp_isAccepted()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
    child<QLineEdit>(dialog, "authorizeUrlEdit")->setText(QStringLiteral("http://127.0.0.1:7466/oauth2/authorize"));
    child<QLineEdit>(dialog, "apiBaseUrlEdit")->setText(QStringLiteral("http://127.0.0.1:7466"));
    QVERIFY(child<QPushButton>(dialog, "saveButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    CompanionSettings reread;
    QCOMPARE(reread.apiBaseUrl(), QUrl(QStringLiteral("http://127.0.0.1:7466")));
    QCOMPARE(reread.oauthConfig().tokenUrl(), QUrl(QStringLiteral("http://127.0.0.1:7466/v1/oauth2/token")));
}

void TestSettingsDialog::overrides_areExplainedAndNotSaved()
{
    CompanionSettings settings;
    settings.overrideClientId(QStringLiteral("from-command-line"));
    QCOMPARE(settings.clientId(), QStringLiteral("from-command-line"));
    CompanionSettings stored;
    QCOMPARE(stored.clientId(), QString()); // an override is never written

    SettingsDialog dialog(settings);
    dialog.show();
    QCOMPARE(child<QLineEdit>(dialog, "clientIdEdit")->text(), QStringLiteral("from-command-line"));
    bool noteShown = false;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        noteShown = noteShown || (label->isVisible() && label->text().contains(QLatin1String("command line")));
    }
    QVERIFY(noteShown);
}

void TestSettingsDialog::saveAndConnect_emitsConnect()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
    QTest::mouseClick(child<QPushButton>(dialog, "saveAndConnectButton"), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().first().toBool(), true);
}

void TestSettingsDialog::mcpPort_isSavedAndZeroMeansOff()
{
    CompanionSettings settings;
    QCOMPARE(settings.mcpPort(), CompanionSettings::kDefaultMcpPort);
    SettingsDialog dialog(settings);
    dialog.show();
    auto *port = child<QSpinBox>(dialog, "mcpPortSpin");
    QCOMPARE(port->value(), int(CompanionSettings::kDefaultMcpPort));
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
    port->setValue(0);
    QCOMPARE(port->text(), QStringLiteral("Off"));
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QCOMPARE(CompanionSettings().mcpPort(), quint16(0));

    // A command-line port wins for the run and is never saved.
    CompanionSettings overridden;
    overridden.overrideMcpPort(9123);
    QCOMPARE(overridden.mcpPort(), quint16(9123));
    QVERIFY(overridden.hasOverrides());
    QCOMPARE(CompanionSettings().mcpPort(), quint16(0));
    overridden.saveMcpPort(CompanionSettings::kDefaultMcpPort);
}

void TestSettingsDialog::trading_isOffByDefault_andLimitsAreCheckedAndSaved()
{
    CompanionSettings settings;
    QVERIFY(!settings.tradingLimits().tradingEnabled);
    SettingsDialog dialog(settings);
    dialog.show();
    QVERIFY(!child<QCheckBox>(dialog, "tradingEnabledCheck")->isChecked());
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
    auto *save = child<QPushButton>(dialog, "saveButton");
    auto *problem = child<QLabel>(dialog, "tradingProblemLabel");

    // Each bad value is named and blocks saving; nothing is stored.
    const QList<std::pair<const char *, QString>> bad {{"maxPerOrderEdit", QStringLiteral("-5")},
        {"maxPerDayEdit", QStringLiteral("lots")}, {"maxQuantityEdit", QStringLiteral("2.5")},
        {"allowlistEdit", QStringLiteral("AAPL, <b>x</b>")}};
    for (const auto &[name, value] : bad) {
        auto *edit = child<QLineEdit>(dialog, name);
        edit->setText(value);
        QVERIFY2(!save->isEnabled(), name);
        QVERIFY2(problem->isVisible() && !problem->text().isEmpty(), name);
        edit->clear();
        QVERIFY2(save->isEnabled(), name);
    }

    child<QCheckBox>(dialog, "tradingEnabledCheck")->setChecked(true);
    child<QLineEdit>(dialog, "maxPerOrderEdit")->setText(QStringLiteral("5000"));
    child<QLineEdit>(dialog, "maxPerDayEdit")->setText(QStringLiteral("20000.50"));
    child<QLineEdit>(dialog, "maxQuantityEdit")->setText(QStringLiteral("100"));
    child<QLineEdit>(dialog, "allowlistEdit")->setText(QStringLiteral("aapl, MSFT ,"));
    child<QSpinBox>(dialog, "approvalTimeoutSpin")->setValue(90);
    child<QLineEdit>(dialog, "defaultAccountEdit")->setText(QStringLiteral(" SBX-10000002 "));
    QTest::mouseClick(save, Qt::LeftButton);

    CompanionSettings reread;
    const Companion::Trading::TradingLimits limits = reread.tradingLimits();
    QVERIFY(limits.tradingEnabled);
    QCOMPARE(limits.maxNotionalPerOrder->toString(), QStringLiteral("5000"));
    QCOMPARE(limits.maxNotionalPerDay->toString(), QStringLiteral("20000.5"));
    QCOMPARE(limits.maxQuantity->toString(), QStringLiteral("100"));
    QCOMPARE(limits.symbolAllowlist, QStringList({QStringLiteral("AAPL"), QStringLiteral("MSFT")}));
    QCOMPARE(limits.approvalTimeout, std::chrono::seconds(90));
    QCOMPARE(reread.defaultAccountId(), QStringLiteral("SBX-10000002"));

    // Trading off again for the tests that follow.
    Companion::Trading::TradingLimits off;
    reread.saveTradingLimits(off);
    reread.saveDefaultAccountId(QString());
}

void TestSettingsDialog::startAtLogin_isOffByDefault_andFollowsTheEntry()
{
    const Companion::Platform::Autostart entry;
    QVERIFY(!entry.isEnabled());
    CompanionSettings settings;
    {
        SettingsDialog dialog(settings);
        dialog.show();
        auto *check = child<QCheckBox>(dialog, "autostartCheck");
        QVERIFY(check->isVisible());
        QVERIFY(!check->isChecked());
        QVERIFY(check->text().contains(QLatin1String("when I log in")));
        child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-1234"));
        check->setChecked(true);
        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
    }
    // Saved where the desktop looks for it, starting this program.
    QVERIFY(entry.isEnabled());
    QVERIFY(QFileInfo(entry.location()).absoluteFilePath().startsWith(QDir::homePath()));
    {
        SettingsDialog dialog(settings);
        dialog.show();
        auto *check = child<QCheckBox>(dialog, "autostartCheck");
        QVERIFY(check->isChecked());
        // Cancel changes nothing.
        check->setChecked(false);
        dialog.reject();
        QVERIFY(entry.isEnabled());
        // load() shows the real state again; Save with the box cleared removes the entry.
        dialog.load();
        QVERIFY(check->isChecked());
        dialog.show();
        check->setChecked(false);
        QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    }
    QVERIFY(!entry.isEnabled());
    QVERIFY(!QFileInfo::exists(entry.location()));

    // Switched off outside the app (the desktop's own settings removed it): the box follows on the next load.
    QVERIFY(Companion::Platform::Autostart(QCoreApplication::applicationFilePath()).setEnabled(true));
    SettingsDialog dialog(settings);
    QVERIFY(child<QCheckBox>(dialog, "autostartCheck")->isChecked());
    QFile::remove(entry.location());
    dialog.load();
    QVERIFY(!child<QCheckBox>(dialog, "autostartCheck")->isChecked());
}

void TestSettingsDialog::startAtLogin_writeFails_showsProblemAndStaysOpen()
{
    const Companion::Platform::Autostart entry;
    // A file where the autostart folder should be: writing fails for any user, root included.
    const QString folder = QFileInfo(entry.location()).absolutePath();
    QDir(folder).removeRecursively();
    QFile blocker(folder);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    CompanionSettings settings;
    SettingsDialog dialog(settings);
    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    dialog.show();
    child<QTabWidget>(dialog, "settingsTabs")->setCurrentIndex(1);
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("client-5678"));
    auto *problem = child<QLabel>(dialog, "autostartProblemLabel");
    QVERIFY(!problem->isVisible());
    child<QCheckBox>(dialog, "autostartCheck")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);

    // The rest is saved; the dialog stays open on the account page and says what failed and where.
    QCOMPARE(saved.count(), 1);
    QCOMPARE(CompanionSettings().clientId(), QStringLiteral("client-5678"));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.currentPage(), SettingsDialog::Page::Account);
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("log in")) && problem->text().contains(folder),
        qPrintable(problem->text()));
    QVERIFY(!entry.isEnabled());

    // With the folder fixed, saving again works and the message goes.
    QVERIFY(QFile::remove(folder));
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QVERIFY(entry.isEnabled());
    QVERIFY(Companion::Platform::Autostart().setEnabled(false));
    dialog.load();
    QVERIFY(!problem->isVisible());
}

void TestSettingsDialog::showPage_opensTheAskedPage()
{
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    QVERIFY(!dialog.isVisible());
    dialog.showPage(SettingsDialog::Page::Trading);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.currentPage(), SettingsDialog::Page::Trading);
    QVERIFY(child<QWidget>(dialog, "tradingPage")->isVisible());
    QVERIFY(child<QCheckBox>(dialog, "tradingEnabledCheck")->isVisible());

    dialog.showPage(SettingsDialog::Page::Account);
    QCOMPARE(dialog.currentPage(), SettingsDialog::Page::Account);
    QVERIFY(child<QLineEdit>(dialog, "clientIdEdit")->isVisible());
    QVERIFY(!child<QWidget>(dialog, "tradingPage")->isVisible());

    // Also after the dialog was closed, as the status window's "Change…" finds it.
    dialog.reject();
    QVERIFY(!dialog.isVisible());
    dialog.showPage(SettingsDialog::Page::Trading);
    QVERIFY(dialog.isVisible());
    QCOMPARE(child<QTabWidget>(dialog, "settingsTabs")->currentWidget(), child<QWidget>(dialog, "tradingPage"));
}

void TestSettingsDialog::screenshot()
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("COMPANION_SCREENSHOT_DIR not set");
    }
    CompanionSettings settings;
    SettingsDialog dialog(settings);
    dialog.show();
    child<QLineEdit>(dialog, "clientIdEdit")->setText(QStringLiteral("3f2a9c1e-demo-client"));
    QTest::mouseClick(child<QPushButton>(dialog, "advancedButton"), Qt::LeftButton);
    dialog.adjustSize();
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("settings.png"))));
    child<QTabWidget>(dialog, "settingsTabs")->setCurrentIndex(1);
    child<QLineEdit>(dialog, "maxPerOrderEdit")->setText(QStringLiteral("5000"));
    QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("settings-trading.png"))));
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
