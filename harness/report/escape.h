// Text made safe for report formats.
//
// Promises: valid_utf8 replaces every invalid UTF-8 sequence by U+FFFD; xml_escape yields text that is
// well-formed XML 1.0 character data and attribute content (escapes & < > " ', replaces control
// characters XML forbids by U+FFFD); html_escape does the same for HTML. truncate_text cuts at a code
// point boundary and says how much was cut. None of them throws.
#pragma once

#include <string>
#include <string_view>

namespace conform::report {

std::string valid_utf8(std::string_view text);
std::string xml_escape(std::string_view text);
std::string html_escape(std::string_view text);
std::string truncate_text(std::string_view text, size_t max_bytes);

}  // namespace conform::report
