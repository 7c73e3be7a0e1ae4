// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Companion::Ipc {

/**
 * Splits a byte stream into '\n'-terminated lines, the framing of MCP over stdio and over our local socket.
 *
 * Bytes are passed through untouched (a trailing '\r' stays part of the line), so any UTF-8 survives even when
 * a character is split across feeds. A line longer than maxLineBytes() is reported once as a frame with
 * tooLong set, as soon as the limit is crossed; the rest of it is skipped up to its '\n' without being
 * buffered, and the line after it is framed normally.
 */
class LineFramer final
{
public:
    struct Frame
    {
        /** The line without its '\n'; empty when tooLong is set. */
        QByteArray line;
        /** The line was longer than maxLineBytes() and has been dropped. */
        bool tooLong = false;
    };

    static constexpr qsizetype kDefaultMaxLineBytes = 4 * 1024 * 1024;

    explicit LineFramer(qsizetype maxLineBytes = kDefaultMaxLineBytes);

    /** Takes the next bytes of the stream and returns the lines they complete, in order. */
    QList<Frame> feed(QByteArrayView bytes);

    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    /** Bytes of an unfinished line held back until its '\n' arrives. */
    qsizetype bufferedBytes() const { return m_partial.size(); }
    /** True while the rest of an over-long line is being skipped. */
    bool isSkipping() const { return m_skipping; }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_partial;
    bool m_skipping = false;
};

} // namespace Companion::Ipc
