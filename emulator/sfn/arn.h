// Step Functions ARNs: building them and checking the ones callers send.
//
// Promises: build_* produce `arn:aws:states:<region>:<account>:<type>:...` exactly as AWS spells them.
// check_arn() accepts a well-formed states ARN of the expected resource type and otherwise returns the
// InvalidArn message AWS uses: `Invalid Arn: 'Invalid ARN prefix: <value>'` for text that is not an ARN,
// `Invalid Arn: 'Resource type not valid in this context: <type>'` for a states ARN of another type
// (e.g. an express execution given to DescribeExecution), `Invalid Arn: 'Invalid ARN: <value>'` for
// anything else malformed. A map run ARN is `...:mapRun:<machine>/<label>:<id>`. Pure functions, no state.
#pragma once

#include <optional>
#include <string>

namespace conform::emulator::sfn {

enum class ArnType { StateMachine, Activity, Execution, Express, MapRun };

const char* arn_type_word(ArnType t);  // "stateMachine", "activity", "execution", "express", "mapRun"

std::string build_state_machine_arn(const std::string& region, const std::string& account,
                                    const std::string& name);
std::string build_activity_arn(const std::string& region, const std::string& account,
                               const std::string& name);
std::string build_execution_arn(const std::string& region, const std::string& account,
                                const std::string& machine_name, const std::string& execution_name);
std::string build_express_arn(const std::string& region, const std::string& account,
                              const std::string& machine_name, const std::string& execution_name,
                              const std::string& express_id);

// The parts of a well-formed states ARN.
struct ParsedArn {
  std::string partition, region, account;
  std::string type;                 // resource type word as written
  std::string name;                 // first name after the type (machine / activity name)
  std::string rest;                 // what follows `name:` (execution name, ...); empty when none
};

std::optional<ParsedArn> parse_arn(const std::string& arn);

// nullopt when `arn` is a well-formed ARN of type `expected`; otherwise the InvalidArn message.
std::optional<std::string> check_arn(const std::string& arn, ArnType expected);

// Names of activities, state machines and executions: 1..80 characters, none of whitespace,
// `< > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /` or control characters (as the SFN docs list them).
bool is_valid_name(const std::string& name);

}  // namespace conform::emulator::sfn
