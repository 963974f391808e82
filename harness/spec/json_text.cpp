// Parsing JSON text with precise error positions (see json_text.h).
#include "harness/spec/json_text.h"

#include <set>
#include <vector>

#include "harness/spec/json_pointer.h"

namespace conform::spec {

using Json = nlohmann::ordered_json;

namespace {

constexpr int kMaxNesting = 64;

std::string position_of(const std::string& text, size_t byte) {
  // nlohmann reports the 1-based index of the last character read.
  size_t end = byte == 0 ? 0 : std::min(byte - 1, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string reason_of(const std::string& what) {
  // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while ..."
  size_t at = what.find(": ");
  if (what.rfind("[json.exception", 0) == 0 && at != std::string::npos) return what.substr(at + 2);
  return what;
}

// Tracks where the parser is, to name duplicate keys and excessive nesting by pointer.
class Tracker {
 public:
  bool on_event(int depth, nlohmann::detail::parse_event_t event, const Json& parsed) {
    using E = nlohmann::detail::parse_event_t;
    switch (event) {
      case E::object_start:
      case E::array_start:
        if (static_cast<int>(frames_.size()) >= kMaxNesting && problem_.empty()) {
          problem_ = "the document is nested more than " + std::to_string(kMaxNesting) + " levels deep";
          problem_pointer_ = path();
        }
        frames_.push_back({event == E::object_start, {}, "", 0, false});
        break;
      case E::key:
        if (!frames_.empty() && parsed.is_string()) {
          Frame& f = frames_.back();
          if (!f.keys.insert(parsed.get<std::string>()).second && problem_.empty()) {
            f.key = parsed.get<std::string>();
            problem_pointer_ = path();
            problem_ = "key '" + f.key + "' appears twice in the same object; keys must be unique";
          }
          f.key = parsed.get<std::string>();
        }
        break;
      case E::object_end:
      case E::array_end:
        if (!frames_.empty()) frames_.pop_back();
        element_done();
        break;
      case E::value:
        element_done();
        break;
    }
    (void)depth;
    return true;
  }
  const std::string& problem() const { return problem_; }
  const std::string& problem_pointer() const { return problem_pointer_; }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    size_t index;
    bool unused;
  };
  void element_done() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }
  std::string path() const {
    std::string p;
    for (const Frame& f : frames_) p = f.object ? pointer_append(p, f.key) : pointer_append(p, f.index);
    return p;
  }
  std::vector<Frame> frames_;
  std::string problem_;
  std::string problem_pointer_;
};

}  // namespace

JsonTextResult parse_json_text(const std::string& text) {
  JsonTextResult result;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    result.error = "the file is empty; a spec file must hold one JSON object with \"kind\": \"service\" or \"operation\"";
    return result;
  }
  Tracker tracker;
  try {
    Json doc = Json::parse(
        text, [&tracker](int depth, nlohmann::detail::parse_event_t event, Json& parsed) {
          return tracker.on_event(depth, event, parsed);
        });
    if (!tracker.problem().empty()) {
      result.error = tracker.problem();
      result.error_pointer = tracker.problem_pointer();
      return result;
    }
    result.document = std::move(doc);
  } catch (const Json::parse_error& e) {
    result.error = "invalid JSON at " + position_of(text, e.byte) + ": " + reason_of(e.what());
    if (result.error.find("unexpected string literal; expected '}'") != std::string::npos ||
        result.error.find("expected ']'") != std::string::npos) {
      result.error += " (is a ',' missing before it?)";
    }
  } catch (const std::exception& e) {
    result.error = std::string("the file could not be read as JSON: ") + e.what();
  }
  return result;
}

}  // namespace conform::spec
