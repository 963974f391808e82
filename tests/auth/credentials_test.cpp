// Credential, region and endpoint resolution from (fake) environments and temporary files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "harness/auth/credentials.h"

namespace conform {
namespace {

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("conform-cred-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string write(const std::string& name, const std::string& text) {
    auto p = path_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST(Credentials, EnvironmentFirst) {
  auto env = auth::map_env({{"AWS_ACCESS_KEY_ID", "AKIDENV"},
                            {"AWS_SECRET_ACCESS_KEY", "envsecret"},
                            {"AWS_SESSION_TOKEN", "envtoken"},
                            {"HOME", "/nonexistent"}});
  auto c = auth::resolve_credentials(env);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->access_key_id, "AKIDENV");
  EXPECT_EQ(c->secret_access_key, "envsecret");
  EXPECT_EQ(c->session_token, "envtoken");
  EXPECT_EQ(c->source, "environment");
}

TEST(Credentials, SharedCredentialsFileProfile) {
  TempDir dir;
  auto creds = dir.write("credentials",
                         "# comment\n[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key=defsecret\n\n"
                         "[work]\n aws_access_key_id=AKIDWORK \naws_secret_access_key = worksecret\n"
                         "aws_session_token = worktoken\n");
  auto c = auth::resolve_credentials(auth::map_env({{"AWS_SHARED_CREDENTIALS_FILE", creds},
                                                    {"AWS_CONFIG_FILE", dir.path() + "/none"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->access_key_id, "AKIDDEFAULT");
  EXPECT_EQ(c->source, "shared-credentials-file:default");
  auto w = auth::resolve_credentials(auth::map_env({{"AWS_SHARED_CREDENTIALS_FILE", creds}, {"AWS_PROFILE", "work"}}));
  ASSERT_TRUE(w);
  EXPECT_EQ(w->access_key_id, "AKIDWORK");
  EXPECT_EQ(w->session_token, "worktoken");
  auto explicit_profile = auth::resolve_credentials(auth::map_env({{"AWS_SHARED_CREDENTIALS_FILE", creds}}), "work");
  ASSERT_TRUE(explicit_profile);
  EXPECT_EQ(explicit_profile->access_key_id, "AKIDWORK");
}

TEST(Credentials, ConfigFileProfileSection) {
  TempDir dir;
  auto config = dir.write("config",
                          "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDDEV\n"
                          "aws_secret_access_key = devsecret\n[default]\nregion = us-west-2\n");
  auto env = auth::map_env({{"AWS_SHARED_CREDENTIALS_FILE", dir.path() + "/missing"},
                            {"AWS_CONFIG_FILE", config},
                            {"AWS_PROFILE", "dev"}});
  auto c = auth::resolve_credentials(env);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->access_key_id, "AKIDDEV");
  EXPECT_EQ(c->source, "config-file:dev");
  EXPECT_EQ(auth::resolve_region("", env), "eu-west-1");
  auto def = auth::map_env({{"AWS_CONFIG_FILE", config}});
  EXPECT_EQ(auth::resolve_region("", def), "us-west-2");
}

TEST(Credentials, NothingFoundExplainsWithoutSecrets) {
  TempDir dir;
  std::string error;
  auto c = auth::resolve_credentials(auth::map_env({{"HOME", dir.path()}, {"AWS_ACCESS_KEY_ID", "AKIDONLY"}}), "",
                                     &error);
  EXPECT_FALSE(c);
  EXPECT_NE(error.find("no credentials"), std::string::npos);
  EXPECT_EQ(error.find("AKIDONLY"), std::string::npos);
}

TEST(Region, Precedence) {
  TempDir dir;
  auto config = dir.write("config", "[default]\nregion = ap-south-1\n");
  auto all = auth::map_env({{"AWS_REGION", "eu-central-1"}, {"AWS_DEFAULT_REGION", "us-east-2"}, {"AWS_CONFIG_FILE", config}});
  EXPECT_EQ(auth::resolve_region("ca-central-1", all), "ca-central-1");
  EXPECT_EQ(auth::resolve_region("", all), "eu-central-1");
  EXPECT_EQ(auth::resolve_region("", auth::map_env({{"AWS_DEFAULT_REGION", "us-east-2"}, {"AWS_CONFIG_FILE", config}})),
            "us-east-2");
  EXPECT_EQ(auth::resolve_region("", auth::map_env({{"AWS_CONFIG_FILE", config}})), "ap-south-1");
  EXPECT_FALSE(auth::resolve_region("", auth::map_env({{"HOME", dir.path()}})));
}

TEST(Endpoints, DefaultsAndOverrides) {
  auto none = auth::map_env({});
  EXPECT_EQ(auth::default_endpoint("stepfunctions", "states", "us-east-1", none), "https://states.us-east-1.amazonaws.com");
  EXPECT_EQ(auth::default_endpoint("lambda", "lambda", "cn-north-1", none), "https://lambda.cn-north-1.amazonaws.com.cn");
  auto env = auth::map_env({{"AWS_ENDPOINT_URL_STEPFUNCTIONS", "http://127.0.0.1:8083"},
                            {"AWS_ENDPOINT_URL", "http://127.0.0.1:4566"}});
  EXPECT_EQ(auth::default_endpoint("stepfunctions", "states", "us-east-1", env), "http://127.0.0.1:8083");
  EXPECT_EQ(auth::default_endpoint("swf", "swf", "us-east-1", env), "http://127.0.0.1:4566");
  EXPECT_EQ(auth::default_endpoint("swf", "swf", "us-east-1", env, {{"swf", "http://127.0.0.1:9"}}), "http://127.0.0.1:9");
}

TEST(Ini, SectionsAndComments) {
  auto ini = auth::parse_ini("; c\nkey=outside\n[profile   a]\nKey = V \n# x\n[b\n[c]\nk=v=w\n");
  EXPECT_EQ(ini["profile a"]["key"], "V");
  EXPECT_EQ(ini["c"]["k"], "v=w");
  EXPECT_EQ(ini.count("b"), 0u);
}

}  // namespace
}  // namespace conform
