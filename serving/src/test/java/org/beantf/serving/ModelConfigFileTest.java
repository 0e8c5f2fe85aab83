package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.beantf.savedmodels.InvalidModelException;
import org.beantf.serving.ModelConfigFile.ModelConfig;
import org.beantf.serving.ModelConfigFile.VersionPolicy;
import org.beantf.serving.ModelConfigFile.VersionPolicy.All;
import org.beantf.serving.ModelConfigFile.VersionPolicy.Latest;
import org.beantf.serving.ModelConfigFile.VersionPolicy.Specific;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TF Serving's model config file is read with protobuf's text parser; what bean cannot serve is
 * refused in one line that names the file, the line and column, and what was expected.
 */
class ModelConfigFileTest {
  @TempDir Path dir;

  private Path write(String text) throws Exception {
    return Files.writeString(dir.resolve("models.config"), text);
  }

  /** The refusal of {@code text}, checked to be one line naming the file. */
  private String refusal(String text) throws Exception {
    return refusalOf(write(text));
  }

  private static String refusalOf(Path file) {
    String message =
        assertThrows(InvalidModelException.class, () -> ModelConfigFile.read(file)).getMessage();
    assertTrue(message.startsWith(file + ":"), message);
    assertFalse(message.contains("\n"), message);
    return message;
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' not in: " + message);
    }
  }

  @Test
  void theBriefsExampleReadsEachPolicy() throws Exception {
    // as in the brief but with x's base_path absolute, which tensorflow_model_server requires
    Path file =
        write(
            """
            model_config_list {
              config { name: "mlp"    base_path: "/srv/bean/mlp"    model_platform: "tensorflow" }
              config {
                name: "lenet5" base_path: "/srv/bean/lenet5" model_platform: "tensorflow"
                model_version_policy { specific { versions: 3 versions: 1 versions: 3 } }
              }
              config { name: "x" base_path: "/rel/x" model_version_policy { all {} } }
              config { name: "y" base_path: "/y" model_version_policy { latest { num_versions: 2 } } }
            }
            """);
    assertEquals(
        List.of(
            new ModelConfig("mlp", Path.of("/srv/bean/mlp"), new Latest(1)),
            new ModelConfig("lenet5", Path.of("/srv/bean/lenet5"), new Specific(List.of(1L, 3L))),
            new ModelConfig("x", Path.of("/rel/x"), new All()),
            new ModelConfig("y", Path.of("/y"), new Latest(2))),
        ModelConfigFile.read(file));
  }

  @Test
  void anEmptyPolicyAndLatestWithoutACountServeTheLatestVersion() throws Exception {
    Path file =
        write(
            """
            # comments are protobuf text too
            model_config_list: {
              config: { name: 'a' base_path: '/a' model_version_policy {} }
              config: { name: 'b' base_path: '/b' model_version_policy { latest {} } }
            }
            """);
    assertEquals(
        List.of(new Latest(1), new Latest(1)),
        ModelConfigFile.read(file).stream().map(ModelConfig::policy).toList());
  }

  @Test
  void aFileThatCannotBeReadIsRefusedWithTheSystemsReason() throws Exception {
    assertContains(refusalOf(dir.resolve("absent.config")), "cannot read", "no such file");
    assertContains(refusalOf(dir), "cannot read", "Is a directory");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws Exception {
    Path file = dir.resolve("latin1.config");
    Files.write(
        file,
        "model_config_list { config { name: \"caf\u00e9\" } }"
            .getBytes(StandardCharsets.ISO_8859_1));
    assertContains(refusalOf(file), "not UTF-8");
  }

  @Test
  void aFileWithoutModelsIsRefused() throws Exception {
    assertContains(refusal(""), "no model_config_list", "expected model_config_list {");
    assertContains(refusal("# only a comment\n"), "no model_config_list");
    assertContains(refusal("\n  model_config_list {}"), ":2:3:", "lists no models");
  }

  @Test
  void customModelConfigIsRefused() throws Exception {
    assertContains(
        refusal("\ncustom_model_config { type_url: \"x\" }"),
        ":2:1:",
        "custom_model_config is not supported");
  }

  @Test
  void aSyntaxErrorNamesTheLineAndColumnAndWhatWasExpected() throws Exception {
    assertContains(
        refusal("model_config_list {\n  config { name: mlp }\n}"), ":2:18:", "Expected string");
    assertContains(
        refusal("model_config_list {\n  config { name: \"a\" base_path: \"/a\" }\n"),
        ":3:",
        "Expected \"}\"");
  }

  @Test
  void anUnknownFieldIsNamedWithItsLine() throws Exception {
    assertContains(
        refusal(
            """
            model_config_list {
              config {
                name: "a" base_path: "/a"
                logging_config { }
              }
            }
            """),
        ":4:5:",
        "unknown field tensorflow.serving.ModelConfig.logging_config");
  }

  @Test
  void aFieldGivenTwiceOrTwoPoliciesAreRefused() throws Exception {
    assertContains(
        refusal("model_config_list { config { name: \"a\"\n name: \"b\" } }"),
        ":2:",
        "name",
        "cannot be overwritten");
    assertContains(
        refusal(
            "model_config_list { config { name: \"a\" base_path: \"/a\"\n"
                + " model_version_policy { latest {} all {} } } }"),
        ":2:",
        "oneof");
  }

  @Test
  void aConfigWithoutNameOrBasePathIsRefusedAtItsLine() throws Exception {
    assertContains(
        refusal("model_config_list {\n  config { base_path: \"/a\" }\n}"),
        ":2:3:",
        "config has no name");
    assertContains(
        refusal("model_config_list {\n  config { name: \"a\" }\n}"),
        ":2:3:",
        "model \"a\" has no base_path");
  }

  @Test
  void aRepeatedNameIsRefusedAtItsSecondUse() throws Exception {
    assertContains(
        refusal(
            """
            model_config_list {
              config { name: "a" base_path: "/a" }
              config { name: "a" base_path: "/b" }
            }
            """),
        ":3:12:",
        "model name \"a\" is listed twice, first at line 2");
  }

  @Test
  void aRelativeOrUriBasePathIsRefused() throws Exception {
    assertContains(
        refusal("model_config_list {\n  config { name: \"x\" base_path: \"rel/x\" }\n}"),
        ":2:22:",
        "base_path \"rel/x\" is relative",
        "absolute");
    assertContains(
        refusal("model_config_list {\n  config { name: \"x\" base_path: \"gs://b/x\" }\n}"),
        ":2:22:",
        "is a URI",
        "local file system");
  }

  @Test
  void aPlatformOtherThanTensorflowIsRefused() throws Exception {
    assertContains(
        refusal(
            "model_config_list {\n  config { name: \"a\" base_path: \"/a\""
                + " model_platform: \"tensorflow_lite\" }\n}"),
        ":2:",
        "model_platform \"tensorflow_lite\"",
        "bean serves TensorFlow SavedModels");
  }

  @Test
  void versionLabelsAreRefused() throws Exception {
    assertContains(
        refusal(
            """
            model_config_list {
              config {
                name: "a" base_path: "/a"
                model_version_policy { specific { versions: 1 } }
                version_labels { key: "stable" value: 1 }
              }
            }
            """),
        ":5:5:",
        "version_labels is not supported");
  }

  @Test
  void aPolicyThatServesNoVersionIsRefused() throws Exception {
    String head = "model_config_list { config { name: \"a\" base_path: \"/a\"\n";
    assertContains(
        refusal(head + "  model_version_policy { latest { num_versions: 0 } } } }"),
        ":2:26:",
        "num_versions 0",
        "at least 1");
    assertContains(
        refusal(head + "  model_version_policy { specific {} } } }"),
        ":2:26:",
        "specific lists no versions");
    assertContains(
        refusal(head + "  model_version_policy { specific { versions: 2 versions: -1 } } } }"),
        ":2:26:",
        "specific version -1",
        "non-negative");
    assertContains(
        refusal(head + "  model_version_policy { latest { num_versions: -1 } } } }"),
        ":2:49:",
        "Number must be positive");
  }

  @Test
  void aHugeLatestCountMeansEveryVersion() throws Exception {
    Path file =
        write(
            "model_config_list { config { name: \"a\" base_path: \"/a\""
                + " model_version_policy { latest { num_versions: 4000000000 } } } }");
    assertEquals(new Latest(Integer.MAX_VALUE), ModelConfigFile.read(file).get(0).policy());
  }

  @Test
  void theVersionsFlagParsesEachForm() {
    assertEquals(new Latest(1), VersionPolicy.parse("latest"));
    assertEquals(new Latest(3), VersionPolicy.parse("latest:3"));
    assertEquals(new All(), VersionPolicy.parse("all"));
    assertEquals(new Specific(List.of(1L, 2L, 5L)), VersionPolicy.parse("5,1,2,1"));
    assertEquals(List.of(0L), ((Specific) VersionPolicy.parse("0")).versions());
  }

  @Test
  void aBadVersionsFlagSaysWhatWasExpected() {
    for (String bad :
        List.of(
            "",
            "latest:",
            "latest:0",
            "latest:-1",
            "latest:99999999999",
            "ALL",
            "1,,2",
            "1, 2",
            "-1",
            "1,x",
            "99999999999999999999")) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> VersionPolicy.parse(bad)).getMessage();
      assertContains(message, "'" + bad + "'", "expected latest, latest:N", "all", "1,2,5");
    }
  }

  @Test
  void theRecordsRefuseWhatServesNoVersion() {
    assertThrows(IllegalArgumentException.class, () -> new Latest(0));
    assertThrows(IllegalArgumentException.class, () -> new Specific(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Specific(List.of(1L, -2L)));
  }

  @Test
  void namesThatCannotBeInAUrlAreRefused(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    for (String name : new String[] {"a/b", "a:b", "..", "a\\nb"}) {
      Path file = dir.resolve("bad.config");
      Files.writeString(
          file,
          "model_config_list {\n  config { name: \"" + name + "\" base_path: \"/srv/m\" }\n}\n");
      String message =
          assertThrows(InvalidModelException.class, () -> ModelConfigFile.read(file)).getMessage();
      assertTrue(message.contains(":2:") && message.contains("model name in URLs"), message);
      assertFalse(message.contains("\n"), message);
    }
  }
}
