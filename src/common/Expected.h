// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <expected>

namespace Companion {

/**
 * The result of a fallible synchronous operation: a value, or an error that says what went wrong.
 * An alias rather than our own type, so it behaves exactly as std::expected does.
 */
template <typename T, typename E> using Expected = std::expected<T, E>;

template <typename E> using Unexpected = std::unexpected<E>;

} // namespace Companion
