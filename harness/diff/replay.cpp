#include "harness/diff/replay.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

#include "harness/diff/normaliser.h"
#include "harness/diff/record.h"
#include "harness/runner/safety.h"
#include "harness/runner/target.h"
#include "harness/spec/loader.h"

namespace conform::diff {

namespace {

struct Sent {
  http::Response response;
  std::string transport_error;
};

// A recorded string with references inside ("not found: <arn#9>") as a template: the literal parts
// must match the live string, and what lies between them is bound to each reference.
void bind_template(const std::string& recorded, const std::string& live, Normaliser& n, int step) {
  if (recorded.size() > 4096 || recorded.find('<') == std::string::npos) return;
  std::vector<std::string> literals(1), refs;
  for (size_t i = 0; i < recorded.size();) {
    size_t close = recorded[i] == '<' ? recorded.find('>', i) : std::string::npos;
    if (close != std::string::npos && close - i < 64 && reference_kind(recorded.substr(i, close - i + 1))) {
      refs.push_back(recorded.substr(i, close - i + 1));
      literals.emplace_back();
      i = close + 1;
    } else {
      literals.back() += recorded[i++];
    }
  }
  if (refs.empty()) return;
  if (live.compare(0, literals[0].size(), literals[0]) != 0) return;
  size_t at = literals[0].size();
  std::vector<std::string> values;
  for (size_t k = 0; k < refs.size(); ++k) {
    const std::string& next = literals[k + 1];
    size_t end = k + 1 == refs.size() ? (live.size() >= next.size() ? live.size() - next.size() : std::string::npos)
                 : next.empty()       ? std::string::npos
                                      : live.find(next, at);
    if (end == std::string::npos || end < at) return;
    values.push_back(live.substr(at, end - at));
    at = end + next.size();
  }
  if (at != live.size()) return;
  for (size_t k = 0; k < refs.size(); ++k)
    if (auto kind = reference_kind(refs[k])) n.bind(values[k], refs[k], *kind, "response", step);
}

// Binds the live values found where the recorded answer holds a reference.
void bind_positions(const Json& recorded, const Json& live, Normaliser& n, int step) {
  if (recorded.is_string()) {
    const std::string r = recorded.get<std::string>();
    auto kind = reference_kind(r);
    if (!kind) {
      if (live.is_string()) bind_template(r, live.get<std::string>(), n, step);
      return;
    }
    if (live.is_string()) n.bind(live.get<std::string>(), r, *kind, "response", step);
    else if (live.is_number()) n.bind(live.dump(), r, *kind, "response", step);
  } else if (recorded.is_object() && live.is_object()) {
    for (auto it = recorded.begin(); it != recorded.end(); ++it)
      if (live.contains(it.key())) bind_positions(it.value(), live[it.key()], n, step);
  } else if (recorded.is_array() && live.is_array()) {
    for (size_t i = 0; i < recorded.size() && i < live.size(); ++i) bind_positions(recorded[i], live[i], n, step);
  }
}

}  // namespace

CassetteReplay replay_cassette(const Cassette& recorded, const ReplayOptions& o) {
  CassetteReplay out;
  auto fail = [&](int code, const std::string& error) {
    out.exit_code = code;
    out.error = error;
    return out;
  };
  if (o.target && !o.faults.empty())
    return fail(runner::kExitUsage, "faults are planted in the embedded emulator; they cannot be combined with a URL target");
  const spec::SpecSet& specs = spec::builtin_specs();
  for (const auto& e : recorded.entries) {
    const spec::Operation* op = specs.find_operation(e.call);
    if (!op || !specs.find_service(op->service))
      return fail(runner::kExitUsage, "step " + std::to_string(e.step) + " calls " + e.call +
                                          ", which the built-in specs do not describe");
  }
  if (o.target)
    if (auto url = transport::Url::parse(*o.target); url && !url->is_loopback())
      if (auto refusal = runner::remote_guard(*url, o.allow_remote, recorded.entries.size()))
        return fail(runner::kExitUsage, *refusal);
  const std::string region = o.region.value_or(recorded.region);
  int code = 0;
  std::string error;
  auto target = runner::resolve_target(o.target, o.embedded, runner::EmbeddedRequest{o.faults, o.emulator_seed.value_or(recorded.seed), region},
                                       &code, &error);
  if (!target) return fail(code, error);
  if (auto unreachable = runner::probe_target(target->url)) return fail(runner::kExitUnreachable, *unreachable);
  out.target = target->url_text;
  out.target_description = target->description;

  transport::CallerOptions caller_options;
  caller_options.region = region;
  caller_options.credentials = o.credentials;
  caller_options.sign = o.sign;
  transport::Caller main_caller(target->url, caller_options);

  Normaliser live(o.rules, "new", credential_secrets(o.credentials));
  // Values the harness chose become known when the recording first met them, not earlier: what the
  // live normaliser knows at each step is then what the recorder knew (a later value can be a
  // substring of an earlier answer, and must not be replaced there on one side only).
  std::vector<const Reference*> chosen;
  for (const auto& r : recorded.references)
    if (r.origin == "request") chosen.push_back(&r);
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const Reference* a, const Reference* b) { return a->first_step < b->first_step; });
  size_t next_chosen = 0;
  auto learn_until = [&](int step) {
    for (; next_chosen < chosen.size() && chosen[next_chosen]->first_step <= step; ++next_chosen) {
      const Reference& r = *chosen[next_chosen];
      live.bind(r.value, r.ref, r.kind, "request", r.first_step);
    }
  };

  std::set<std::string> recorded_refs;
  for (const auto& r : recorded.references) recorded_refs.insert(r.ref);
  auto build = [&](const Entry& e) {
    learn_until(e.step);
    http::Request r;
    std::vector<std::string> unknown;
    r.method = e.request.method;
    r.path = live.substitute(e.request.path, &unknown);
    for (const auto& [k, v] : e.request.query) r.query.emplace_back(k, live.substitute(v, &unknown));
    for (const auto& [k, v] : e.request.headers) r.headers.add(k, live.substitute(v, &unknown));
    r.body = live.substitute(e.request.text(), &unknown);
    for (auto& u : unknown)  // text that merely looks like a reference is not one
      if (recorded_refs.count(u) && out.unbound.size() < 20) out.unbound.push_back("step " + std::to_string(e.step) + ": " + u);
    return r;
  };
  auto send = [&](transport::Caller& caller, const Entry& e, http::Request r) {
    const spec::Operation* op = specs.find_operation(e.call);
    caller.call_raw(*specs.find_service(op->service), *op, std::move(r), e.purpose, o.sign);
    auto log = caller.take_exchanges();
    Sent s;
    if (!log.empty()) {
      s.response = log.back().response;
      s.transport_error = log.back().transport_error;
    } else {
      s.transport_error = "nothing was sent";
    }
    return s;
  };
  auto finish = [&](const Entry& recorded_entry, const Sent& s) {
    Entry e = recorded_entry;
    e.transport_error = live.replace(s.transport_error);
    if (!s.transport_error.empty()) {
      e.response = Message{};
      return e;
    }
    Json body = Json::parse(s.response.body, nullptr, false);
    if (recorded_entry.response.body && !body.is_discarded())
      bind_positions(*recorded_entry.response.body, body, live, e.step);
    for (const auto& [k, v] : recorded_entry.response.headers)
      if (auto kind = reference_kind(v))
        if (auto lv = s.response.headers.get(k)) live.bind(*lv, v, *kind, "response", e.step);
    live.discover_response(s.response, e.step);
    e.response = live.normalise_response(s.response, e.step);
    return e;
  };

  Cassette& c = out.live;
  c = recorded;
  c.entries.clear();
  c.target = target->embedded ? "embedded" : target->url_text;
  c.faults = o.faults;
  c.region = region;
  const auto& entries = recorded.entries;
  for (size_t i = 0; i < entries.size();) {
    const Entry& first = entries[i];
    if (first.wait_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(first.wait_ms));
    if (!first.concurrent) {
      c.entries.push_back(finish(first, send(main_caller, first, build(first))));
      ++i;
      continue;
    }
    // A group of simultaneous requests: send them together again, then pair each recorded answer
    // with a live one that matches it (their order was up to the scheduler).
    size_t end = i;
    while (end < entries.size() && entries[end].concurrent && entries[end].operation == first.operation &&
           entries[end].check == first.check && entries[end].example == first.example)
      ++end;
    std::vector<http::Request> requests;
    for (size_t k = i; k < end; ++k) requests.push_back(build(entries[k]));
    std::vector<Sent> results(end - i);
    std::vector<std::unique_ptr<transport::Caller>> callers;
    for (size_t k = i; k < end; ++k) callers.push_back(std::make_unique<transport::Caller>(target->url, caller_options));
    std::vector<std::thread> threads;
    for (size_t k = i; k < end; ++k)
      threads.emplace_back([&, k] { results[k - i] = send(*callers[k - i], entries[k], requests[k - i]); });
    for (auto& t : threads) t.join();
    std::vector<Entry> lives;
    for (size_t k = i; k < end; ++k) lives.push_back(finish(entries[k], results[k - i]));
    std::vector<bool> used(lives.size(), false);
    std::vector<int> pick(lives.size(), -1);
    for (size_t k = 0; k < lives.size(); ++k)
      for (size_t l = 0; l < lives.size(); ++l)
        if (!used[l] && compare_entry(entries[i + k], lives[l]).empty()) {
          used[l] = true;
          pick[k] = static_cast<int>(l);
          break;
        }
    for (size_t k = 0; k < lives.size(); ++k)
      if (pick[k] < 0)
        for (size_t l = 0; l < lives.size(); ++l)
          if (!used[l]) {
            used[l] = true;
            pick[k] = static_cast<int>(l);
            break;
          }
    for (size_t k = 0; k < lives.size(); ++k) {
      Entry e = lives[pick[k]];
      Entry meta = entries[i + k];
      meta.response = e.response;
      meta.transport_error = e.transport_error;
      c.entries.push_back(std::move(meta));
    }
    i = end;
  }
  c.references = live.references();
  out.diff = compare_cassettes(recorded, c, o.rules);
  return out;
}

}  // namespace conform::diff
