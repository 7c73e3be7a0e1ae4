// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// src/common/Expected.h for the fuzz build only, found first on its include path (tests/fuzz/CMakeLists.txt).
//
// The project writes Unexpected(error), deducing the argument of the alias template Unexpected<E>; clang 14 has
// no class template argument deduction for alias templates (C++20 P1814, clang 19). Here Unexpected is a class
// template with a deduction guide instead, derived from std::unexpected so that it converts exactly like it.
// Everything else is as in src/common/Expected.h.
#pragma once

#include <expected>
#include <utility>

namespace Companion {

template <typename T, typename E> using Expected = std::expected<T, E>;

template <typename E> class Unexpected : public std::unexpected<E>
{
public:
    using std::unexpected<E>::unexpected;
};

template <typename E> Unexpected(E) -> Unexpected<E>;

} // namespace Companion
