// What the structure-aware mutator knows about the spec'd operations: how a request for each one looks
// in a request script (fuzz/support/request_script.h), which members it has with their value classes
// (type, length bounds, enum, where they travel), which placeholders the emulator's answers bind, and
// which operations are siblings on the same fixture (and which of them close it).
//
// The catalog holds the operations of spec::builtin_specs() the emulator implements
// (Emulator::implements): every other one is answered UnknownOperationException before its input is
// read, one path that no mutation widens (with 161 spec'd operations and ~30 implemented, inserting
// or swapping in an unimplemented one was most of those mutations).
//
// Promises: built once; never throws; find() recognises a step written for a catalog operation
// (awsJson X-Amz-Target, or restJson method + URI template) and returns nullptr otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fuzz/support/request_script.h"
#include "harness/spec/model.h"

namespace conform::fuzz {

struct CatalogOp {
  const spec::Service* service = nullptr;
  const spec::Operation* op = nullptr;
  std::string fixture;                 // lifecycle fixture ("" when none)
  bool closes = false;
  bool rest = false;
};

class OpCatalog {
 public:
  static const OpCatalog& get();

  const std::vector<CatalogOp>& ops() const { return ops_; }
  const CatalogOp* find(const ScriptStep& step) const;
  std::vector<const CatalogOp*> siblings(const CatalogOp& op) const;  // same service + fixture, not itself
  // The placeholder a member is bound to ("taskToken", "X-Amz-Durable-Execution-Arn", ...), or "".
  static std::string placeholder_for(const spec::Member& member);
  // A step calling `op` with `input` (members by name; labels percent-encoded unless a {{x%}} placeholder).
  static ScriptStep make_step(const CatalogOp& op, const spec::Json& input);
  // The input a step carries for its operation (JSON body members + labels + headers), best effort.
  static spec::Json input_of(const CatalogOp& op, const ScriptStep& step);

 private:
  OpCatalog();
  std::vector<CatalogOp> ops_;
};

}  // namespace conform::fuzz
