# SPDX-FileCopyrightText: Aries Companion contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Translations: one Qt Linguist catalog per language for the whole product (translations/aries-companion_<lang>.ts),
# compiled to .qm and embedded in each program under :/i18n, so main() loads them with
#     translator.load(QLocale(), "aries-companion", "_", ":/i18n")
#
# Included by every directory that embeds the catalogs (and by tests/i18n); it only defines things, so
# including it more than once is harmless.
#
# The strings live in static libraries (companion_core, companion_ui) and in aries-consent. Qt 6.4's
# qt_add_translations()/qt_add_lupdate() scan one target's SOURCES, and a library's relative SOURCES do not
# resolve from another directory, so update_translations runs lupdate on the source directories instead:
# a file someone adds to one of them is covered without touching this list.

set(COMPANION_TS_LANGUAGES de fr)

set(COMPANION_TS_FILES "")
foreach(lang IN LISTS COMPANION_TS_LANGUAGES)
    list(APPEND COMPANION_TS_FILES "${PROJECT_SOURCE_DIR}/translations/aries-companion_${lang}.ts")
endforeach()

# Every directory whose code shows text to a person (tray app, its windows, the MCP tools' messages that
# the assistant relays, the consent window).
set(COMPANION_TRANSLATED_DIRS
    "${PROJECT_SOURCE_DIR}/src/core"
    "${PROJECT_SOURCE_DIR}/ui/lib"
    "${PROJECT_SOURCE_DIR}/ui/app"
    "${PROJECT_SOURCE_DIR}/ui/consent")

# Options shared by update_translations and the i18n tests, so both see the catalogs the same way.
# Relative locations let Qt Linguist show the code around a string without tying the files to one checkout.
set(COMPANION_LUPDATE_OPTIONS -locations relative -source-language en)

if(TARGET Qt6::lupdate AND TARGET Qt6::lrelease)
    set(COMPANION_HAVE_TRANSLATIONS ON)
else()
    set(COMPANION_HAVE_TRANSLATIONS OFF)
    get_property(companion_translations_warned GLOBAL PROPERTY COMPANION_TRANSLATIONS_WARNED)
    if(NOT companion_translations_warned)
        set_property(GLOBAL PROPERTY COMPANION_TRANSLATIONS_WARNED ON)
        message(WARNING "Qt Linguist tools (qt6-l10n-tools) not found: the programs are built without "
                        "translations and show English only.")
    endif()
endif()

# update_translations: refreshes the .ts files from the code (new strings arrive unfinished; strings that
# left the code are dropped, so the catalogs never carry dead entries). Maintainers run it, then translate
# in Qt Linguist; see translations/README.md.
if(COMPANION_HAVE_TRANSLATIONS AND NOT TARGET update_translations)
    add_custom_target(update_translations
        COMMAND Qt6::lupdate ${COMPANION_LUPDATE_OPTIONS} -no-obsolete
                ${COMPANION_TRANSLATED_DIRS} -ts ${COMPANION_TS_FILES}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}/translations"
        COMMENT "Refreshing translations/*.ts from the sources"
        VERBATIM)
endif()

# companion_embed_translations(target): compiles the catalogs and embeds them in target under
# :/i18n/aries-companion_<lang>.qm. Without the Linguist tools it does nothing (English only).
function(companion_embed_translations target)
    if(NOT COMPANION_HAVE_TRANSLATIONS)
        return()
    endif()
    qt_add_lrelease(${target} TS_FILES ${COMPANION_TS_FILES} QM_FILES_OUTPUT_VARIABLE qm_files)
    qt_add_resources(${target} "${target}_translations"
        PREFIX "/i18n"
        BASE "${CMAKE_CURRENT_BINARY_DIR}"
        FILES ${qm_files})
endfunction()
