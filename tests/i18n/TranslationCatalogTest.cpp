// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The German and French catalogs cover every string in the code as it is now: lupdate runs over the
// sources into a temporary copy of each .ts (the tree is never changed), and every entry must be
// translated, none may be left over from strings that are gone, and every translation must keep the
// source's placeholders. A failure lists all offending entries, so one run shows all the work left.
#include "Catalog.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Companion::I18nTest;

class TranslationCatalogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStringTranslated_data();
    void everyStringTranslated();
    void noObsoleteEntries_data();
    void noObsoleteEntries();
    void placeholdersMatch_data();
    void placeholdersMatch();

private:
    void addLanguages();
    QTemporaryDir m_dir;
    QHash<QString, Catalog> m_refreshed; // language -> catalog after lupdate
};

void TranslationCatalogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QStringList files = catalogFiles();
    QVERIFY2(!files.isEmpty(), "no .ts files are configured");
    for (const QString &ts : files) {
        QVERIFY2(QFileInfo::exists(ts), qPrintable(ts + QStringLiteral(" is missing; build update_translations")));
        const QString copy = m_dir.filePath(QFileInfo(ts).fileName());
        QVERIFY(QFile::copy(ts, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        bool ok = false;
        const QString output = runLupdate(copy, &ok);
        QVERIFY2(ok, qPrintable(QStringLiteral("lupdate failed:\n") + output));
        QString error;
        const Catalog catalog = readCatalog(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(copy + QStringLiteral(": ") + error));
        QVERIFY2(!catalog.messages.isEmpty(), qPrintable(ts + QStringLiteral(" has no messages")));
        m_refreshed.insert(languageOf(ts), catalog);
    }
}

void TranslationCatalogTest::addLanguages()
{
    QTest::addColumn<QString>("language");
    for (const QString &ts : catalogFiles()) {
        const QString language = languageOf(ts);
        QTest::newRow(qPrintable(language)) << language;
    }
}

void TranslationCatalogTest::everyStringTranslated_data()
{
    addLanguages();
}

void TranslationCatalogTest::everyStringTranslated()
{
    QFETCH(QString, language);
    QStringList problems;
    for (const CatalogMessage &message : m_refreshed.value(language).messages) {
        if (message.type == QLatin1String("obsolete") || message.type == QLatin1String("vanished")) {
            continue;
        }
        bool empty = message.translations.isEmpty();
        for (const QString &text : message.translations) {
            empty = empty || text.isEmpty();
        }
        if (message.type == QLatin1String("unfinished") || empty) {
            problems.append(describe(message));
        }
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 string(s) not translated in aries-companion_%2.ts (run update_translations, "
                                  "then translate them; see translations/README.md):\n%3")
                       .arg(problems.size())
                       .arg(language, problems.join(QLatin1Char('\n')))));
}

void TranslationCatalogTest::noObsoleteEntries_data()
{
    addLanguages();
}

void TranslationCatalogTest::noObsoleteEntries()
{
    QFETCH(QString, language);
    QStringList problems;
    for (const CatalogMessage &message : m_refreshed.value(language).messages) {
        if (message.type == QLatin1String("obsolete") || message.type == QLatin1String("vanished")) {
            problems.append(describe(message));
        }
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 entry(ies) in aries-companion_%2.ts no longer in the code (run "
                                  "update_translations, which drops them):\n%3")
                       .arg(problems.size())
                       .arg(language, problems.join(QLatin1Char('\n')))));
}

void TranslationCatalogTest::placeholdersMatch_data()
{
    addLanguages();
}

void TranslationCatalogTest::placeholdersMatch()
{
    QFETCH(QString, language);
    QStringList problems;
    for (const CatalogMessage &message : m_refreshed.value(language).messages) {
        const QStringList expected = placeholders(message.source);
        for (const QString &text : message.translations) {
            if (text.isEmpty()) {
                continue; // reported by everyStringTranslated
            }
            const QStringList actual = placeholders(text);
            if (actual != expected) {
                problems.append(describe(message)
                    + QStringLiteral(": source has {%1}, translation has {%2}")
                          .arg(expected.join(QLatin1Char(' ')), actual.join(QLatin1Char(' '))));
            }
        }
    }
    QVERIFY2(problems.isEmpty(),
        qPrintable(QStringLiteral("%1 translation(s) in aries-companion_%2.ts with other placeholders than "
                                  "their source:\n%3")
                       .arg(problems.size())
                       .arg(language, problems.join(QLatin1Char('\n')))));
}

QTEST_GUILESS_MAIN(TranslationCatalogTest)
#include "TranslationCatalogTest.moc"
