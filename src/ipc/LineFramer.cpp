// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "LineFramer.h"

#include <utility>

namespace Companion::Ipc {

LineFramer::LineFramer(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{ }

QList<LineFramer::Frame> LineFramer::feed(QByteArrayView bytes)
{
    QList<Frame> frames;
    qsizetype pos = 0;
    // Each byte is looked at once: complete lines are cut straight out of the input, and only the unfinished
    // tail is appended to m_partial, so a message arriving in many small chunks costs linear time.
    while (pos < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', pos);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        const QByteArrayView piece = bytes.sliced(pos, end - pos);

        if (m_skipping) {
            // Already reported; drop the rest of the over-long line without keeping it.
        } else if (m_partial.size() + piece.size() > m_maxLineBytes) {
            frames.append(Frame {{}, true});
            m_partial = QByteArray();
            m_skipping = true;
        } else if (newline >= 0) {
            if (m_partial.isEmpty()) {
                frames.append(Frame {piece.toByteArray(), false});
            } else {
                m_partial.append(piece);
                frames.append(Frame {std::exchange(m_partial, QByteArray()), false});
            }
        } else {
            m_partial.append(piece);
        }

        if (newline < 0) {
            break;
        }
        m_skipping = false;
        pos = newline + 1;
    }
    return frames;
}

} // namespace Companion::Ipc
