# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The MCP Bundle (.mcpb) for Claude Desktop: `ninja mcpb` stages manifest.json, the bridge and the icon in
# <build>/mcpb/stage and packs them into <build>/mcpb/aries-companion-<version>.mcpb with the official CLI
# (@anthropic-ai/mcpb, pinned in tests/node/package.json; scripts/test.sh installs it).
#
# The bundle carries only the bridge: the tray app signs in, holds the tokens and shows the approval
# windows, so it has to be installed as a normal app anyway, and the bridge reaches it over the per-user
# socket (named pipe on Windows) whatever folder the bridge runs from. A bridge that is not beside the app
# cannot start it, so the Linux and Windows entries tell it not to try (ARIES_MCP_NO_LAUNCH) and it answers
# "start Aries Companion" while the app is not running. On macOS a program copied out of its .app loses
# the Qt frameworks it links to, so there the bundle runs the bridge inside the installed app, which also
# starts the app when needed.
set(COMPANION_MCPB_CLI "${PROJECT_SOURCE_DIR}/tests/node/node_modules/.bin/mcpb"
    CACHE FILEPATH "The mcpb command-line tool (npm: @anthropic-ai/mcpb)")
find_program(COMPANION_MCPB_RSVG_CONVERT rsvg-convert)
set(COMPANION_MCPB_DIR "${PROJECT_BINARY_DIR}/mcpb")
if(NOT COMPANION_MCPB_RSVG_CONVERT)
    message(STATUS "rsvg-convert not found: no `mcpb` target (the bundle's icon is rendered from the SVG)")
    file(REMOVE "${COMPANION_MCPB_DIR}/bundle.env")
    return()
endif()
set(COMPANION_MCPB_STAGE "${COMPANION_MCPB_DIR}/stage")
set(COMPANION_MCPB_FILE "${COMPANION_MCPB_DIR}/aries-companion-${PROJECT_VERSION}.mcpb")

# A bundle holds the bridge for the platform it was built on; say so, so Claude Desktop on another
# platform refuses it instead of failing to start it.
if(WIN32)
    set(COMPANION_MCPB_BRIDGE "aries-mcp.exe")
    set(COMPANION_MCPB_PLATFORMS "\"win32\"")
elseif(APPLE)
    set(COMPANION_MCPB_BRIDGE "aries-mcp")
    set(COMPANION_MCPB_PLATFORMS "\"darwin\"")
else()
    set(COMPANION_MCPB_BRIDGE "aries-mcp")
    set(COMPANION_MCPB_PLATFORMS "\"linux\"")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/manifest.json.in" "${COMPANION_MCPB_DIR}/manifest.json" @ONLY)

set(_mcpb_bridge "${COMPANION_MCPB_STAGE}/server/${COMPANION_MCPB_BRIDGE}")
set(_mcpb_icon "${PROJECT_SOURCE_DIR}/resources/icons/aries-companion.svg")
set(_mcpb_stage_commands
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${COMPANION_MCPB_STAGE}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${COMPANION_MCPB_STAGE}/server"
    COMMAND "${CMAKE_COMMAND}" -E copy "${COMPANION_MCPB_DIR}/manifest.json" "${COMPANION_MCPB_STAGE}/manifest.json"
    # Claude Desktop recommends a 512 px icon.
    COMMAND "${COMPANION_MCPB_RSVG_CONVERT}" -w 512 -h 512 -o "${COMPANION_MCPB_STAGE}/icon.png" "${_mcpb_icon}"
    COMMAND "${CMAKE_COMMAND}" -E copy "$<TARGET_FILE:aries-mcp>" "${_mcpb_bridge}")
if(WIN32)
    # The bridge runs from the extension's folder, not the app's: it needs its own Qt Core and Network DLLs.
    find_program(COMPANION_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/bin")
    list(APPEND _mcpb_stage_commands
        COMMAND "${COMPANION_WINDEPLOYQT}" --no-translations --no-system-d3d-compiler --no-opengl-sw
                "${_mcpb_bridge}")
elseif(CMAKE_STRIP AND NOT APPLE)
    # The build's copy keeps its debug information; the one users download does not need it.
    list(APPEND _mcpb_stage_commands COMMAND "${CMAKE_STRIP}" --strip-unneeded "${_mcpb_bridge}")
endif()

add_custom_command(OUTPUT "${COMPANION_MCPB_FILE}"
    ${_mcpb_stage_commands}
    COMMAND "${COMPANION_MCPB_CLI}" pack "${COMPANION_MCPB_STAGE}" "${COMPANION_MCPB_FILE}"
    DEPENDS aries-mcp "${COMPANION_MCPB_DIR}/manifest.json" "${_mcpb_icon}"
    COMMENT "Packing the MCP Bundle ${COMPANION_MCPB_FILE}"
    VERBATIM)
add_custom_target(mcpb DEPENDS "${COMPANION_MCPB_FILE}")
# Where the bundle and the CLI are, for its test (tests/package), which CMake reads before this file.
file(WRITE "${COMPANION_MCPB_DIR}/bundle.env" "cli='${COMPANION_MCPB_CLI}'\nbundle='${COMPANION_MCPB_FILE}'\n")
