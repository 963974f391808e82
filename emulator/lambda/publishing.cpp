#include "emulator/lambda/publishing.h"

#include "emulator/lambda/configuration.h"

namespace conform::emulator::lambda {

Json publish_latest(Function& f, const Call& call, const std::optional<std::string>& description) {
  if (!f.changed_since_publish && !f.versions.empty()) return f.versions.rbegin()->second;
  int64_t number = ++f.last_version;
  Json c = f.configuration;
  c["FunctionArn"] = f.arn + ":" + std::to_string(number);
  c["Version"] = std::to_string(number);
  if (description) c["Description"] = *description;
  c["RevisionId"] = call.ids.uuid();
  c["LastModified"] = last_modified(call.clock.now());
  f.versions[number] = c;
  f.changed_since_publish = false;
  return c;
}

}  // namespace conform::emulator::lambda
