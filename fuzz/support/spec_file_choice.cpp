#include "fuzz/support/spec_file_choice.h"

namespace conform::fuzz {

std::optional<SpecFileChoice> choose_spec_file(std::string_view bytes, const std::vector<spec::EmbeddedFile>& builtin) {
  if (bytes.size() < 2 || builtin.empty()) return std::nullopt;
  const unsigned n = static_cast<unsigned char>(bytes[0]) << 8 | static_cast<unsigned char>(bytes[1]);
  SpecFileChoice choice;
  choice.content = std::string(bytes.substr(2));
  if (n % 2 == 1) {
    choice.replaced = &builtin[(n / 2) % builtin.size()];
    choice.path = choice.replaced->path;
  } else {
    choice.path = kNewSpecFilePath;
  }
  return choice;
}

}  // namespace conform::fuzz
