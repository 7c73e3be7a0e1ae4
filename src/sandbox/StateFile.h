// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Expected.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <functional>

namespace Companion::Sandbox {

/**
 * The --state file: read once at start, written a moment after the state changes (changes come in
 * bursts, one write covers them all) and once more at exit. Written atomically, readable by the owner only.
 */
class StateFile final : public QObject
{
    Q_OBJECT

public:
    using Snapshot = std::function<nlohmann::json()>;

    StateFile(QString path, Snapshot snapshot, QObject *parent = nullptr);
    ~StateFile() override;
    Q_DISABLE_COPY_MOVE(StateFile)

    /** The saved state; an empty object when the file does not exist yet, an error when it cannot be read. */
    Expected<nlohmann::json, QString> load() const;
    /** Saves soon. */
    void markDirty();
    /** Saves now if anything changed since the last save. */
    void flush();

private:
    QString m_path;
    Snapshot m_snapshot;
    QTimer m_timer;
    bool m_dirty = false;
};

} // namespace Companion::Sandbox
