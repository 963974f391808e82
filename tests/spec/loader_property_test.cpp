// Properties: the loader never crashes or throws on arbitrary bytes or mutated specs, and either loads
// or reports errors that each name a file and carry a message.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "harness/spec/json_pointer.h"
#include "harness/spec/loader.h"
#include "tests/spec/spec_files.h"

namespace conform::spec {
namespace {

const std::vector<EmbeddedFile>& minimal() {
  static const std::vector<EmbeddedFile> files =
      testing_support::read_spec_files(std::string(CONFORM_SOURCE_DIR) + "/tests/spec/valid/minimal");
  return files;
}

void assert_well_formed(const LoadResult& r) {
  RC_ASSERT(r.ok() == r.errors.empty());
  for (const SpecError& e : r.errors) {
    RC_ASSERT(!e.file.empty());
    RC_ASSERT(!e.message.empty());
  }
}

// All JSON pointers of `doc` (objects' keys and arrays' elements), in document order.
void collect_paths(const Json& v, const std::string& at, std::vector<std::string>& out) {
  out.push_back(at);
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) collect_paths(it.value(), pointer_append(at, it.key()), out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) collect_paths(v[i], pointer_append(at, i), out);
  }
}

Json mutate(Json doc, size_t pick, int action, const std::string& garbage) {
  std::vector<std::string> paths;
  collect_paths(doc, "", paths);
  const std::string path = paths[pick % paths.size()];
  if (path.empty()) return doc;
  Json::json_pointer ptr(path);
  Json& target = doc[ptr];
  Json& parent = doc[ptr.parent_pointer()];
  switch (action) {
    case 0:  // delete the value
      if (parent.is_object()) parent.erase(ptr.back());
      else parent.erase(static_cast<size_t>(std::stoul(ptr.back())));
      break;
    case 1: target = 42; break;
    case 2: target = garbage; break;
    case 3: target = Json::array({garbage, nullptr, true}); break;
    case 4: target = Json::object({{garbage, garbage}}); break;
    case 5: target = nullptr; break;
    default:
      if (target.is_object()) target[garbage] = "${" + garbage + "}";
      else target = "${" + garbage;
  }
  return doc;
}

RC_GTEST_PROP(LoaderProperty, ArbitraryBytesNeverCrash, (const std::string& bytes, bool as_new_file, size_t which)) {
  std::vector<EmbeddedFile> files = minimal();
  if (as_new_file) files.push_back({"demo/Fuzzed.json", bytes});
  else files[which % files.size()].content = bytes;
  LoadResult r = load_spec_files(files);
  assert_well_formed(r);
  RC_ASSERT(!r.ok() || !as_new_file || bytes.find("Fuzzed") != std::string::npos);
}

RC_GTEST_PROP(LoaderProperty, MutatedSpecsNeverCrash, ()) {
  std::vector<EmbeddedFile> files = minimal();
  const size_t which = *rc::gen::inRange<size_t>(0, files.size());
  const int mutations = *rc::gen::inRange(1, 4);
  Json doc = Json::parse(files[which].content);
  for (int i = 0; i < mutations; ++i) {
    const size_t pick = *rc::gen::arbitrary<size_t>();
    const int action = *rc::gen::inRange(0, 7);
    const std::string garbage = *rc::gen::oneOf(rc::gen::arbitrary<std::string>(), rc::gen::element<std::string>(
        "thingId", "name", "kind", "operation", "Poke", "thing", "[", "(?", "min", "max", "closed", "valid"));
    doc = mutate(std::move(doc), pick, action, garbage);
  }
  files[which].content = doc.dump(2, ' ', false, Json::error_handler_t::replace);
  assert_well_formed(load_spec_files(files));
}

RC_GTEST_PROP(LoaderProperty, TextEditsNeverCrash, (size_t position, const std::string& insert, size_t erase)) {
  std::vector<EmbeddedFile> files = minimal();
  EmbeddedFile& f = files[position % files.size()];
  const size_t at = position % (f.content.size() + 1);
  f.content.erase(at, erase % 8);
  f.content.insert(std::min(at, f.content.size()), insert);
  assert_well_formed(load_spec_files(files));
}

TEST(LoaderProperty, TheUnmutatedBaseLoads) {
  LoadResult r = load_spec_files(minimal());
  ASSERT_TRUE(r.ok()) << r.errors[0].to_string();
}

}  // namespace
}  // namespace conform::spec
