// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Companion::I18nTest {

/** One <message> of a Qt Linguist .ts file. */
struct CatalogMessage
{
    QString context;
    QString source;
    QString comment;
    QString type; // "", "unfinished", "obsolete" or "vanished"
    bool numerus = false;
    QStringList translations; // one entry, or one per plural form
    QString location; // "file:line" as lupdate wrote it, when known
};

/** A .ts file as the tests need it, and the languages it is for. */
struct Catalog
{
    QString language;
    QList<CatalogMessage> messages;
};

/** Reads a .ts file; an empty catalog plus @p error when it cannot be read or parsed. */
Catalog readCatalog(const QString &path, QString *error);

/** The .ts files of the product, from the build (one per language). */
QStringList catalogFiles();

/** The language code of a catalog file name (aries-companion_de.ts -> "de"). */
QString languageOf(const QString &tsPath);

/**
 * Runs lupdate over the product's sources into @p tsPath, as update_translations does but keeping
 * vanished entries, so a test sees exactly what a maintainer's refresh would find. Returns lupdate's
 * combined output; @p ok is false when lupdate could not run or failed.
 */
QString runLupdate(const QString &tsPath, bool *ok);

/** The placeholders of a string (%1, %L2, %n, %Ln), sorted, each once. */
QStringList placeholders(const QString &text);

/** A message for failure lists: context, source (shortened) and location. */
QString describe(const CatalogMessage &message);

} // namespace Companion::I18nTest
