// Case-independent signatures of failures (see symptom_signature.h).
#include "harness/report/model/symptom_signature.h"

#include <regex>

namespace conform::report {

namespace {

constexpr size_t kMaxSignature = 160;

bool enum_like(const std::string& s) {
  static const std::regex re("[A-Z][A-Z0-9_]{0,39}");
  return std::regex_match(s, re);
}

// "HTTP 200 ..." -> "200"; "no answer (...)" -> "no answer"; anything else unchanged.
std::string status_of(const std::string& observed) {
  static const std::regex re("HTTP ([0-9]{3})");
  std::smatch m;
  if (std::regex_search(observed, m, re)) return m[1].str();
  if (observed.rfind("no answer", 0) == 0) return "no answer";
  return without_case_values(observed);
}

// "com.amazonaws.swf.service.v2.model#TaskTimedOut" -> "TaskTimedOut" (as SDKs resolve the code).
std::string code_of(const std::string& raw) {
  if (raw.empty() || raw[0] == '(') return raw;
  std::string code = raw;
  if (size_t hash = code.find('#'); hash != std::string::npos) code = code.substr(hash + 1);
  if (size_t colon = code.find(':'); colon != std::string::npos) code = code.substr(0, colon);
  if (size_t space = code.find(' '); space != std::string::npos) code = code.substr(0, space);
  return code;
}

std::string clip(std::string s) {
  if (s.size() > kMaxSignature) s = s.substr(0, kMaxSignature - 3) + "...";
  return s;
}

}  // namespace

std::string without_case_values(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char q = text[i];
    if (q != '"' && q != '\'') {
      out += q;
      continue;
    }
    size_t close = text.find(q, i + 1);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    const std::string inner = text.substr(i + 1, close - i - 1);
    out += q + (enum_like(inner) ? inner : std::string("…")) + q;
    i = close;
  }
  static const std::regex arn("arn:[A-Za-z0-9:/_.$*+=@,-]+");
  static const std::regex uuid("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static const std::regex number("[0-9]{5,}(\\.[0-9]+)?");
  out = std::regex_replace(out, arn, "<arn>");
  out = std::regex_replace(out, uuid, "<uuid>");
  out = std::regex_replace(out, number, "<n>");
  return clip(out);
}

std::string symptom_signature(const std::string& facet, const std::string& expected, const std::string& observed) {
  if (facet == "status") return clip("status " + expected + " -> " + status_of(observed));
  if (facet == "error") return clip("error " + expected + " -> " + code_of(observed));
  if (facet == "wire") return clip("wire " + expected + " -> " + observed.substr(0, observed.find(':')));
  if (facet == "message") return "message wording";
  if (facet == "unchanged") return "state changed by a call that should change nothing";
  if (facet == "same-as-first-close") return "answer differs from the first close";
  if (facet == "no-5xx") return clip("5xx (" + observed + ")");
  if (facet == "identity") return "no error identity";
  if (facet == "no-sensitive-echo") return "an @sensitive value echoed in the message";
  if (facet == "items") return "a page holds more items than its page size";
  if (facet == "repeated-token") return "a page token is handed out twice (a client following the tokens loops)";
  if (facet == "empty-pages") return "page tokens keep coming with empty pages";
  if (facet == "shape") {
    static const std::regex detail("\\s*\\([^)]*\\)");
    return clip("output shape: " + without_case_values(std::regex_replace(observed, detail, "")));
  }
  return clip(facet + ": " + without_case_values(expected) + " -> " + without_case_values(observed));
}

}  // namespace conform::report
