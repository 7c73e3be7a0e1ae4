# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Linux: the desktop entry, the icon (SVG, plus PNGs for menus that do not draw SVG), AppStream metadata,
# and the Debian package's control data. The four programs install themselves to bin/ (src/*, ui/*).
set(_companion_linux_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_companion_icon "${PROJECT_SOURCE_DIR}/resources/icons/aries-companion.svg")

install(FILES "${_companion_linux_dir}/aries-companion.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${_companion_linux_dir}/com.aries.companion.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${_companion_icon}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps")

# Some panels and software centres only show bitmap icons; render them from the one SVG at build time.
find_program(COMPANION_RSVG_CONVERT rsvg-convert)
if(COMPANION_RSVG_CONVERT)
    set(_companion_pngs "")
    foreach(size 48 128 256)
        set(png "${PROJECT_BINARY_DIR}/icons/${size}x${size}/aries-companion.png")
        add_custom_command(OUTPUT "${png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/icons/${size}x${size}"
            COMMAND "${COMPANION_RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}" "${_companion_icon}"
            DEPENDS "${_companion_icon}"
            VERBATIM)
        list(APPEND _companion_pngs "${png}")
        install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps")
    endforeach()
    add_custom_target(companion_icons ALL DEPENDS ${_companion_pngs})
else()
    message(STATUS "rsvg-convert not found (apt: librsvg2-bin): the package gets the SVG icon only")
endif()

set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Lets an AI assistant work with an Aries brokerage account\n"
    "Aries Companion is a tray app that connects an AI assistant such as Claude Desktop to an Aries\n"
    "(Aries Financial) brokerage account through a local MCP server. It signs in with OAuth, keeps the\n"
    "tokens in the system keychain, and shows every order in its own window: nothing is placed until\n"
    "the user approves it. Includes aries-mcp (the stdio bridge MCP clients start), aries-consent (the\n"
    "sign-in window) and aries-sandbox (a local simulator of the Aries API for demo mode).")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the programs load at run time, which dpkg-shlibdeps cannot see in their ELF headers:
#   qt6-qpa-plugins            platform plugins beyond the built-in xcb one (and what the xcb one pulls in)
#   libqt6svg6                 the SVG icon engine and image format plugins: desktop icon themes are SVG, and Qt
#                              draws its dialogs' standard icons from them (the tray icon is baked at build time)
#   libqt6webenginecore6-bin   QtWebEngineProcess, which aries-consent starts; libqt6webenginecore6 does not
#                              depend on it (only its shlibs entry adds it, which is not a promise)
#   libsecret-1-0              dlopen()ed by QtKeychain for the Secret Service (GNOME Keyring, KWallet)
#   ca-certificates            Qt's OpenSSL backend verifies Aries' HTTPS certificate against the system store
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "qt6-qpa-plugins, libqt6svg6, libqt6webenginecore6-bin, libsecret-1-0, ca-certificates")
# A keychain to store the tokens in; xdg-utils opens links from the sign-in page in the user's browser.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, xdg-utils")
