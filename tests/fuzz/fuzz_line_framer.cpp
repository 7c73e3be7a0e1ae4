// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Ipc::LineFramer, the '\n' framing of the bridge's stdio and local socket, fed a stream in chunks cut at
// fuzz-chosen points with a fuzz-chosen line limit.
//
// Its contract (LineFramer.h) makes the frames independent of how the stream is cut, so every run is compared
// with a reference that looks at the whole stream at once:
//  - each '\n'-terminated line is one frame: the line's bytes when it fits the limit, else one tooLong frame;
//  - an unfinished last line is buffered (bufferedBytes() is its length) while it fits, and once it crosses the
//    limit it is reported as tooLong right away and skipped (isSkipping(), nothing buffered);
//  - so, with the default 4 MiB limit, the frames joined with '\n' plus the buffered tail give back the input.
#include "FuzzSupport.h"

#include "LineFramer.h"

#include <QByteArrayView>
#include <QList>

#include <fuzzer/FuzzedDataProvider.h>

namespace {

using Companion::Ipc::LineFramer;

struct Reference
{
    QList<LineFramer::Frame> frames;
    qsizetype buffered = 0;
    bool skipping = false;
};

Reference frameWhole(const QByteArray &stream, qsizetype limit)
{
    Reference reference;
    qsizetype start = 0;
    while (start <= stream.size()) {
        const qsizetype newline = stream.indexOf('\n', start);
        if (newline < 0) {
            const qsizetype tail = stream.size() - start;
            if (tail > limit) {
                reference.frames.append(LineFramer::Frame {{}, true});
                reference.skipping = true;
            } else {
                reference.buffered = tail;
            }
            break;
        }
        const QByteArray line = stream.sliced(start, newline - start);
        if (line.size() > limit) {
            reference.frames.append(LineFramer::Frame {{}, true});
        } else {
            reference.frames.append(LineFramer::Frame {line, false});
        }
        start = newline + 1;
    }
    return reference;
}

/** Feeds @p stream cut into the pieces @p cuts lists (their sizes, the rest at the end). */
QList<LineFramer::Frame> feedInPieces(LineFramer &framer, const QByteArray &stream, const QList<qsizetype> &cuts)
{
    QList<LineFramer::Frame> frames;
    qsizetype pos = 0;
    for (const qsizetype cut : cuts) {
        const qsizetype length = std::min(cut, stream.size() - pos);
        frames.append(framer.feed(QByteArrayView(stream).sliced(pos, length)));
        pos += length;
    }
    frames.append(framer.feed(QByteArrayView(stream).sliced(pos)));
    return frames;
}

bool sameFrames(const QList<LineFramer::Frame> &a, const QList<LineFramer::Frame> &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].tooLong != b[i].tooLong || a[i].line != b[i].line) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    // Small limits, so that over-long lines (and lines exactly at the limit) are common.
    const auto limit = provider.ConsumeIntegralInRange<qsizetype>(0, 64);
    const auto streamLength = provider.ConsumeIntegralInRange<size_t>(0, provider.remaining_bytes());
    const std::vector<uint8_t> streamBytes = provider.ConsumeBytes<uint8_t>(streamLength);
    const QByteArray stream = Companion::Fuzz::bytes(streamBytes.data(), streamBytes.size());
    QList<qsizetype> cuts;
    while (provider.remaining_bytes() > 0 && cuts.size() < 4096) {
        cuts.append(provider.ConsumeIntegralInRange<qsizetype>(0, 16));
    }

    const Reference reference = frameWhole(stream, limit);

    LineFramer limited(limit);
    const QList<LineFramer::Frame> frames = feedInPieces(limited, stream, cuts);
    COMPANION_FUZZ_CHECK(sameFrames(frames, reference.frames), "frames do not depend on where the stream is cut");
    COMPANION_FUZZ_CHECK(limited.bufferedBytes() == reference.buffered, "the unfinished line is buffered whole");
    COMPANION_FUZZ_CHECK(limited.isSkipping() == reference.skipping, "an over-long unfinished line is skipped");
    COMPANION_FUZZ_CHECK(limited.bufferedBytes() <= limit, "never more than the limit is buffered");
    for (const LineFramer::Frame &frame : frames) {
        COMPANION_FUZZ_CHECK(!frame.line.contains('\n'), "a frame holds no newline");
        COMPANION_FUZZ_CHECK(frame.line.size() <= limit, "a frame fits the limit");
        COMPANION_FUZZ_CHECK(!frame.tooLong || frame.line.isEmpty(), "a tooLong frame carries no bytes");
    }

    // With the default limit nothing here is too long: the frames and the tail are the input itself.
    LineFramer unlimited;
    const QList<LineFramer::Frame> whole = feedInPieces(unlimited, stream, cuts);
    QByteArray joined;
    for (const LineFramer::Frame &frame : whole) {
        COMPANION_FUZZ_CHECK(!frame.tooLong, "no line of a small input is too long for the default limit");
        joined += frame.line + '\n';
    }
    COMPANION_FUZZ_CHECK(joined.size() + unlimited.bufferedBytes() == stream.size(),
        "frames, separators and the buffered tail account for every byte");
    COMPANION_FUZZ_CHECK(stream.startsWith(joined), "frames joined by newlines are the start of the input");
    return 0;
}
