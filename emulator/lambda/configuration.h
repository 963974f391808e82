// FunctionConfiguration documents as the backend keeps and answers them.
//
// Settings the emulator models, shared by CreateFunction and UpdateFunctionConfiguration and copied
// into the configuration as given: Runtime, Role, Handler, Description, Timeout, MemorySize,
// Environment (its Variables), TracingConfig (Mode, default PassThrough), EphemeralStorage, KMSKeyArn,
// DeadLetterConfig, LoggingConfig; DurableConfig members given replace those of the current one (its
// ExecutionTimeout is optional on update). Other settings (VpcConfig, Layers, FileSystemConfigs,
// ImageConfig, SnapStart, ...) are accepted and not kept: their answers need resources the emulator does
// not have (VPCs, layers, images).
//
// Promises: pure functions; never throw for validated input.
#pragma once

#include <optional>
#include <string>

#include "emulator/core/backend.h"

namespace conform::emulator::lambda {

// Lambda's LastModified form: 2024-05-01T12:00:00.000+0000
std::string last_modified(double epoch);

// The $LATEST configuration CreateFunction makes of its input (defaults: Description "", Timeout 3,
// MemorySize 128, PackageType Zip, Architectures [x86_64], EphemeralStorage 512 MB).
Json new_configuration(const Call& call, const std::string& name, const std::string& arn);

// Copies the modeled settings present in `input` into `configuration`.
void apply_settings(Json& configuration, const Json& input);

// What makes a configuration unacceptable, for InvalidParameterValueException: a DurableConfig without
// ExecutionTimeout (documented "Required: Yes" by CloudFormation's AWS::Lambda::Function DurableConfig;
// the API model leaves it optional because updates may omit it). nullopt when acceptable.
std::optional<std::string> configuration_problem(const Json& configuration);

// The configuration's DurableConfig, when the function is durable.
std::optional<Json> durable_config_of(const Json& configuration);

// What ListFunctions returns of a configuration: it leaves out State, StateReason, StateReasonCode,
// LastUpdateStatus, LastUpdateStatusReason, LastUpdateStatusReasonCode and RuntimeVersionConfig
// (documented: "use GetFunction" for those).
Json list_entry(Json configuration);

}  // namespace conform::emulator::lambda
