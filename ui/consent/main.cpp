// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Companion;

int main(int argc, char *argv[])
{
    {
        // Parse before the GUI exists, so --help and --version work without a display (over SSH, in CI).
        QCoreApplication probe(argc, argv);
        AppInfo::applyTo(probe);
        QCommandLineParser parser;
        parser.setApplicationDescription(QStringLiteral(
            "Shows the Aries sign-in and permission page for Aries Companion.\n"
            "Aries Companion starts this program when you connect; it is not meant to be run by hand."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(probe);
    }

    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    return 0;
}
