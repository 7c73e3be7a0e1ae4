// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <span>

namespace Companion::Ui::TrayIconPixels {

/** One size of a tray icon: size × size premultiplied ARGB32 pixels (QImage::Format_ARGB32_Premultiplied). */
struct Image
{
    int size;
    const quint32 *pixels;
};

/**
 * The tray icon for the TrayController::State numbered @p state at every size a tray asks for, smallest first
 * (empty for a number that is no state): the app's mark with the state's badge.
 *
 * The pixels are rendered from the SVGs in resources/icons when the app is built (bake-tray-icons.cpp writes the
 * definition), with the same QSvgRenderer and raster painter the app would use, so the SVG files stay the one
 * source of the art while the running app needs neither QtSvg nor Qt's vector rasteriser for its icon.
 */
std::span<const Image> images(int state);

} // namespace Companion::Ui::TrayIconPixels
