# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# macOS: "Aries Companion.app" in a drag-and-drop .dmg (cpack -G DragNDrop), for a maintainer's Mac with
# Xcode and Qt 6.8 (installer/README.md). Not built or tested on the Linux CI.
#
# The four programs live together in Contents/MacOS: the tray app starts aries-consent and aries-sandbox
# from its own folder, aries-mcp starts the app from its folder, and the MCP Bundle runs
# /Applications/Aries Companion.app/Contents/MacOS/aries-mcp (installer/mcpb/manifest.json.in).
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Aries Companion")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/aries-companion.icns")

set(_companion_icns "${CMAKE_CURRENT_LIST_DIR}/aries-companion.icns")
target_sources(aries-companion PRIVATE "${_companion_icns}")
set_source_files_properties("${_companion_icns}" TARGET_DIRECTORY aries-companion
                            PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
set_target_properties(aries-companion PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
    MACOSX_BUNDLE_GUI_IDENTIFIER "com.aries.companion"
    MACOSX_BUNDLE_BUNDLE_NAME "Aries Companion"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "aries-companion.icns"
    MACOSX_BUNDLE_COPYRIGHT "Aries Companion contributors, GPL-3.0-or-later")

# The helpers are built straight into the app's Contents/MacOS, so the tray app finds them beside itself in
# the build tree as it will once installed, and installing the bundle carries them along.
set_target_properties(aries-mcp aries-consent aries-sandbox PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin/aries-companion.app/Contents/MacOS")

# macdeployqt, run by Qt's deployment API at install time (so also inside cpack): copies the Qt frameworks
# and plugins into Contents/Frameworks and Contents/PlugIns and points all four programs at them (a plain
# helper executable in Contents/MacOS is not found by macdeployqt on its own). QtWebEngineCore.framework
# brings its QtWebEngineProcess helper app. Signing for distribution: see installer/README.md.
qt_generate_deploy_script(
    TARGET aries-companion
    OUTPUT_SCRIPT _companion_deploy_script
    CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:aries-companion>.app\"
    ADDITIONAL_EXECUTABLES
        \"$<TARGET_FILE_NAME:aries-companion>.app/Contents/MacOS/$<TARGET_FILE_NAME:aries-consent>\"
        \"$<TARGET_FILE_NAME:aries-companion>.app/Contents/MacOS/$<TARGET_FILE_NAME:aries-mcp>\"
        \"$<TARGET_FILE_NAME:aries-companion>.app/Contents/MacOS/$<TARGET_FILE_NAME:aries-sandbox>\")
")
install(SCRIPT "${_companion_deploy_script}")

# The helpers' own install() rules (src/bridge, src/sandbox, ui/consent) also copy them to bin/; on macOS
# they are already inside the app, and a stray bin/ folder would show up in the .dmg. The app's folder gets
# its user-facing name last, once macdeployqt is done with it; the executable inside keeps its name, which
# is the one aries-mcp looks for.
install(CODE [[
    set(_prefix "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}")
    file(REMOVE_RECURSE "${_prefix}/bin")
    file(REMOVE_RECURSE "${_prefix}/Aries Companion.app")
    file(RENAME "${_prefix}/aries-companion.app" "${_prefix}/Aries Companion.app")
]])
