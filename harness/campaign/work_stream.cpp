#include "harness/campaign/work_stream.h"

#include "harness/report/model/fingerprint.h"

namespace conform::campaign {

WorkStream::WorkStream(const spec::SpecSet& specs, const runner::Plan& plan, uint64_t seed, int mutate_percent,
                       size_t corpus_per_cell)
    : specs_(specs), plan_(plan), seed_(seed), mutate_percent_(mutate_percent), corpus_per_cell_(corpus_per_cell),
      corpus_(plan.cells.size()), rng_(report::mix64(seed ^ 0x6d757461746531ull)) {
  for (size_t i = 0; i < plan.cells.size(); ++i)
    if (!plan.cells[i].not_applicable && !plan.cells[i].not_implemented) cells_.push_back(i);
}

std::optional<size_t> WorkStream::cell_of(const std::string& op_id, const std::string& check) const {
  for (size_t i : cells_) {
    const auto& cell = plan_.cells[i];
    if (plan_.ops[cell.op_index]->id() == op_id && plan_.checks[cell.check_index]->name == check) return i;
  }
  return std::nullopt;
}

Work WorkStream::next(uint64_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  Work w;
  w.unit.ordinal = static_cast<size_t>(n);
  w.unit.seed = report::mix64(seed_ ^ report::mix64(n + 1));
  // Mutations start once every cell has run at least once.
  const bool first_round = fresh_ < cells_.size();
  if (!first_round && !filled_.empty() && rng_.chance(mutate_percent_)) {
    for (int attempt = 0; attempt < 4; ++attempt) {
      size_t cell = filled_[rng_.below(filled_.size())];
      const auto& entries = corpus_[cell];
      const auto& cp = plan_.cells[cell];
      const spec::Operation& op = *plan_.ops[cp.op_index];
      Rng rng(w.unit.seed);
      auto mutant = mutate_case(specs_, op, plan_.checks[cp.check_index]->name, entries[rng.below(entries.size())], rng,
                                tokens_);
      if (!mutant) continue;
      auto target = cell_of(mutant->operation, mutant->check);
      if (!target) continue;  // e.g. no_server_error filtered out of the plan
      w.unit.cell = *target;
      w.unit.example = -1;
      w.unit.size = 0;
      w.input = std::move(mutant->case_input);
      w.mutation = std::move(mutant->mutation);
      return w;
    }
  }
  uint64_t k = fresh_++;
  uint64_t round = k / cells_.size();
  w.unit.cell = cells_[static_cast<size_t>(k % cells_.size())];
  w.unit.example = static_cast<int>(std::min<uint64_t>(round, 1000000000));
  w.unit.size = round < 15 ? static_cast<int>(round * 7) : static_cast<int>(report::mix64(w.unit.seed) % 101);
  return w;
}

void WorkStream::record(const Work& work, const oracle::CaseResult& result) {
  if (result.not_run || !result.case_input.is_object()) return;
  const auto& cp = plan_.cells[work.unit.cell];
  std::vector<std::string> bodies;
  for (const auto& e : result.exchanges)
    if (e.purpose == "probe" && e.request.body.size() < 65536) bodies.push_back(e.request.body);
  auto tokens = harvest_tokens(*plan_.ops[cp.op_index], bodies);
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& t : tokens) {
    if (tokens_.size() < kMaxTokens) tokens_.push_back(std::move(t));
    else tokens_[token_next_++ % kMaxTokens] = std::move(t);
  }
  auto& entries = corpus_[work.unit.cell];
  // Very large inputs (256 KiB members) are not kept: mutating them would make every execution slow.
  if (result.case_input.dump(-1, ' ', false, spec::Json::error_handler_t::replace).size() > 65536) return;
  if (entries.empty()) filled_.push_back(work.unit.cell);
  if (entries.size() < corpus_per_cell_) {
    entries.push_back(result.case_input);
    ++corpus_total_;
  } else {
    entries[rng_.below(entries.size())] = result.case_input;
  }
}

size_t WorkStream::corpus_size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return corpus_total_;
}

int WorkStream::round() const {
  std::lock_guard<std::mutex> lock(mu_);
  return cells_.empty() ? 0 : static_cast<int>(fresh_ / cells_.size());
}

}  // namespace conform::campaign
