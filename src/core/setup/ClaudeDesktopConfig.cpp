// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClaudeDesktopConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace Companion::Setup {

namespace {

// ordered_json keeps the keys in the file's order, so the only difference a user sees is our entry.
using ordered_json = nlohmann::ordered_json;

QString tr(const char *text)
{
    return QCoreApplication::translate("ClaudeDesktopConfig", text);
}

/** The file's bytes; empty when it does not exist; an error when it exists but cannot be read. */
Expected<QByteArray, QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Unexpected(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return file.readAll();
}

/** The parsed file ({} for a missing or empty one), or why it cannot be changed safely. */
Expected<ordered_json, QString> parse(const QString &path, const QByteArray &text)
{
    if (text.trimmed().isEmpty()) {
        return ordered_json::object();
    }
    try {
        ordered_json config = ordered_json::parse(text.constBegin(), text.constEnd());
        if (!config.is_object()) {
            return Unexpected(tr("%1 is not a JSON object, so Aries Companion leaves it alone. Add the entry by hand.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
        if (config.contains("mcpServers") && !config["mcpServers"].is_object()) {
            return Unexpected(tr("In %1, \"mcpServers\" is not an object, so Aries Companion leaves the file alone. "
                                 "Add the entry by hand.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
        return config;
    } catch (const nlohmann::json::parse_error &error) {
        return Unexpected(tr("%1 is not valid JSON (%2), so Aries Companion does not change it. Fix the file, or "
                             "add the entry by hand.")
                              .arg(QDir::toNativeSeparators(path), QString::fromUtf8(error.what())));
    }
}

/** The file as it is now: its bytes and what they say. */
struct Loaded
{
    QByteArray text;
    ordered_json config;
};

Expected<Loaded, QString> load(const QString &path)
{
    const auto text = readFile(path);
    if (!text) {
        return Unexpected(text.error());
    }
    auto config = parse(path, *text);
    if (!config) {
        return Unexpected(config.error());
    }
    return Loaded {*text, std::move(*config)};
}

QByteArray serialize(const ordered_json &config)
{
    // Two-space indentation, as Claude Desktop writes the file itself.
    return QByteArray::fromStdString(config.dump(2)) + '\n';
}

} // namespace

QStringList ClaudeDesktopConfig::candidatePaths()
{
    const QString fileName = QStringLiteral("claude_desktop_config.json");
    QStringList paths;
#if defined(Q_OS_WIN)
    const QDir packages(qEnvironmentVariable("LOCALAPPDATA") + QStringLiteral("/Packages"));
    for (const QString &package : packages.entryList({QStringLiteral("Claude_*")}, QDir::Dirs)) {
        paths << packages.filePath(package + QStringLiteral("/LocalCache/Roaming/Claude/") + fileName);
    }
    paths << QDir(qEnvironmentVariable("APPDATA")).filePath(QStringLiteral("Claude/") + fileName);
#elif defined(Q_OS_MACOS)
    paths << QDir::home().filePath(QStringLiteral("Library/Application Support/Claude/") + fileName);
#else
    const QString config = qEnvironmentVariable("XDG_CONFIG_HOME", QDir::home().filePath(QStringLiteral(".config")));
    paths << QDir(config).filePath(QStringLiteral("Claude/") + fileName);
#endif
    return paths;
}

QString ClaudeDesktopConfig::defaultPath()
{
    const QStringList paths = candidatePaths();
    for (const QString &path : paths) {
        if (QFileInfo::exists(path)) {
            return path;
        }
    }
    return paths.value(0);
}

Expected<ClaudeDesktopConfig::Plan, QString> ClaudeDesktopConfig::planAdd(
    const QString &path, const QString &bridgePath)
{
    if (!QFileInfo(bridgePath).isAbsolute()) {
        return Unexpected(tr("The bridge's path must be absolute: Claude Desktop starts it from its own folder."));
    }
    auto loaded = load(path);
    if (!loaded) {
        return Unexpected(loaded.error());
    }
    const QByteArray &before = loaded->text;
    ordered_json &config = loaded->config;
    const ordered_json original = config;
    // Replacing the whole entry also drops stale arguments from an older install; its position is kept.
    config["mcpServers"][kServerName] =
        ordered_json {{"command", QDir::toNativeSeparators(bridgePath).toStdString()}, {"args", ordered_json::array()}};
    // No change at all when our entry is already exactly there (whatever the file's formatting).
    if (!before.isEmpty() && original == config) {
        return Plan {path, before, before};
    }
    return Plan {path, before, serialize(config)};
}

Expected<ClaudeDesktopConfig::Plan, QString> ClaudeDesktopConfig::planRemove(const QString &path)
{
    auto loaded = load(path);
    if (!loaded) {
        return Unexpected(loaded.error());
    }
    ordered_json &config = loaded->config;
    Plan plan {path, loaded->text, loaded->text};
    if (config.contains("mcpServers") && config["mcpServers"].contains(kServerName)) {
        config["mcpServers"].erase(kServerName);
        plan.after = serialize(config);
    }
    return plan;
}

Expected<void, QString> ClaudeDesktopConfig::apply(const Plan &plan)
{
    if (!plan.changes()) {
        return {};
    }
    const auto current = readFile(plan.path);
    if (!current) {
        return Unexpected(current.error());
    }
    if (*current != plan.before) {
        return Unexpected(tr("%1 changed since the change was prepared. Nothing was written; try again.")
                              .arg(QDir::toNativeSeparators(plan.path)));
    }
    const QString native = QDir::toNativeSeparators(plan.path);
    if (!QDir().mkpath(QFileInfo(plan.path).absolutePath())) {
        return Unexpected(tr("Cannot create the folder of %1.").arg(native));
    }
    if (!plan.before.isEmpty()) {
        const QString backup = plan.path + QStringLiteral(".bak");
        QSaveFile copy(backup);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(plan.before) != plan.before.size() || !copy.commit()) {
            return Unexpected(tr("Cannot write the backup %1, so %2 was left as it was.")
                                  .arg(QDir::toNativeSeparators(backup), native));
        }
    }
    // QSaveFile writes a temporary file and renames it over the old one: Claude Desktop never reads half a file.
    QSaveFile file(plan.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(plan.after) != plan.after.size() || !file.commit()) {
        return Unexpected(tr("Cannot write %1: %2").arg(native, file.errorString()));
    }
    return {};
}

} // namespace Companion::Setup
