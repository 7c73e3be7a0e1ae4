// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every tr() call can be found at run time under the context lupdate files it under. lupdate files a
// tr() string under the class or namespace it appears in; when that class has neither Q_OBJECT nor
// Q_DECLARE_TR_FUNCTIONS (for example a file-local tr() helper that calls QCoreApplication::translate
// with its own context), the running program looks the string up elsewhere and shows English even
// though the catalog has a translation. lupdate reports these as "lacks Q_OBJECT macro".
#include "Catalog.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Companion::I18nTest;

class TranslationContextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trContextsFoundAtRunTime();
};

void TranslationContextTest::trContextsFoundAtRunTime()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    bool ok = false;
    const QString output = runLupdate(dir.filePath(QStringLiteral("scan_de.ts")), &ok);
    QVERIFY2(ok, qPrintable(QStringLiteral("lupdate failed:\n") + output));

    static const QRegularExpression warning(
        QStringLiteral("^(.*): Class '(.*)' lacks Q_OBJECT macro$"), QRegularExpression::MultilineOption);
    const QString sourceDir = QString::fromUtf8(COMPANION_SOURCE_DIR) + QLatin1Char('/');
    QStringList problems;
    for (auto it = warning.globalMatch(output); it.hasNext();) {
        const auto match = it.next();
        QString where = match.captured(1);
        if (where.startsWith(sourceDir)) {
            where = where.mid(sourceDir.size());
        }
        problems.append(QStringLiteral("  %1: tr() in %2").arg(where, match.captured(2)));
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 place(s) call tr() where the running program will not find the translation "
                                  "(give the class Q_OBJECT or Q_DECLARE_TR_FUNCTIONS, or call "
                                  "QCoreApplication::translate with a literal context):\n%2")
                       .arg(problems.size())
                       .arg(problems.join(QLatin1Char('\n')))));
}

QTEST_GUILESS_MAIN(TranslationContextTest)
#include "TranslationContextTest.moc"
