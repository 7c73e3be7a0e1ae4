// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StateFile.h"

#include <QFile>
#include <QSaveFile>

namespace Companion::Sandbox {

namespace {
constexpr int kSaveDelayMs = 250;
}

StateFile::StateFile(QString path, Snapshot snapshot, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_snapshot(std::move(snapshot))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kSaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &StateFile::flush);
}

StateFile::~StateFile()
{
    flush();
}

Expected<nlohmann::json, QString> StateFile::load() const
{
    QFile file(m_path);
    if (!file.exists()) {
        return nlohmann::json::object();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Unexpected(QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    }
    const auto state = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (state.is_discarded() || !state.is_object()) {
        return Unexpected(QStringLiteral("%1 is not a sandbox state file (not a JSON object)").arg(m_path));
    }
    return state;
}

void StateFile::markDirty()
{
    m_dirty = true;
    if (!m_timer.isActive()) {
        m_timer.start();
    }
}

void StateFile::flush()
{
    m_timer.stop();
    if (!m_dirty) {
        return;
    }
    m_dirty = false;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        qWarning(
            "aries-sandbox: cannot write the state file %s: %s", qPrintable(m_path), qPrintable(file.errorString()));
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QByteArray::fromStdString(m_snapshot().dump(1)));
    if (!file.commit()) {
        qWarning(
            "aries-sandbox: cannot write the state file %s: %s", qPrintable(m_path), qPrintable(file.errorString()));
    }
}

} // namespace Companion::Sandbox
