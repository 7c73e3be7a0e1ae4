// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayController.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Companion;
using State = Ui::TrayController::State;

/**
 * The tray's icon states, tooltip and menu, and the window used where there is no tray (offscreen has
 * none, so the window is what a person would see on stock GNOME).
 */
class TestTrayController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStateHasItsOwnIcon();
    void tooltipSaysTheStateInWords();
    void menuActionsEmitTheirSignals();
    void windowButtonsEmitTheirSignals();
    void announceShowsInTheWindowWithoutATray();
    void screenshots();

private:
    static QAction *action(Ui::TrayController &tray, const QString &text);
};

QAction *TestTrayController::action(Ui::TrayController &tray, const QString &text)
{
    for (QAction *candidate : tray.menu()->actions()) {
        if (candidate->text() == text) {
            return candidate;
        }
    }
    return nullptr;
}

void TestTrayController::eachStateHasItsOwnIcon()
{
    // The badge covers the bottom-right 56 %; a point of its disc clear of the glyph carries the state's colour.
    const QList<State> states {State::SignedOut, State::Connected, State::Working, State::Attention, State::Paused};
    QList<QRgb> centres;
    for (const State state : states) {
        const QIcon icon = Ui::TrayController::iconFor(state);
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(64, 64).toImage();
        QCOMPARE(image.size(), QSize(64, 64));
        // The mark is there too: the tile's navy at the top-left.
        QCOMPARE(QColor(image.pixel(14, 14)).name(), QStringLiteral("#1f2a44"));
        centres << image.pixel(38, 37);
    }
    QCOMPARE(QColor(centres[0]).name(), QStringLiteral("#757575")); // signed out: grey ring
    QCOMPARE(QColor(centres[1]).name(), QStringLiteral("#2e7d32")); // connected: green
    QCOMPARE(QColor(centres[2]).name(), QStringLiteral("#1565c0")); // working: blue
    QCOMPARE(QColor(centres[3]).name(), QStringLiteral("#ef8f00")); // attention: amber
    QCOMPARE(QColor(centres[4]).name(), QStringLiteral("#5e35b1")); // paused: violet
    for (qsizetype i = 0; i < centres.size(); ++i) {
        for (qsizetype j = i + 1; j < centres.size(); ++j) {
            QVERIFY2(centres[i] != centres[j], qPrintable(QStringLiteral("states %1 and %2 look alike").arg(i).arg(j)));
        }
    }
}

void TestTrayController::tooltipSaysTheStateInWords()
{
    Ui::TrayController tray;
    tray.show();
    tray.setStatus(
        State::Connected, QStringLiteral("Connected · token valid 52 min"), QStringLiteral("Aries"), true, false, true);
    QVERIFY(tray.toolTip().contains(QStringLiteral("Connected to Aries")));
    QVERIFY(tray.toolTip().contains(QStringLiteral("token valid 52 min")));
    QCOMPARE(tray.state(), State::Connected);
    QVERIFY(action(tray, QStringLiteral("Reconnect")));
    QVERIFY(action(tray, QStringLiteral("Revoke access…"))->isEnabled());

    tray.setStatus(State::Attention, QStringLiteral("An order is waiting for your approval"), QStringLiteral("Sandbox"),
        true, false, true);
    QVERIFY(tray.toolTip().contains(QStringLiteral("Needs your attention")));
    QVERIFY(tray.toolTip().contains(QStringLiteral("Sandbox · An order is waiting")));

    tray.setStatus(State::SignedOut, QStringLiteral("Not connected"), QStringLiteral("Aries"), false, false, false);
    QVERIFY(tray.toolTip().contains(QStringLiteral("Not connected to Aries")));
    QVERIFY(action(tray, QStringLiteral("Connect to Aries")));
    QVERIFY(!action(tray, QStringLiteral("Revoke access…"))->isEnabled());

    tray.setStatus(State::Working, QStringLiteral("Connecting…"), QStringLiteral("Aries"), false, true, false);
    QVERIFY(!action(tray, QStringLiteral("Connect to Aries"))->isEnabled());
    QCOMPARE(tray.window()->toolTip(), tray.toolTip());
}

void TestTrayController::menuActionsEmitTheirSignals()
{
    Ui::TrayController tray;
    const QList<std::pair<QString, void (Ui::TrayController::*)()>> entries {
        {QStringLiteral("Connect to Aries"), &Ui::TrayController::connectRequested},
        {QStringLiteral("Status…"), &Ui::TrayController::statusRequested},
        {QStringLiteral("Settings…"), &Ui::TrayController::settingsRequested},
        {QStringLiteral("Set up Claude Desktop…"), &Ui::TrayController::setupClaudeRequested},
        {QStringLiteral("Revoke access…"), &Ui::TrayController::revokeRequested},
        {QStringLiteral("Quit"), &Ui::TrayController::quitRequested},
    };
    for (const auto &[text, signal] : entries) {
        QSignalSpy spy(&tray, signal);
        QAction *entry = action(tray, text);
        QVERIFY2(entry, qPrintable(text));
        entry->trigger();
        QCOMPARE(spy.count(), 1);
    }
    QSignalSpy paused(&tray, &Ui::TrayController::pauseTradingToggled);
    action(tray, QStringLiteral("Pause trading"))->trigger();
    QCOMPARE(paused.count(), 1);
    QCOMPARE(paused.first().first().toBool(), true);
    // The menu's order is the one a person expects: the status line first, Quit last.
    const QList<QAction *> actions = tray.menu()->actions();
    QCOMPARE(actions.first()->objectName(), QStringLiteral("statusLineAction"));
    QVERIFY(!actions.first()->isEnabled());
    QCOMPARE(actions.last()->text(), QStringLiteral("Quit"));
}

void TestTrayController::windowButtonsEmitTheirSignals()
{
    Ui::TrayController tray;
    tray.show();
    QVERIFY(!tray.usesTray()); // offscreen has no system tray
    QWidget *window = tray.window();
    QVERIFY(window && window->isVisible());
    const QList<std::pair<const char *, void (Ui::TrayController::*)()>> buttons {
        {"connectButton", &Ui::TrayController::connectRequested},
        {"statusButton", &Ui::TrayController::statusRequested},
        {"settingsButton", &Ui::TrayController::settingsRequested},
        {"setupClaudeButton", &Ui::TrayController::setupClaudeRequested},
        {"quitButton", &Ui::TrayController::quitRequested},
    };
    tray.setStatus(State::Connected, QStringLiteral("Connected"), QStringLiteral("Aries"), true, false, true);
    for (const auto &[name, signal] : buttons) {
        QSignalSpy spy(&tray, signal);
        auto *button = window->findChild<QPushButton *>(QLatin1String(name));
        QVERIFY2(button, name);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(spy.count(), 1);
    }
    auto *pause = window->findChild<QCheckBox *>(QStringLiteral("pauseTradingCheck"));
    QVERIFY(pause);
    pause->setChecked(true);
    QVERIFY(tray.pauseTradingAction()->isChecked());
    tray.pauseTradingAction()->setChecked(false);
    QVERIFY(!pause->isChecked());
}

void TestTrayController::announceShowsInTheWindowWithoutATray()
{
    Ui::TrayController tray;
    tray.show();
    tray.announce(QStringLiteral("Order waiting for your approval"), QStringLiteral("Review it."));
    auto *status = tray.window()->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status->text().contains(QStringLiteral("Order waiting for your approval")));
}

void TestTrayController::screenshots()
{
    const QString dir = qEnvironmentVariable("COMPANION_SCREENSHOT_DIR");
    if (dir.isEmpty()) {
        QSKIP("COMPANION_SCREENSHOT_DIR is not set");
    }
    QVERIFY(QDir().mkpath(dir));
    Ui::TrayController tray;
    tray.show();
    tray.setStatus(
        State::Connected, QStringLiteral("Connected · token valid 52 min"), QStringLiteral("Aries"), true, false, true);
    // The menu as the tray shows it, with the icon beside it as a panel would draw it.
    QMenu *menu = tray.menu();
    menu->adjustSize();
    const QPixmap menuPixmap = menu->grab();
    QPixmap shot(menuPixmap.width() + 40, menuPixmap.height() + 8);
    shot.fill(QColor(0x33, 0x33, 0x33));
    QPainter painter(&shot);
    painter.drawPixmap(4, 4, Ui::TrayController::iconFor(State::Connected).pixmap(32, 32));
    painter.drawPixmap(36, 4, menuPixmap);
    painter.end();
    QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("tray-menu.png"))));
    // All five states side by side at the panel's size and larger.
    QPixmap states(5 * 72, 72);
    states.fill(Qt::white);
    QPainter statesPainter(&states);
    int x = 4;
    for (const State state : {State::SignedOut, State::Connected, State::Working, State::Attention, State::Paused}) {
        statesPainter.drawPixmap(x, 4, Ui::TrayController::iconFor(state).pixmap(64, 64));
        x += 72;
    }
    statesPainter.end();
    QVERIFY(states.save(QDir(dir).filePath(QStringLiteral("tray-states.png"))));
    tray.window()->adjustSize();
    QVERIFY(tray.window()->grab().save(QDir(dir).filePath(QStringLiteral("tray-window.png"))));
}

QTEST_MAIN(TestTrayController)
#include "TestTrayController.moc"
