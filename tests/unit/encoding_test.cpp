#include "io/encoding.hpp"

#include <catch2/catch.hpp>

using namespace tandem::io;

TEST_CASE("Windows-1252 text becomes UTF-8")
{
  CHECK(windows1252_to_utf8("S\xE4hk\xF6posti") == "S\xC3\xA4hk\xC3\xB6posti"); // Sähköposti
  CHECK(windows1252_to_utf8("\xC5") == "\xC3\x85");                             // Å
  CHECK(windows1252_to_utf8("\x80") == "\xE2\x82\xAC");                         // €
  CHECK(windows1252_to_utf8("\x96") == "\xE2\x80\x93");                         // en dash
  CHECK(windows1252_to_utf8("\x81") == "\xC2\x81"); // undefined in 1252: the C1 control
  CHECK(windows1252_to_utf8("plain") == "plain");
}

TEST_CASE("UTF-8 validation rejects malformed sequences")
{
  CHECK(is_valid_utf8("Sähköposti ✓ 😀"));
  CHECK_FALSE(is_valid_utf8("S\xE4hk\xF6posti")); // Latin-1 bytes
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // a surrogate
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));         // cut short
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // above U+10FFFF
}

TEST_CASE("a leading byte-order mark is stripped")
{
  CHECK(without_bom("\xEF\xBB\xBFid") == "id");
  CHECK(without_bom("id") == "id");
}
