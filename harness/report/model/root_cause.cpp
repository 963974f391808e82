// Grouping symptoms into headline findings (see root_cause.h).
#include "harness/report/model/root_cause.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>

#include "harness/report/model/fingerprint.h"
#include "harness/report/model/symptom_signature.h"

namespace conform::report {

namespace {

std::string service_of(const std::string& op) { return op.substr(0, op.find('.')); }
std::string name_of(const std::string& op) {
  size_t dot = op.find('.');
  return dot == std::string::npos ? op : op.substr(dot + 1);
}

bool is_closed_class(const std::string& situation) {
  return situation == "closed" || situation == "timed-out" || situation == "concurrent-close";
}

bool is_constraint(const std::string& situation) {
  static const std::set<std::string> constraints = {"missing-required", "length-below-min", "length-above-max",
                                                    "pattern-mismatch", "enum-mismatch",   "range-violation",
                                                    "wrong-type"};
  return constraints.count(situation) > 0;
}

bool is_answer_facet(const std::string& facet) {
  return facet == "status" || facet == "error" || facet == "rejected";
}

// The observed side of a signature says a call succeeded: "-> 2xx", no error identity on a success, or
// several concurrent closes that all succeeded.
bool observed_success(const FailureRecord& f) {
  if (f.facet == "status") {
    size_t arrow = f.signature.rfind("-> ");
    return arrow != std::string::npos && f.signature.compare(arrow + 3, 1, "2") == 0;
  }
  if (f.facet == "error") return f.signature.find("-> (no error identity)") != std::string::npos;
  if (f.facet == "single-winner") return std::atoi(f.observed.c_str()) >= 2;  // "4 of 4 succeeded"
  return f.facet == "unchanged" || f.facet == "same-as-first-close";
}

// A symptom seen after a close that says the resource is still open.
bool still_open(const FailureRecord& f) {
  if (f.closed_by.empty()) return false;
  if (f.situation == "state") return true;
  return observed_success(f);
}

// "400 ValidationException" -> "ValidationException"; the answer the rule expects, without its status.
std::string expected_answer(const FailureRecord& f) {
  size_t i = 0;
  while (i < f.expected.size() && (std::isdigit(static_cast<unsigned char>(f.expected[i])) || f.expected[i] == ' ')) ++i;
  return i < f.expected.size() ? f.expected.substr(i) : f.expected;
}

// "HTTP 400 com.amazon.coral.validate#ValidationException: ..." or a raw identity -> "ValidationException".
std::string observed_code(const FailureRecord& f) {
  std::string text = f.observed;
  if (size_t http = text.find("HTTP "); http != std::string::npos) text = text.size() > http + 9 ? text.substr(http + 9) : "";
  size_t end = text.find_first_of(": ");
  std::string raw = text.substr(0, end);
  if (size_t hash = raw.find('#'); hash != std::string::npos) raw = raw.substr(hash + 1);
  return raw;
}

bool observed_server_error(const FailureRecord& f) {
  if (f.facet == "no-5xx") return true;
  if (f.observed.rfind("HTTP 5", 0) == 0) return true;
  size_t arrow = f.signature.rfind("-> ");
  return arrow != std::string::npos && f.signature.compare(arrow + 3, 1, "5") == 0;
}

const char* const kValidationError = "ValidationException";

std::string situation_class(const std::string& situation) { return is_closed_class(situation) ? "closed" : situation; }

// What the target did, as one behaviour: the same deviation seen through different facets, situations
// or operations is one behaviour (root_cause.h). `kind` replaces the situation in cause keys;
// `everywhere`: the behaviour belongs to a layer every service shares (validation).
struct Behaviour {
  std::string kind, text;
  bool everywhere = false;
};

Behaviour behaviour(const FailureRecord& f) {
  const bool validation = is_constraint(f.situation) || (is_answer_facet(f.facet) && expected_answer(f) == kValidationError);
  if (observed_server_error(f)) return {"any", "a server error (5xx)", false};
  if (f.facet == "no-sensitive-echo") return {"validation", f.signature, true};
  if (f.facet == "message" && validation) return {"validation", "validation messages worded otherwise", true};
  if (f.facet == "shape") return {"any", f.signature, false};
  if (f.facet == "wire") {
    // The wire spelling of error identities, whatever the situation: one behaviour of the encoder.
    const bool bare = f.observed.find('#') == std::string::npos && f.expected.find('#') != std::string::npos;
    return {"wire", bare ? "error identities sent without their namespace" : "error identities spelled otherwise on the wire",
            false};
  }
  if (f.facet == "items") return {"pagination", f.signature, false};
  if (validation && is_answer_facet(f.facet)) return {"validation", std::string("not answered ") + kValidationError, true};
  if (f.facet == "status" && !expected_answer(f).empty() && observed_code(f) == expected_answer(f)) {
    const std::string status = f.observed.size() >= 8 ? f.observed.substr(5, 3) : f.observed;
    return {"any", expected_answer(f) + " is sent with HTTP " + status + " (" + f.expected.substr(0, f.expected.find(' ')) +
                       " expected)", false};
  }
  if (is_answer_facet(f.facet) && observed_code(f) == kValidationError)
    return {"validation", std::string("valid values refused with ") + kValidationError, true};
  if ((f.facet == "all-succeed" || f.facet == "single-winner") && f.observed.find(kValidationError) != std::string::npos)
    return {"validation", std::string("valid values refused with ") + kValidationError, true};
  if (is_closed_class(f.situation) && observed_success(f)) return {"closed", "accepted after a close", false};
  return {situation_class(f.situation), f.signature, false};
}

struct Cause {
  std::string key;
  std::string kind;  // see root_cause.h
  int specificity = 0;  // operation 2, close-without-effect 1, across-operations 0
};

std::vector<Cause> causes_of(const FailureRecord& f) {
  const std::string blamed = f.blamed.empty() ? f.operation : f.blamed;
  const Behaviour b = behaviour(f);
  const std::string what = b.kind + "|" + f.tier + "|" + b.text;
  std::vector<Cause> out;
  out.push_back({"operation|" + blamed + "|" + what, "operation", 2});
  if (still_open(f)) out.push_back({"close-without-effect|" + f.closed_by, "close-without-effect", 1});
  // Validation is one layer for every operation of every service (Coral in AWS, one validator in
  // emulators); other behaviours are grouped within a service.
  const std::string scope = b.everywhere ? std::string("*") : service_of(blamed);
  out.push_back({"across-operations|" + scope + "|" + what, "across-operations", 0});
  return out;
}

std::string situation_words(const std::string& s) {
  static const std::map<std::string, std::string> words = {
      {"valid", "Valid requests"},
      {"closed", "Calls after a close (or a timeout)"},
      {"timed-out", "Calls after a timeout"},
      {"concurrent-close", "Concurrent closes"},
      {"unknown-resource", "Identifiers that were never issued"},
      {"malformed-identifier", "Malformed identifiers"},
      {"missing-required", "Requests missing a required member"},
      {"length-below-min", "Values shorter than the modeled minimum"},
      {"length-above-max", "Values longer than the modeled maximum"},
      {"pattern-mismatch", "Values that break the modeled pattern"},
      {"enum-mismatch", "Values outside the modeled enum"},
      {"range-violation", "Numbers outside the modeled range"},
      {"wrong-type", "Values of the wrong JSON type"},
      {"state", "The state read back"},
      {"pagination", "Paging"},
      {"malformed-json", "Malformed JSON bodies"},
      {"body-not-object", "JSON bodies that are not objects"},
      {"wrong-content-type", "Requests with a wrong content type"},
      {"unknown-operation", "Unknown operations"},
      {"target-case-mismatch", "X-Amz-Target with the wrong case"},
      {"unencoded-label", "Unencoded URI labels"},
      {"any", "Answers"},
  };
  auto it = words.find(s);
  return it == words.end() ? (s.empty() ? std::string("Answers") : s) : it->second;
}

std::string readable(const std::string& signature) {
  size_t arrow = signature.find(" -> ");
  if (arrow == std::string::npos) return signature;
  return signature.substr(0, arrow) + " expected, got " + signature.substr(arrow + 4);
}

std::string list_of(const std::vector<std::string>& ops) {
  std::string out;
  for (size_t i = 0; i < ops.size() && i < 4; ++i) out += (i ? ", " : "") + name_of(ops[i]);
  if (ops.size() > 4) out += " and " + std::to_string(ops.size() - 4) + " more";
  return out;
}

std::string title_of(const Cause& cause, const std::vector<const FailureRecord*>& symptoms,
                     const std::vector<std::string>& operations) {
  const FailureRecord& first = *symptoms.front();
  const std::string fidelity = first.tier == "fidelity" ? " (fidelity)" : "";
  if (cause.kind == "close-without-effect") {
    const std::string closer = name_of(first.closed_by);
    for (const auto* s : symptoms)
      if (s->situation == "state" && s->facet.rfind("state:", 0) == 0)
        return closer + " answers success but does not close what it closes: " + without_case_values(s->expected) +
               " expected, read back " + without_case_values(s->observed);
    return closer + " answers success but later calls still find the resource open (" + readable(first.signature) + ")";
  }
  const Behaviour b = behaviour(first);
  std::string what = (b.kind == "validation" ? std::string("Input validation")
                      : b.kind == "any"      ? std::string("Answers")
                      : b.kind == "wire"     ? std::string("Errors")
                                             : situation_words(situation_class(first.situation))) + ": ";
  const std::string how = b.text;
  if (how == first.signature) {
    what += readable(first.signature);
  } else {
    what += how;
    std::set<std::string> got;  // what came instead, over every symptom: an error code or a status
    for (const auto* s : symptoms) {
      std::string code = observed_code(*s);
      if (code.empty() || !std::isalpha(static_cast<unsigned char>(code[0]))) {
        size_t arrow = s->signature.rfind("-> ");
        code = arrow == std::string::npos ? "" : s->signature.substr(arrow + 3, 3);
      }
      if (!code.empty()) got.insert(code);
    }
    if (!got.empty() && how.rfind("not answered", 0) == 0) {
      std::string list;
      size_t n = 0;
      for (const auto& g : got)
        if (n++ < 4) list += (list.empty() ? "" : ", ") + g;
      if (got.size() > 4) list += " and " + std::to_string(got.size() - 4) + " more";
      what += " (got " + list + ")";
    }
  }
  what += fidelity;
  if (cause.kind == "across-operations") {
    std::set<std::string> services;
    for (const auto& op : operations) services.insert(service_of(op));
    const std::string where = services.size() == 1 ? *services.begin() + " " : std::string();
    return what + " (" + std::to_string(operations.size()) + " " + where + "operation" + (operations.size() == 1 ? "" : "s") +
           ": " + list_of(operations) + ")";
  }
  return name_of(first.blamed.empty() ? first.operation : first.blamed) + ": " + what;
}

bool better_minimal(const FailureRecord* a, const FailureRecord* b) {
  auto rank = [](const FailureRecord* f) {
    return std::make_tuple(f->verdict != "violation", f->tier != "contract", f->case_file.empty(),
                           f->expected.size() + f->observed.size(), f->fingerprint);
  };
  return rank(a) < rank(b);
}

}  // namespace

std::vector<HeadlineFinding> group_findings(std::vector<FailureRecord>& symptoms,
                                            const std::vector<std::vector<std::string>>& co_observed) {
  std::vector<std::vector<Cause>> candidates(symptoms.size());
  std::map<std::string, Cause> by_key;
  for (size_t i = 0; i < symptoms.size(); ++i) {
    if (symptoms[i].signature.empty())
      symptoms[i].signature = symptom_signature(symptoms[i].facet, symptoms[i].expected, symptoms[i].observed);
    candidates[i] = causes_of(symptoms[i]);
    for (const auto& c : candidates[i]) by_key.emplace(c.key, c);
  }
  std::vector<int> assigned(symptoms.size(), -1);
  std::vector<Cause> chosen;
  for (size_t left = symptoms.size(); left > 0;) {
    std::map<std::string, int> count;
    for (size_t i = 0; i < symptoms.size(); ++i)
      if (assigned[i] < 0)
        for (const auto& c : candidates[i]) ++count[c.key];
    const Cause* best = nullptr;
    int best_count = 0;
    for (const auto& [key, n] : count) {
      const Cause& c = by_key.at(key);
      if (!best || n > best_count || (n == best_count && c.specificity > best->specificity)) {
        best = &c;
        best_count = n;
      }
    }
    const int index = static_cast<int>(chosen.size());
    chosen.push_back(*best);
    for (size_t i = 0; i < symptoms.size(); ++i)
      if (assigned[i] < 0)
        for (const auto& c : candidates[i])
          if (c.key == best->key) {
            assigned[i] = index;
            --left;
            break;
          }
  }

  // One wrong answer, one finding: causes whose symptoms were judged on one answer merge into the one
  // with more symptoms.
  std::vector<int> parent(chosen.size());
  for (size_t k = 0; k < parent.size(); ++k) parent[k] = static_cast<int>(k);
  std::function<int(int)> root = [&](int k) { return parent[k] == k ? k : parent[k] = root(parent[k]); };
  std::map<std::string, size_t> index_of;
  for (size_t i = 0; i < symptoms.size(); ++i) index_of[symptoms[i].fingerprint] = i;
  std::vector<size_t> size(chosen.size(), 0);
  for (size_t i = 0; i < symptoms.size(); ++i) ++size[assigned[i]];
  for (const auto& set : co_observed) {
    int first = -1;
    for (const auto& fp : set) {
      auto it = index_of.find(fp);
      if (it == index_of.end()) continue;
      int k = root(assigned[it->second]);
      if (first < 0) {
        first = k;
        continue;
      }
      if (k == first) continue;
      const bool keep_first = size[first] > size[k] || (size[first] == size[k] && chosen[first].key < chosen[k].key);
      const int keep = keep_first ? first : k, gone = keep_first ? k : first;
      parent[gone] = keep;
      size[keep] += size[gone];
      first = keep;
    }
  }
  for (size_t i = 0; i < symptoms.size(); ++i) assigned[i] = root(assigned[i]);

  std::vector<HeadlineFinding> out;
  for (size_t k = 0; k < chosen.size(); ++k) {
    if (root(static_cast<int>(k)) != static_cast<int>(k)) continue;
    std::vector<const FailureRecord*> members;
    for (size_t i = 0; i < symptoms.size(); ++i)
      if (assigned[i] == static_cast<int>(k)) members.push_back(&symptoms[i]);
    HeadlineFinding f;
    f.fingerprint = hex64(stable_hash64(chosen[k].key));
    f.cause = chosen[k].kind;
    std::set<std::string> ops;
    bool contract = false, violation = false, accepted = true;
    for (const auto* s : members) {
      ops.insert(s->blamed.empty() ? s->operation : s->blamed);
      contract |= s->tier == "contract";
      violation |= s->verdict == "violation";
      accepted &= s->accepted;
      f.symptoms.push_back(s->fingerprint);
      f.occurrences += s->occurrences;
    }
    f.operations.assign(ops.begin(), ops.end());
    f.tier = contract ? "contract" : "fidelity";
    f.verdict = violation ? "violation" : "unconfirmed";
    f.accepted = accepted;
    const FailureRecord* minimal = *std::min_element(members.begin(), members.end(), better_minimal);
    f.operation = f.cause == "close-without-effect" ? members.front()->closed_by
                                                      : (minimal->blamed.empty() ? minimal->operation : minimal->blamed);
    f.provenance = minimal->provenance;
    f.minimal = minimal->fingerprint;
    f.case_file = minimal->case_file;
    f.replay_command = minimal->replay_command;
    f.curl_command = minimal->curl_command;
    f.title = title_of(chosen[k], members, f.operations);
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const HeadlineFinding& a, const HeadlineFinding& b) {
    if (a.symptoms.size() != b.symptoms.size()) return a.symptoms.size() > b.symptoms.size();
    return a.fingerprint < b.fingerprint;
  });
  std::map<std::string, std::string> finding_of;
  for (const auto& f : out)
    for (const auto& s : f.symptoms) finding_of[s] = f.fingerprint;
  for (auto& s : symptoms) s.finding = finding_of[s.fingerprint];
  return out;
}

void link_minimal_symptoms(RunReport& report) {
  for (auto& f : report.findings)
    for (const auto& s : report.failures)
      if (s.fingerprint == f.minimal) {
        f.case_file = s.case_file;
        f.replay_command = s.replay_command;
        f.curl_command = s.curl_command;
      }
}

}  // namespace conform::report
