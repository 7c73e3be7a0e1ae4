// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstdlib>
#include <memory>

/**
 * What the fuzz targets share: one QCoreApplication for the whole run, quiet logging, and an invariant check
 * that stops the run whatever the build type (Q_ASSERT is compiled out of RelWithDebInfo).
 */
namespace Companion::Fuzz {

/**
 * Aborts with @p what when @p condition is false; libFuzzer then saves the input as a crash. The message names
 * the invariant, so a crash report says which promise broke, not just where.
 */
#define COMPANION_FUZZ_CHECK(condition, what)                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d: %s)\n", what, __FILE__, __LINE__, #condition);     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

/**
 * Creates the application object once (LLVMFuzzerInitialize). Logging is switched off: the engine warns about
 * every malformed message, and writing that to stderr would cost most of the run's time. A qFatal still ends the
 * run, so it is saved as a crash.
 */
inline void initApplication(int *argc, char ***argv)
{
    qputenv("QT_LOGGING_RULES", "*=false");
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
    // Never destroyed: libFuzzer leaves through exit(), after which Qt's own teardown would only add noise.
    static QCoreApplication *app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
}

/** Runs queued calls and deleteLater() until nothing is left, so that every answer of one input is seen. */
inline void drainEvents()
{
    for (int round = 0; round < 8; ++round) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace Companion::Fuzz
