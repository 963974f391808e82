// pagination: an operation that pages its results (spec Pagination) honours the page size and its
// tokens lead to the end. On live resources (two fixture instances for a List operation, so there is
// more than one item to page through), the check walks the pages with a small page size and judges
//   page-size    every page holds at most the requested number of items (provenance of the pagination:
//                model, the page size member documents the page maximum);
//   terminates   no token is handed out twice (a client following it would loop), and a walk does not
//                go on with empty pages for kMaxEmptyPages pages (documented: a token means more results);
//   invalid-token a token the target never issued is refused with a 4xx error (the operation's
//                InvalidToken-like error when it models one, [model]; else any 4xx, [inferred]).
// A walk stops after kMaxPages pages without a verdict on termination (the list may be long).
#include <set>

#include "harness/gen/valid_input.h"
#include "harness/oracle/check_support.h"
#include "harness/oracle/checks.h"

namespace conform::oracle {

namespace {

constexpr int kMaxPages = 25;
constexpr int kMaxEmptyPages = 10;

bool is_list(const spec::Operation& op) { return op.name.rfind("List", 0) == 0; }

// The case's valid input (required members the lifecycle does not bind, such as SWF's
// registrationStatus) with the lifecycle's binding; `required_only` leaves out optional members (a
// List's stateMachineArn filter would narrow the listing to one fixture's single item).
Json binding(const spec::Operation& op, const Json& generated, const fixture::Variables& vars, bool required_only) {
  Json input = bind_input(op, generated, vars);
  input.erase(op.pagination->input_token);  // the walk sets it
  if (required_only)
    for (const auto& m : op.input.members)
      if (!m.required) input.erase(m.name);
  return input;
}

const spec::ErrorSpec* invalid_token_error(const spec::Operation& op) {
  for (const auto& e : op.errors)
    if (e.name.find("Token") != std::string::npos || e.name.find("Marker") != std::string::npos) return &e;
  return nullptr;
}

std::string token_of(const protocol::DecodedResponse& r, const std::string& member) {
  const Json body = r.body ? *r.body : r.output;
  if (!body.is_object() || !body.contains(member) || !body[member].is_string()) return "";
  return body[member].get<std::string>();
}

size_t items_of(const protocol::DecodedResponse& r, const std::string& member) {
  const Json body = r.body ? *r.body : r.output;
  if (!body.is_object() || !body.contains(member) || !body[member].is_array()) return 0;
  return body[member].size();
}

CaseResult run_pagination(const Scope& scope, const Json& c, Session& session) {
  CaseBuilder b("pagination", scope, session, c);
  const spec::Operation& op = scope.op;
  const spec::Pagination& p = *op.pagination;
  std::optional<fixture::Instance> inst;
  if (op.lifecycle) {
    inst = b.acquire(op.lifecycle->fixture);
    if (!inst) return b.finish();
    if (is_list(op) && !b.acquire(op.lifecycle->fixture)) return b.finish();
  }
  const fixture::Variables vars = inst ? inst->vars : session.fixtures.builtins();
  b.set_context("pagination");
  const int page_size = c.value("pageSize", 1);
  // Unfiltered first; an operation that needs one of its optional filters (ListExecutions: a state
  // machine or a map run) refuses that with a 4xx, and is then listed as its lifecycle binds it.
  bool required_only = true;
  const Json generated = c.value("input", Json::object());
  Json input = binding(op, generated, vars, true);
  input[p.page_size] = page_size;
  int idx = -1;
  auto r = b.call(op, input, "probe", &idx);
  Json full = binding(op, generated, vars, false);
  full[p.page_size] = page_size;
  if (!r.ok() && !r.transport_error && r.status < 500 && full != input) {
    required_only = false;
    input = full;
    r = b.call(op, input, "probe", &idx);
  }

  std::set<std::string> tokens;
  int empty_in_a_row = 0;
  for (int page = 0; page < kMaxPages; ++page) {
    if (page > 0) r = b.call(op, input, "probe", &idx);
    if (!r.ok()) {
      b.judge(false, "walk", "status", spec::Provenance::Inferred, "2xx for page " + std::to_string(page + 1),
              describe_answer(r), idx);
      return b.finish();
    }
    const size_t n = items_of(r, p.items);
    b.judge(n <= static_cast<size_t>(page_size), "page-size", "items", p.provenance,
            "at most " + std::to_string(page_size) + " " + p.items + " (" + p.page_size + "=" + std::to_string(page_size) + ")",
            std::to_string(n) + " " + p.items + " on page " + std::to_string(page + 1), idx);
    const std::string token = token_of(r, p.output_token);
    if (token.empty()) break;
    if (!tokens.insert(token).second) {
      b.judge(false, "terminates", "repeated-token", spec::Provenance::Documented, "a new " + p.output_token + " on every page",
              "page " + std::to_string(page + 1) + " hands out a " + p.output_token + " given before (the walk loops)", idx);
      break;
    }
    empty_in_a_row = n == 0 ? empty_in_a_row + 1 : 0;
    if (empty_in_a_row >= kMaxEmptyPages) {
      b.judge(false, "terminates", "empty-pages", spec::Provenance::Inferred, "a token leads to more results",
              std::to_string(empty_in_a_row) + " empty pages in a row, each with a " + p.output_token, idx);
      break;
    }
    input[p.input_token] = token;
  }

  Json bad = binding(op, generated, vars, required_only);
  bad[p.input_token] = "conform-never-issued-token";
  r = b.call(op, bad, "probe", &idx);
  if (const spec::ErrorSpec* e = invalid_token_error(op)) {
    const std::string observed = r.ok() ? "success" : r.error ? r.error->code : describe_answer(r);
    b.judge(!r.ok() && r.error && r.error->code == e->name, "invalid-token", "error", e->provenance, e->name, observed, idx);
  } else {
    b.judge(!r.transport_error && r.status >= 400 && r.status < 500, "invalid-token", "status", spec::Provenance::Inferred,
            "a 4xx", describe_answer(r), idx);
  }
  return b.finish();
}

}  // namespace

CheckDef make_pagination_check() {
  CheckDef d;
  d.name = "pagination";
  d.description = "Pages hold at most the requested number of items, tokens lead to the end without looping, and a "
                  "never-issued token is refused.";
  d.not_applicable = [](const Scope& scope) -> std::optional<std::string> {
    if (!scope.op.pagination) return "the operation does not page its results";
    if (!scope.op.lifecycle) return "no lifecycle says what to list";
    const spec::Rule* valid = rule_for(scope.op, spec::Situation::Valid);
    if (valid && !valid->expect.success()) return "the valid rule expects an error";
    return std::nullopt;
  };
  d.generate = [](const Scope& scope) {
    int max = 3;
    if (scope.op.pagination && scope.op.pagination->max_page_size) max = static_cast<int>(std::min<int64_t>(3, *scope.op.pagination->max_page_size));
    const spec::Operation* op = &scope.op;
    return rc::gen::map(rc::gen::pair(rc::gen::inRange(1, std::max(1, max) + 1), gen::valid_input(*op)),
                        [](const std::pair<int, Json>& p) { return Json{{"pageSize", p.first}, {"input", p.second}}; });
  };
  d.run = run_pagination;
  return d;
}

}  // namespace conform::oracle
