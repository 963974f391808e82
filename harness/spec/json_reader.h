// Typed, forgiving access to the keys of a spec document.
//
// Promises: never throws. A key that is absent yields the default; a key with the wrong JSON type
// yields the default and reports an error at the key's pointer, so the model builder cannot crash on
// documents the schema let through.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/spec/diagnostics.h"
#include "harness/spec/model.h"

namespace conform::spec {

class JsonReader {
 public:
  explicit JsonReader(const Diagnostics& diag) : diag_(diag) {}

  // The value of `key` in `obj` (nullptr when absent or `obj` is not an object).
  const Json* find(const Json& obj, const std::string& key) const;
  std::optional<std::string> string(const Json& obj, const std::string& key, const std::string& ptr) const;
  std::string string_or(const Json& obj, const std::string& key, const std::string& ptr, const std::string& def) const;
  bool boolean_or(const Json& obj, const std::string& key, const std::string& ptr, bool def) const;
  std::optional<int64_t> integer(const Json& obj, const std::string& key, const std::string& ptr) const;
  std::vector<std::string> strings(const Json& obj, const std::string& key, const std::string& ptr) const;
  // An object's value (nullptr + error when present but not an object).
  const Json* object(const Json& obj, const std::string& key, const std::string& ptr) const;
  const Json* array(const Json& obj, const std::string& key, const std::string& ptr) const;
  Provenance provenance_or(const Json& obj, const std::string& key, const std::string& ptr, Provenance def) const;

  const Diagnostics& diag() const { return diag_; }

 private:
  void wrong_type(const std::string& ptr, const std::string& key, const char* expected, const Json& found) const;
  const Diagnostics& diag_;
};

}  // namespace conform::spec
