# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# CPack configuration, one file per platform (installer/README.md says how each installer is built):
#   Linux:   a Debian package (cpack -G DEB) and a tarball; desktop entry, icons and AppStream data
#   Windows: a WiX (.msi) installer            (installer/windows/Windows.cmake)
#   macOS:   a drag-and-drop .dmg of the .app  (installer/macos/MacOS.cmake)
# and, on every platform, the `mcpb` target: the MCP Bundle for Claude Desktop (installer/mcpb/Mcpb.cmake).
set(CPACK_PACKAGE_NAME "aries-companion")
set(CPACK_PACKAGE_VENDOR "Aries Companion contributors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Aries Companion contributors <companion@aries.example>")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Aries Companion")
# A package is made from the programs as they were built and tested: cpack (and `ninja install`) must not
# first rebuild the whole tree, tests included, with as many jobs as the machine has cores.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
# Release builds carry debug information (RelWithDebInfo); users get stripped programs, a tenth of the size.
set(CPACK_STRIP_FILES ON)

if(WIN32)
    include("${CMAKE_CURRENT_LIST_DIR}/windows/Windows.cmake")
elseif(APPLE)
    include("${CMAKE_CURRENT_LIST_DIR}/macos/MacOS.cmake")
else()
    include("${CMAKE_CURRENT_LIST_DIR}/linux/Linux.cmake")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/mcpb/Mcpb.cmake")

include(CPack)
