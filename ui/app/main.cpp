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
            "Aries Companion lets an AI assistant such as Claude Desktop work with your Aries brokerage\n"
            "account, with every order approved by you in a window of this app."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.process(probe);
    }

    QApplication app(argc, argv);
    AppInfo::applyTo(app);
    return 0;
}
