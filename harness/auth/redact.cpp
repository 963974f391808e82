// Hand-written scanners (no std::regex: libstdc++'s regex recurses per character and overflows the
// stack on large bodies).
#include "harness/auth/redact.h"

#include <cctype>
#include <cstring>

namespace conform::auth {

namespace {

const char* kSecretHeaders[] = {"X-Amz-Security-Token", "X-Amz-Credential", "X-Amz-Signature", "Cookie",
                                "Proxy-Authorization"};

size_t find_icase(const std::string& text, std::string_view needle, size_t from) {
  if (needle.empty() || text.size() < needle.size()) return std::string::npos;
  const char first = http::ascii_lower(needle[0]);
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    if (http::ascii_lower(text[i]) != first) continue;
    size_t k = 1;
    while (k < needle.size() && http::ascii_lower(text[i + k]) == http::ascii_lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string::npos;
}

bool is_stop(char c, const char* stops) { return std::isspace(static_cast<unsigned char>(c)) || std::strchr(stops, c); }

// Replaces the value following each `marker` (after optional separators `seps`) up to a stop character.
std::string redact_after(std::string text, std::string_view marker, const char* seps, const char* stops) {
  size_t pos = 0;
  while ((pos = find_icase(text, marker, pos)) != std::string::npos) {
    size_t v = pos + marker.size();
    while (v < text.size() && (std::strchr(seps, text[v]) || text[v] == ' ' || text[v] == '\t')) ++v;
    size_t e = v;
    while (e < text.size() && text[e] != '\0' && !is_stop(text[e], stops)) ++e;
    if (e > v && text.compare(v, e - v, kRedacted) != 0) text.replace(v, e - v, kRedacted);
    pos = v + 1;
  }
  return text;
}

std::string redact_key_ids(std::string text) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i + 20 <= text.size(); ++i) {
    if (text.compare(i, 4, "AKIA") != 0 && text.compare(i, 4, "ASIA") != 0) continue;
    if (i > 0 && word(text[i - 1])) continue;
    bool ok = true;
    for (size_t k = i + 4; k < i + 20 && ok; ++k)
      ok = std::isupper(static_cast<unsigned char>(text[k])) || std::isdigit(static_cast<unsigned char>(text[k]));
    if (!ok || (i + 20 < text.size() && word(text[i + 20]))) continue;
    text.replace(i, 20, kRedacted);
  }
  return text;
}

std::string replace_all(std::string text, const std::string& needle) {
  if (needle.size() < 4) return text;  // too short to be a credential; would mangle ordinary text
  size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    text.replace(pos, needle.size(), kRedacted);
    pos += std::strlen(kRedacted);
  }
  return text;
}

}  // namespace

std::string redact_authorization(std::string_view value) { return redact(value); }

http::Headers redact_headers(const http::Headers& headers) {
  http::Headers out;
  for (const auto& [name, value] : headers.all()) {
    bool secret = false;
    for (const char* s : kSecretHeaders) secret = secret || http::iequals(name, s);
    if (secret) out.add(name, kRedacted);
    else if (http::iequals(name, "Authorization")) out.add(name, redact_authorization(value));
    else out.add(name, value);
  }
  return out;
}

std::string redact(std::string_view text_in, const std::vector<std::string>& secrets) {
  try {
    std::string text(text_in);
    for (const auto& s : secrets) text = replace_all(std::move(text), s);
    text = redact_after(std::move(text), "Signature=", "", ",&\"';");
    text = redact_after(std::move(text), "Credential=", "", "/,&\"';");
    for (const char* marker : {"X-Amz-Security-Token", "X-Amz-Credential", "aws_secret_access_key",
                               "aws_session_token", "aws_security_token", "SecretAccessKey", "SessionToken"})
      text = redact_after(std::move(text), marker, ":=\"'", "\"',&;");
    return redact_key_ids(std::move(text));
  } catch (...) {
    return kRedacted;
  }
}

}  // namespace conform::auth
