# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Settings every target of this project shares, and the one way tests are registered.

# Applies the project's compile definitions and warnings to a target.
function(companion_apply_common_settings target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS                       # Q_SIGNALS/Q_SLOTS/Q_EMIT; keeps "signals"/"emit" free for other libs
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_MESSAGELOGCONTEXT
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
        COMPANION_VERSION="${PROJECT_VERSION}")
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(COMPANION_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                                 -Wcast-qual -Woverloaded-virtual -Wformat=2)
        if(COMPANION_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()

# Puts one of the four programs into build/<preset>/bin, next to each other as they are installed, so the
# tray app finds aries-consent and aries-sandbox beside itself in the build tree too.
function(companion_program target)
    set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
endfunction()

# companion_add_static_library(name SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
function(companion_add_static_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    companion_apply_common_settings(${name})
endfunction()

# companion_add_test(TestName SOURCES ... [LIBS ...] [LABELS ...] [ENVIRONMENT ...] [KEYRING] [TIMEOUT s])
#
# One executable per tested class. Every test runs through tests/run-isolated.sh, which gives it its own
# HOME and XDG directories (so no test can reach the user's keychain, settings or Claude Desktop config)
# and, with KEYRING, a private D-Bus session with an unlocked gnome-keyring.
function(companion_add_test name)
    cmake_parse_arguments(ARG "KEYRING" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE Qt6::Test companion_testsupport ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE QT_FORCE_ASSERTS)
    companion_apply_common_settings(${name})

    set(launcher "${PROJECT_SOURCE_DIR}/tests/run-isolated.sh")
    if(ARG_KEYRING)
        set(mode keyring)
    else()
        set(mode plain)
    endif()
    add_test(NAME ${name} COMMAND ${launcher} ${mode} $<TARGET_FILE:${name}>)

    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ARIES_SANDBOX_BIN=$<TARGET_FILE:aries-sandbox>;${ARG_ENVIRONMENT}")
endfunction()
