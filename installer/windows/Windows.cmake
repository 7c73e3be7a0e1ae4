# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Windows: an .msi made with the WiX Toolset (cpack -G WIX), for a maintainer's machine with MSVC, Qt 6.8 and
# WiX 3.14 (installer/README.md). Not built or tested on the Linux CI.
#
# Layout under "C:\Program Files\Aries Companion": bin\ holds all four programs side by side (the tray app
# starts aries-consent and aries-sandbox from its own folder, and aries-mcp starts the app from its own
# folder) together with the Qt DLLs, plugins and QtWebEngine files windeployqt puts beside them.
set(CPACK_GENERATOR "WIX")
# Never change this: Windows Installer recognises later versions of the same product by it and upgrades them
# in place instead of installing a second copy.
set(CPACK_WIX_UPGRADE_GUID "88EA2B9F-3532-4D3F-AD10-02EDE255C98F")
set(CPACK_WIX_PRODUCT_ICON "${CMAKE_CURRENT_LIST_DIR}/aries-companion.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Aries Companion")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}/issues")
# WiX shows the licence on its own page and needs .txt or .rtf.
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_LIST_DIR}/License.txt")
# A Start menu entry for the tray app only; the other three are started by programs, not people.
set(CPACK_PACKAGE_EXECUTABLES "aries-companion" "Aries Companion")
# The product's version in Windows Installer must be numeric (major.minor.build).
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${PROJECT_VERSION_PATCH}")

# The MSVC runtime DLLs, for machines without the Visual C++ Redistributable.
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
include(InstallRequiredSystemLibraries)

# windeployqt, run by Qt's deployment API at install time (so also inside cpack): copies the Qt DLLs and
# plugins every program needs into bin\, and for aries-consent QtWebEngineProcess.exe, its resources and
# locales. qt.conf makes the programs look for plugins there.
qt_generate_deploy_script(
    TARGET aries-companion
    OUTPUT_SCRIPT _companion_deploy_script
    CONTENT "
qt_deploy_runtime_dependencies(
    EXECUTABLE \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:aries-companion>\"
    ADDITIONAL_EXECUTABLES
        \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:aries-consent>\"
        \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:aries-mcp>\"
        \"\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:aries-sandbox>\"
    GENERATE_QT_CONF)
")
install(SCRIPT "${_companion_deploy_script}")
