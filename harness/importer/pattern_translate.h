// Translating AWS model patterns (Java regex syntax, as Coral evaluates them) into the spec format's
// ECMAScript patterns (std::regex, matched against the whole value).
//
// Promises: never throws. Strips one leading '^' and trailing '$' (the spec matches whole values);
// turns \p{Alpha}-style classes into POSIX bracket classes, \A/\z into anchors, possessive quantifiers
// and atomic groups into plain ones, named groups into plain groups, a literal '-' right after a range
// in a class into "\-". Lookbehind, inline flags, \P{..} inside a class and class intersection have no
// std::regex equivalent: the result then has no pattern and says why. A returned pattern compiles.
#pragma once

#include <optional>
#include <string>

namespace conform::importer {

struct PatternTranslation {
  std::optional<std::string> pattern;  // ECMAScript, whole-value semantics
  std::string problem;                 // set iff pattern is empty
};

PatternTranslation translate_pattern(const std::string& model_pattern);

}  // namespace conform::importer
