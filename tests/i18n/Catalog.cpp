// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Companion::I18nTest {

namespace {
QStringList splitList(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}
} // namespace

QStringList catalogFiles()
{
    return splitList(COMPANION_TS_FILES);
}

QString languageOf(const QString &tsPath)
{
    const QString base = QFileInfo(tsPath).completeBaseName();
    return base.mid(base.lastIndexOf(QLatin1Char('_')) + 1);
}

Catalog readCatalog(const QString &path, QString *error)
{
    Catalog catalog;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return catalog;
    }
    QXmlStreamReader xml(&file);
    QString context;
    QString lastFile;
    QHash<QString, int> lastLine; // relative locations count from the previous one in the same file
    const QDir tsDir = QFileInfo(path).absoluteDir();
    const QDir sourceDir(QString::fromUtf8(COMPANION_SOURCE_DIR));
    CatalogMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                catalog.messages.append(message);
            }
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            catalog.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = CatalogMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("location")) {
            // lupdate writes a file name only when it changes, and lines relative to the previous
            // location in that file; resolved here so failures name file:line in the source tree.
            const QString fileName = xml.attributes().value(QLatin1String("filename")).toString();
            if (!fileName.isEmpty()) {
                lastFile = sourceDir.relativeFilePath(QDir::cleanPath(tsDir.absoluteFilePath(fileName)));
            }
            const QString line = xml.attributes().value(QLatin1String("line")).toString();
            int &current = lastLine[lastFile];
            if (line.startsWith(QLatin1Char('+')) || line.startsWith(QLatin1Char('-'))) {
                current += line.toInt();
            } else if (!line.isEmpty()) {
                current = line.toInt();
            }
            if (message.location.isEmpty()) {
                message.location = QStringLiteral("%1:%2").arg(lastFile).arg(current);
            }
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform")) {
                        message.translations.append(xml.readElementText());
                    } else {
                        xml.skipCurrentElement();
                    }
                }
                // readNextStartElement() stopped at </translation>; </message> comes next.
            } else {
                message.translations.append(xml.readElementText());
            }
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
        return Catalog();
    }
    return catalog;
}

QString runLupdate(const QString &tsPath, bool *ok)
{
    QStringList arguments = splitList(COMPANION_LUPDATE_OPTIONS);
    arguments << splitList(COMPANION_TRANSLATED_DIRS) << QStringLiteral("-ts") << tsPath;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QString::fromUtf8(COMPANION_LUPDATE), arguments);
    const bool finished = lupdate.waitForFinished(120'000);
    const QString output = QString::fromLocal8Bit(lupdate.readAll());
    *ok = finished && lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0;
    if (!finished || lupdate.error() == QProcess::FailedToStart) {
        *ok = false;
        return output + lupdate.errorString();
    }
    return output;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

QString describe(const CatalogMessage &message)
{
    QString source = message.source;
    source.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    if (source.size() > 90) {
        source = source.left(87) + QStringLiteral("...");
    }
    QString text = QStringLiteral("  [%1] \"%2\"").arg(message.context, source);
    if (!message.location.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(message.location);
    }
    return text;
}

} // namespace Companion::I18nTest
