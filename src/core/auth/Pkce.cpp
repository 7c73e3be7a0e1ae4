// SPDX-FileCopyrightText: Aries Companion contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/Pkce.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>
#include <cstddef>

namespace Companion::Auth::Pkce {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

/** @p Words 32-bit words from the operating system's generator, never the seedable global one: they guard a sign-in. */
template <std::size_t Words> QString randomBase64Url()
{
    std::array<quint32, Words> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray bytes(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return QString::fromLatin1(bytes.toBase64(kBase64Url));
}

} // namespace

QString generateVerifier()
{
    // 8 words = 32 bytes = 256 bits of entropy, 43 characters: the shortest verifier RFC 7636 §4.1 allows.
    return randomBase64Url<8>();
}

QString challengeFor(const QString &verifier)
{
    // The verifier is ASCII by construction; toLatin1 is the byte-for-byte ASCII(verifier) of RFC 7636 §4.2.
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toBase64(kBase64Url));
}

QString generateState()
{
    // 24 bytes = 192 bits, 32 characters.
    return randomBase64Url<6>();
}

} // namespace Companion::Auth::Pkce
