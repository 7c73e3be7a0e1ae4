// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The compiled catalogs are embedded under :/i18n and load the way the programs load them, with the
// translations of the .ts files; and aries-companion and aries-consent carry them too.
#include "Catalog.h"

#include <QFile>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Companion::I18nTest;

class TranslationEmbedTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogLoadsAndTranslates_data();
    void catalogLoadsAndTranslates();
    void programsEmbedCatalogs_data();
    void programsEmbedCatalogs();
};

void TranslationEmbedTest::catalogLoadsAndTranslates_data()
{
    QTest::addColumn<QString>("ts");
    for (const QString &ts : catalogFiles()) {
        QTest::newRow(qPrintable(languageOf(ts))) << ts;
    }
}

void TranslationEmbedTest::catalogLoadsAndTranslates()
{
    QFETCH(QString, ts);
    const QString language = languageOf(ts);
    QVERIFY2(QFile::exists(QStringLiteral(":/i18n/aries-companion_%1.qm").arg(language)),
        "the catalog is not embedded under :/i18n");

    // The same call main() makes, with the system's locale replaced by the language under test.
    QTranslator translator;
    QVERIFY(translator.load(
        QLocale(language), QStringLiteral("aries-companion"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCOMPARE(translator.language().left(2), language);

    QString error;
    const Catalog catalog = readCatalog(ts, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    int checked = 0;
    QStringList problems;
    for (const CatalogMessage &message : catalog.messages) {
        if (!message.type.isEmpty() || message.translations.isEmpty() || message.translations.first().isEmpty()) {
            continue; // unfinished or obsolete; TranslationCatalogTest reports those
        }
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.isEmpty() ? QByteArray() : message.comment.toUtf8();
        // Singular and plural: n = 1 takes the first form in both languages, n = 5 the last.
        const QList<int> counts = message.numerus ? QList<int> {1, 5} : QList<int> {-1};
        for (const int n : counts) {
            const QString expected = n == 5 ? message.translations.last() : message.translations.first();
            const QString actual = translator.translate(
                context.constData(), source.constData(), comment.isEmpty() ? nullptr : comment.constData(), n);
            if (actual != expected) {
                problems.append(describe(message) + QStringLiteral(" -> \"%1\"").arg(actual));
            }
            ++checked;
        }
    }
    QVERIFY2(checked > 0, "no translated message to check");
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("the embedded catalog does not match the .ts (rebuild):\n")
            + problems.join(QLatin1Char('\n'))));
}

void TranslationEmbedTest::programsEmbedCatalogs_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("aries-companion") << QStringLiteral(COMPANION_APP_BINARY);
    QTest::newRow("aries-consent") << QStringLiteral(COMPANION_CONSENT_BINARY);
}

void TranslationEmbedTest::programsEmbedCatalogs()
{
    QFETCH(QString, program);
    QFile file(program);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(program + QStringLiteral(": ") + file.errorString()));
    const QByteArray binary = file.readAll();
    // rcc stores resource names as UTF-16 (big-endian) in the program's resource table.
    const auto utf16 = [](const QString &text) {
        QByteArray bytes;
        for (const QChar c : text) {
            bytes.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        }
        return bytes;
    };
    QVERIFY2(binary.contains(utf16(QStringLiteral("i18n"))), "no :/i18n folder in the program");
    for (const QString &ts : catalogFiles()) {
        const QString name = QStringLiteral("aries-companion_%1.qm").arg(languageOf(ts));
        QVERIFY2(binary.contains(utf16(name)), qPrintable(name + QStringLiteral(" is not embedded in ") + program));
    }
}

QTEST_GUILESS_MAIN(TranslationEmbedTest)
#include "TranslationEmbedTest.moc"
