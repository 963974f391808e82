#include "emulator/core/protocol_errors.h"

namespace conform::emulator {
namespace {

using spec::Situation;

const spec::Rule* find_rule(const std::vector<spec::Rule>& rules, Situation s, const std::optional<std::string>& member) {
  const spec::Rule* any = nullptr;
  for (const auto& r : rules) {
    if (r.situation != s || r.expect.success()) continue;
    if (r.member && member && *r.member == *member) return &r;
    if (!r.member && !any) any = &r;
  }
  return any;
}

std::string message_from(const std::optional<std::string>& tpl, const std::string& detail) {
  if (!tpl) return detail;
  if (*tpl == "${*}") return detail;
  std::string out = *tpl;
  size_t pos;
  while ((pos = out.find("${*}")) != std::string::npos) out.erase(pos, 4);
  return out;
}

ErrorAnswer from_rule(const spec::Rule& r, const ProtocolProblem& p) {
  std::optional<std::string> tpl = r.expect.message;
  if (!tpl && p.service) {
    const spec::ErrorSpec* e = p.op ? p.op->find_error(r.expect.error) : nullptr;
    if (!e) e = p.service->find_common_error(r.expect.error);
    if (e) tpl = e->message;
  }
  return {r.expect.error, r.expect.status, message_from(tpl, p.detail)};
}

bool is_rest(const ProtocolProblem& p) { return p.service && p.service->protocol == spec::Protocol::RestJson1; }

}  // namespace

ErrorAnswer answer_for(const ProtocolProblem& p) {
  if (p.op && p.situation == Situation::WrongType)
    if (const auto* r = find_rule(p.op->rules, p.situation, p.member)) return from_rule(*r, p);
  if (p.service) {
    if (const auto* r = find_rule(p.service->protocol_rules, p.situation, p.member)) return from_rule(*r, p);
    if (p.situation == Situation::UnencodedLabel || p.situation == Situation::TargetCaseMismatch)
      if (const auto* r = find_rule(p.service->protocol_rules, Situation::UnknownOperation, std::nullopt))
        return from_rule(*r, p);
    // A wrong JSON type is a deserialisation failure, like malformed JSON.
    if (p.situation == Situation::WrongType || p.situation == Situation::BodyNotObject)
      if (const auto* r = find_rule(p.service->protocol_rules, Situation::MalformedJson, std::nullopt))
        return from_rule(*r, p);
  }
  switch (p.situation) {
    case Situation::MalformedJson:
    case Situation::BodyNotObject:
    case Situation::WrongType:
      return {"SerializationException", 400, p.detail};
    case Situation::WrongContentType:
      if (is_rest(p)) return {"UnsupportedMediaTypeException", 415, p.detail};
      return {"UnknownOperationException", 400, p.detail};
    default:
      return {"UnknownOperationException", is_rest(p) ? 404 : 400, p.detail};
  }
}

}  // namespace conform::emulator
