// Structural checks of a botocore model (see botocore_structure.h).
#include "harness/importer/botocore_structure.h"

#include <set>

#include "harness/spec/json_pointer.h"

namespace conform::importer {

namespace {

using spec::pointer_append;

class StructureCheck {
 public:
  StructureCheck(const Json& model, size_t limit) : model_(model), limit_(limit) {}

  std::vector<std::string> run() {
    if (!model_.is_object()) {
      problem("", std::string("a botocore model is a JSON object, found ") + model_.type_name());
      return finish();
    }
    const Json* meta = object_at(model_, "metadata", "");
    const Json* ops = object_at(model_, "operations", "");
    shapes_ = object_at(model_, "shapes", "");
    if (meta && !(meta->contains("protocol") && (*meta)["protocol"].is_string()))
      problem("/metadata/protocol", "the protocol (\"json\" or \"rest-json\") is missing or not a string");
    if (shapes_)
      for (auto it = shapes_->begin(); it != shapes_->end(); ++it) check_shape(it.key(), it.value());
    if (ops)
      for (auto it = ops->begin(); it != ops->end(); ++it) check_operation(it.key(), it.value());
    return finish();
  }

 private:
  void problem(const std::string& pointer, const std::string& what) {
    ++count_;
    if (out_.size() < limit_) out_.push_back((pointer.empty() ? std::string("(document)") : pointer) + ": " + what);
  }

  std::vector<std::string> finish() {
    if (count_ > out_.size()) out_.push_back("... and " + std::to_string(count_ - out_.size()) + " more problem(s)");
    return out_;
  }

  const Json* object_at(const Json& parent, const char* key, const std::string& at) {
    const std::string ptr = pointer_append(at, key);
    if (!parent.contains(key)) {
      problem(ptr, "missing (an object is required)");
      return nullptr;
    }
    if (!parent[key].is_object()) {
      problem(ptr, std::string("expected an object, found ") + parent[key].type_name());
      return nullptr;
    }
    return &parent[key];
  }

  // `holder` has a "shape" naming a defined shape.
  void reference(const Json& holder, const std::string& at) {
    if (!holder.is_object()) {
      problem(at, std::string("expected an object with a \"shape\", found ") + holder.type_name());
      return;
    }
    const std::string ptr = pointer_append(at, "shape");
    if (!holder.contains("shape") || !holder["shape"].is_string()) {
      problem(ptr, "missing or not a string (the name of a shape)");
      return;
    }
    const std::string name = holder["shape"].get<std::string>();
    if (shapes_ && !shapes_->contains(name)) problem(ptr, "refers to shape '" + name + "', which /shapes does not define");
  }

  void check_operation(const std::string& name, const Json& op) {
    const std::string at = pointer_append("/operations", name);
    if (!op.is_object()) {
      problem(at, std::string("an operation is an object, found ") + op.type_name());
      return;
    }
    for (const char* key : {"input", "output"})
      if (op.contains(key)) reference(op[key], pointer_append(at, key));
    if (op.contains("errors")) {
      if (!op["errors"].is_array()) {
        problem(pointer_append(at, "errors"), std::string("expected an array, found ") + op["errors"].type_name());
        return;
      }
      for (size_t i = 0; i < op["errors"].size(); ++i) reference(op["errors"][i], pointer_append(pointer_append(at, "errors"), i));
    }
  }

  void number(const Json& s, const char* key, const std::string& at) {
    if (s.contains(key) && !s[key].is_number()) problem(pointer_append(at, key), std::string("expected a number, found ") + s[key].type_name());
  }

  void check_shape(const std::string& name, const Json& s) {
    const std::string at = pointer_append("/shapes", name);
    if (!s.is_object()) {
      problem(at, std::string("a shape is an object, found ") + s.type_name());
      return;
    }
    static const std::set<std::string> types = {"string", "integer", "long", "double", "float", "boolean", "timestamp",
                                                "blob", "structure", "list", "map"};
    if (!s.contains("type") || !s["type"].is_string() || !types.count(s["type"].get<std::string>())) {
      problem(pointer_append(at, "type"), "missing or not one of string, integer, long, double, float, boolean, timestamp, "
                                          "blob, structure, list, map");
      return;
    }
    number(s, "min", at);
    number(s, "max", at);
    if (s.contains("pattern") && !s["pattern"].is_string()) problem(pointer_append(at, "pattern"), "expected a string");
    if (s.contains("enum")) {
      bool strings = s["enum"].is_array();
      if (strings)
        for (const Json& e : s["enum"]) strings = strings && e.is_string();
      if (!strings) problem(pointer_append(at, "enum"), "expected an array of strings");
    }
    const std::string type = s["type"].get<std::string>();
    if (type == "structure") check_structure(s, at);
    if (type == "list") {
      if (!s.contains("member")) problem(pointer_append(at, "member"), "missing (a list names its element shape)");
      else reference(s["member"], pointer_append(at, "member"));
    }
    if (type == "map") {
      for (const char* key : {"key", "value"}) {
        if (!s.contains(key)) problem(pointer_append(at, key), "missing (a map names its key and value shapes)");
        else reference(s[key], pointer_append(at, key));
      }
    }
  }

  void check_structure(const Json& s, const std::string& at) {
    std::set<std::string> names;
    if (s.contains("members")) {
      if (!s["members"].is_object()) {
        problem(pointer_append(at, "members"), std::string("expected an object, found ") + s["members"].type_name());
      } else {
        for (auto it = s["members"].begin(); it != s["members"].end(); ++it) {
          names.insert(it.key());
          reference(it.value(), pointer_append(pointer_append(at, "members"), it.key()));
        }
      }
    }
    if (!s.contains("required")) return;
    const std::string ptr = pointer_append(at, "required");
    if (!s["required"].is_array()) {
      problem(ptr, std::string("expected an array of member names, found ") + s["required"].type_name());
      return;
    }
    for (size_t i = 0; i < s["required"].size(); ++i) {
      const Json& r = s["required"][i];
      if (!r.is_string()) problem(pointer_append(ptr, i), "expected a member name");
      else if (!names.count(r.get<std::string>())) problem(pointer_append(ptr, i), "'" + r.get<std::string>() + "' is not a member");
    }
  }

  const Json& model_;
  size_t limit_;
  const Json* shapes_ = nullptr;
  std::vector<std::string> out_;
  size_t count_ = 0;
};

}  // namespace

std::vector<std::string> botocore_structure_problems(const Json& model, size_t limit) {
  return StructureCheck(model, limit).run();
}

}  // namespace conform::importer
