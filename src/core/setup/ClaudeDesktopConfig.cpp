// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/ClaudeDesktopConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace Companion::Setup {

namespace {

// ordered_json keeps the keys in the file's order, so the only difference a user sees is our entry.
using ordered_json = nlohmann::ordered_json;

/** The file's bytes; empty when it does not exist; an error when it exists but cannot be read. */
Expected<QByteArray, QString> readFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig", "Cannot read %1: %2")
                              .arg(QDir::toNativeSeparators(path), file.errorString()));
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
            return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig",
                "%1 is not a JSON object, so Aries Companion leaves it alone. Add the entry by hand.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
        if (config.contains("mcpServers") && !config["mcpServers"].is_object()) {
            return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig",
                "In %1, \"mcpServers\" is not an object, so Aries Companion leaves the file alone. "
                "Add the entry by hand.")
                                  .arg(QDir::toNativeSeparators(path)));
        }
        return config;
    } catch (const nlohmann::json::parse_error &error) {
        // The library's message is for programmers; the user needs only where the mistake is.
        static const QRegularExpression kWhere(QStringLiteral("line (\\d+), column (\\d+)"));
        const QRegularExpressionMatch where = kWhere.match(QString::fromUtf8(error.what()));
        const QString native = QDir::toNativeSeparators(path);
        if (where.hasMatch()) {
            return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig",
                "%1 is not valid JSON: there is a mistake at line %2, column %3 (often a comma "
                "after the last item, or a missing quote or bracket). Aries Companion does not "
                "change it. Fix the file, or add the entry by hand.")
                                  .arg(native, where.captured(1), where.captured(2)));
        }
        return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig",
            "%1 is not valid JSON, so Aries Companion does not change it. Fix the file, or add the "
            "entry by hand.")
                              .arg(native));
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

/** Our entry in @p config, or null when there is none. */
const ordered_json *ourEntry(const ordered_json &config)
{
    const auto servers = config.find("mcpServers");
    if (servers == config.end()) {
        return nullptr;
    }
    const auto entry = servers->find(ClaudeDesktopConfig::kServerName);
    return entry == servers->end() ? nullptr : &*entry;
}

/** Fills in what the plan says about our entry before the change. */
void describeBefore(ClaudeDesktopConfig::Plan &plan, const ordered_json &config)
{
    const ordered_json *entry = ourEntry(config);
    if (!entry) {
        return;
    }
    plan.entryBefore = QByteArray::fromStdString(entry->dump());
    if (entry->is_object() && entry->contains("command") && (*entry)["command"].is_string()) {
        plan.commandBefore = QString::fromStdString((*entry)["command"].get<std::string>());
    }
}

/** Whether the owner of @p info took write permission away (or this process has none). */
bool isReadOnly(const QFileInfo &info)
{
    return !info.isWritable() || !info.permissions().testFlag(QFileDevice::WriteOwner);
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

std::optional<QString> ClaudeDesktopConfig::writeProblem(const QString &path)
{
    const QFileInfo file(path);
    const QString native = QDir::toNativeSeparators(file.absoluteFilePath());
    if (file.exists() && isReadOnly(file)) {
        return QCoreApplication::translate("ClaudeDesktopConfig",
            "%1 is read-only, so Aries Companion cannot change it. Make the file writable and try again, or "
            "add the entry by hand.")
            .arg(native);
    }
    // The new text is written next to the file and renamed over it, and the backup goes there too, so the
    // folder must be writable as well. A folder that does not exist yet is made in its nearest existing parent.
    QFileInfo folder(file.absolutePath());
    while (!folder.exists() && !folder.isRoot()) {
        folder = QFileInfo(folder.absolutePath());
    }
    if (isReadOnly(folder)) {
        return QCoreApplication::translate("ClaudeDesktopConfig",
            "The folder %1 is read-only, so Aries Companion cannot write %2 there. Make the folder writable "
            "and try again, or add the entry by hand.")
            .arg(QDir::toNativeSeparators(folder.absoluteFilePath()), native);
    }
    return std::nullopt;
}

Expected<ClaudeDesktopConfig::Plan, QString> ClaudeDesktopConfig::planAdd(
    const QString &path, const QString &bridgePath)
{
    if (!QFileInfo(bridgePath).isAbsolute()) {
        return Unexpected(QCoreApplication::translate("ClaudeDesktopConfig",
            "The bridge's path must be absolute: Claude Desktop starts it from its own folder."));
    }
    auto loaded = load(path);
    if (!loaded) {
        return Unexpected(loaded.error());
    }
    const QByteArray &before = loaded->text;
    ordered_json &config = loaded->config;
    const ordered_json original = config;
    Plan plan {path, before, before, {}, {}, {}};
    describeBefore(plan, original);
    // Replacing the whole entry also drops stale arguments from an older install; its position is kept.
    const ordered_json entry =
        ordered_json {{"command", QDir::toNativeSeparators(bridgePath).toStdString()}, {"args", ordered_json::array()}};
    config["mcpServers"][kServerName] = entry;
    plan.entryAfter = QByteArray::fromStdString(entry.dump());
    // No change at all when our entry is already exactly there (whatever the file's formatting).
    if (before.isEmpty() || original != config) {
        plan.after = serialize(config);
    }
    return plan;
}

Expected<ClaudeDesktopConfig::Plan, QString> ClaudeDesktopConfig::planRemove(const QString &path)
{
    auto loaded = load(path);
    if (!loaded) {
        return Unexpected(loaded.error());
    }
    ordered_json &config = loaded->config;
    Plan plan {path, loaded->text, loaded->text, {}, {}, {}};
    describeBefore(plan, config);
    if (ourEntry(config)) {
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
        return Unexpected(QCoreApplication::translate(
            "ClaudeDesktopConfig", "%1 changed since the change was prepared. Nothing was written; try again.")
                              .arg(QDir::toNativeSeparators(plan.path)));
    }
    const QString native = QDir::toNativeSeparators(plan.path);
    if (const auto problem = writeProblem(plan.path)) {
        return Unexpected(*problem);
    }
    if (!QDir().mkpath(QFileInfo(plan.path).absolutePath())) {
        return Unexpected(
            QCoreApplication::translate("ClaudeDesktopConfig", "Cannot create the folder of %1.").arg(native));
    }
    if (!plan.before.isEmpty()) {
        const QString backup = plan.path + QStringLiteral(".bak");
        QSaveFile copy(backup);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(plan.before) != plan.before.size() || !copy.commit()) {
            return Unexpected(QCoreApplication::translate(
                "ClaudeDesktopConfig", "Cannot write the backup %1, so %2 was left as it was.")
                                  .arg(QDir::toNativeSeparators(backup), native));
        }
    }
    // QSaveFile writes a temporary file and renames it over the old one: Claude Desktop never reads half a file.
    QSaveFile file(plan.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(plan.after) != plan.after.size() || !file.commit()) {
        return Unexpected(
            QCoreApplication::translate("ClaudeDesktopConfig", "Cannot write %1: %2").arg(native, file.errorString()));
    }
    return {};
}

} // namespace Companion::Setup
