// Plain text from AWS model documentation (HTML in botocore and Smithy).
//
// Promises: never throws. Removes tags, decodes the common entities, collapses whitespace and keeps
// the first sentence (at most 300 characters), which is what spec files carry as `documentation`.
#pragma once

#include <string>

namespace conform::importer {

std::string first_sentence(const std::string& html);

}  // namespace conform::importer
