// Building JSON pointers (RFC 6901) while walking a document.
//
// Promises: pointer_append escapes '~' and '/' in the token, so the result always names exactly the
// child it was built for; "" is the whole document.
#pragma once

#include <cstddef>
#include <string>

namespace conform::spec {

std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, size_t index);
// True if `pointer` is "" or a sequence of "/token" parts with only valid "~0"/"~1" escapes.
bool is_valid_pointer(const std::string& pointer);

}  // namespace conform::spec
