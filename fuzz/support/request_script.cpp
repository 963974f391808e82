#include "fuzz/support/request_script.h"

#include <cstdlib>

namespace conform::fuzz {
namespace {

std::vector<std::string_view> split_blocks(std::string_view bytes) {
  std::vector<std::string_view> blocks;
  size_t start = 0;
  while (start <= bytes.size() && blocks.size() < kMaxSteps) {
    size_t sep = bytes.find("\n%%\n", start);
    if (sep == std::string_view::npos) {
      blocks.push_back(bytes.substr(start));
      break;
    }
    blocks.push_back(bytes.substr(start, sep - start));
    start = sep + 4;
  }
  return blocks;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<ScriptStep> parse_block(std::string_view block) {
  ScriptStep step;
  size_t eol = block.find('\n');
  std::string_view first = trim(block.substr(0, eol));
  if (first.rfind("@advance", 0) == 0) {
    step.is_advance = true;
    std::string num(trim(first.substr(8)));
    char* end = nullptr;
    double v = std::strtod(num.c_str(), &end);
    if (!(v >= 0 && v <= 100000)) v = 0;  // also rejects NaN
    step.advance_seconds = v;
    return step;
  }
  size_t sp = first.find(' ');
  if (sp == std::string_view::npos || sp == 0) return std::nullopt;
  step.method = std::string(first.substr(0, sp));
  step.target = std::string(trim(first.substr(sp + 1)));
  if (step.target.empty()) step.target = "/";
  if (eol == std::string_view::npos) return step;
  std::string_view rest = block.substr(eol + 1);
  while (true) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (trim(line).empty()) {
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      break;
    }
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && colon > 0)
      step.headers.emplace_back(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
    if (nl == std::string_view::npos) {
      rest = std::string_view();
      break;
    }
    rest = rest.substr(nl + 1);
  }
  step.body = std::string(rest.substr(0, kMaxBody));
  return step;
}

}  // namespace

std::vector<ScriptStep> parse_script(std::string_view bytes) {
  std::vector<ScriptStep> steps;
  for (auto block : split_blocks(bytes))
    if (auto s = parse_block(block)) steps.push_back(std::move(*s));
  return steps;
}

std::optional<ScriptStep> parse_step(std::string_view bytes) { return parse_block(bytes); }

std::string render_script(const std::vector<ScriptStep>& steps) {
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i) {
    if (i) out += "\n%%\n";
    const auto& s = steps[i];
    if (s.is_advance) {
      out += "@advance " + std::to_string(s.advance_seconds);
      continue;
    }
    out += s.method + " " + s.target + "\n";
    for (const auto& [k, v] : s.headers) out += k + ": " + v + "\n";
    out += "\n" + s.body;
  }
  return out;
}

std::optional<http::Request> to_request(const ScriptStep& step, const Bindings& bindings) {
  if (step.is_advance) return std::nullopt;
  auto split = http::split_target(bindings.substitute(step.target));
  if (!split) return std::nullopt;
  http::Request req;
  req.method = step.method;
  req.path = split->first;
  req.query = split->second;
  for (const auto& [k, v] : step.headers) req.headers.add(k, bindings.substitute(v));
  req.body = bindings.substitute(step.body);
  return req;
}

}  // namespace conform::fuzz
