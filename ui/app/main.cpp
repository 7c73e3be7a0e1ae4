// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInfo.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Companion;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::applyTo(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Aries Companion lets an AI assistant such as Claude Desktop work with your Aries brokerage\n"
        "account, with every order approved by you in a window of this app."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
