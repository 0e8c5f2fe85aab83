package org.beantf.serving;

import com.google.protobuf.AnyProto;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import com.google.protobuf.TextFormatParseInfoTree;
import com.google.protobuf.TextFormatParseLocation;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.beantf.savedmodels.InvalidModelException;

/**
 * TensorFlow Serving's model config file, the protobuf text given to {@code tensorflow_model_server
 * --model_config_file}: a {@code tensorflow.serving.ModelServerConfig} (TF Serving's {@code
 * tensorflow_serving/config/model_server_config.proto}) whose {@code model_config_list} names each
 * model's {@code name}, {@code base_path}, {@code model_platform} and {@code model_version_policy}
 * ({@code FileSystemStoragePathSourceConfig.ServableVersionPolicy}, in {@code
 * tensorflow_serving/config/file_system_storage_path_source.proto}, formerly under {@code
 * tensorflow_serving/sources/storage_path/}).
 *
 * <p>The text is parsed by protobuf-java's own {@link TextFormat} against descriptors built here
 * with TF Serving's field names and numbers, so the syntax accepted is protobuf's. What bean cannot
 * honour is refused rather than dropped: {@code custom_model_config}, {@code version_labels}, and
 * fields it does not declare ({@code logging_config}, the deprecated {@code model_type}), which
 * TextFormat reports as unknown.
 */
public final class ModelConfigFile {
  private static final String FILE_FORMAT =
      "model_config_list { config { name: \"...\" base_path: \"/...\" } }";

  /** A scheme such as {@code gs://} or {@code s3://}, which TF Serving reads and bean does not. */
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

  /** The first field an "unknown fields" ParseException lists, after its "line:column:\t". */
  private static final Pattern UNKNOWN_FIELD = Pattern.compile("\\t(\\S+)");

  /** The full name of ServableVersionPolicy, nested in FileSystemStoragePathSourceConfig. */
  private static final String POLICY =
      ".tensorflow.serving.FileSystemStoragePathSourceConfig.ServableVersionPolicy";

  private static final Descriptor SERVER_CONFIG;
  private static final FieldDescriptor MODEL_CONFIG_LIST;
  private static final FieldDescriptor CUSTOM_MODEL_CONFIG;
  private static final FieldDescriptor CONFIG;
  private static final FieldDescriptor NAME;
  private static final FieldDescriptor BASE_PATH;
  private static final FieldDescriptor MODEL_PLATFORM;
  private static final FieldDescriptor MODEL_VERSION_POLICY;
  private static final FieldDescriptor VERSION_LABELS;
  private static final FieldDescriptor LATEST;
  private static final FieldDescriptor NUM_VERSIONS;
  private static final FieldDescriptor ALL;
  private static final FieldDescriptor SPECIFIC;
  private static final FieldDescriptor VERSIONS;

  static {
    FileDescriptor file = buildDescriptors();
    SERVER_CONFIG = file.findMessageTypeByName("ModelServerConfig");
    MODEL_CONFIG_LIST = SERVER_CONFIG.findFieldByName("model_config_list");
    CUSTOM_MODEL_CONFIG = SERVER_CONFIG.findFieldByName("custom_model_config");
    CONFIG = MODEL_CONFIG_LIST.getMessageType().findFieldByName("config");
    Descriptor model = CONFIG.getMessageType();
    NAME = model.findFieldByName("name");
    BASE_PATH = model.findFieldByName("base_path");
    MODEL_PLATFORM = model.findFieldByName("model_platform");
    MODEL_VERSION_POLICY = model.findFieldByName("model_version_policy");
    VERSION_LABELS = model.findFieldByName("version_labels");
    Descriptor policy = MODEL_VERSION_POLICY.getMessageType();
    LATEST = policy.findFieldByName("latest");
    NUM_VERSIONS = LATEST.getMessageType().findFieldByName("num_versions");
    ALL = policy.findFieldByName("all");
    SPECIFIC = policy.findFieldByName("specific");
    VERSIONS = SPECIFIC.getMessageType().findFieldByName("versions");
  }

  private ModelConfigFile() {}

  /**
   * One model of the file: TF Serving's {@code ModelConfig}.
   *
   * @param name the model's name, unique in the file
   * @param basePath the absolute folder holding the numbered version folders
   * @param policy which versions to serve
   */
  public record ModelConfig(String name, Path basePath, VersionPolicy policy) {}

  /**
   * Which versions of a model to serve: TF Serving's {@code
   * FileSystemStoragePathSourceConfig.ServableVersionPolicy}, whose default is {@link Latest} of 1.
   */
  public sealed interface VersionPolicy {
    /**
     * The {@code numVersions} highest-numbered versions on disk.
     *
     * @param numVersions at least 1
     */
    record Latest(int numVersions) implements VersionPolicy {
      /** Refuses {@code numVersions} below 1. */
      public Latest {
        if (numVersions < 1) {
          throw new IllegalArgumentException(
              "latest num_versions " + numVersions + " (expected at least 1)");
        }
      }
    }

    /** Every version on disk. */
    record All() implements VersionPolicy {}

    /**
     * The listed versions, those of them that are on disk.
     *
     * @param versions non-negative version numbers, kept ascending and without repeats
     */
    record Specific(List<Long> versions) implements VersionPolicy {
      /** Refuses an empty list and negative numbers; sorts and drops repeats. */
      public Specific {
        if (versions.isEmpty()) {
          throw new IllegalArgumentException("specific lists no versions (expected at least one)");
        }
        for (long version : versions) {
          if (version < 0) {
            throw new IllegalArgumentException(
                "specific version " + version + " (expected a non-negative number)");
          }
        }
        // TF Serving keeps the versions in a set, so order and repeats carry no meaning.
        versions = List.copyOf(new TreeSet<>(versions));
      }
    }

    /**
     * The policy the command line's {@code --versions} flag names: {@code latest}, {@code
     * latest:N}, {@code all}, or comma-separated version numbers such as {@code 1,2,5}.
     *
     * @throws IllegalArgumentException naming what was expected, when {@code text} is none of these
     */
    static VersionPolicy parse(String text) {
      try {
        if (text.equals("latest")) {
          return new Latest(1);
        }
        if (text.equals("all")) {
          return new All();
        }
        if (text.matches("latest:[0-9]+")) {
          return new Latest(Integer.parseInt(text.substring("latest:".length())));
        }
        if (text.matches("[0-9]+(,[0-9]+)*")) {
          List<Long> versions = new ArrayList<>();
          for (String version : text.split(",")) {
            versions.add(Long.parseLong(version));
          }
          return new Specific(versions);
        }
      } catch (IllegalArgumentException tooLargeOrZero) {
        // falls through to the one message that says what is accepted
      }
      throw new IllegalArgumentException(
          "--versions '"
              + text
              + "' (expected latest, latest:N with N from 1 to 2147483647, all, or version numbers"
              + " separated by commas such as 1,2,5)");
    }
  }

  /**
   * The models of the model config file {@code file}, in file order.
   *
   * <p>A model without {@code model_version_policy}, or with an empty one, gets {@link
   * VersionPolicy.Latest} of 1, and {@code latest {}} means 1 version too, as in TF Serving; an
   * explicit {@code num_versions: 0} is refused, as a likely mistake TF Serving would quietly read
   * as 1. A {@code base_path} must be absolute, as {@code tensorflow_model_server} requires
   * ("Expected model ... to have an absolute path or URI"; only an embedding program's {@code
   * ServerCore::Options::model_config_list_root_dir} gives relative ones a meaning), so bean does
   * not guess whether one is relative to the working folder or to the file. {@code model_platform}
   * may be left out, though TF Serving requires it, since bean serves only TensorFlow SavedModels.
   *
   * @throws InvalidModelException in one line, naming the file and, for what is in it, the line and
   *     column and what was expected: for a file that cannot be read or is not UTF-8, no {@code
   *     model_config_list} or an empty one, {@code custom_model_config}, a syntax error or unknown
   *     field, a model without {@code name} or {@code base_path}, a repeated name, a relative or
   *     URI {@code base_path}, a {@code model_platform} other than {@code tensorflow}, {@code
   *     version_labels}, {@code num_versions: 0}, and a {@code specific} policy without versions or
   *     with a negative one
   */
  /**
   * Why {@code name} cannot name a model in URLs ({@code /v1/models/NAME}), or null when it can:
   * letters, digits, '.', '_' and '-', at most 255 characters, not "." or "..".
   */
  public static String nameProblem(String name) {
    if (name.length() > 255) {
      return "longer than 255 characters";
    }
    if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
      return "a model name in URLs takes letters, digits, '.', '_' and '-' (and is not . or ..)";
    }
    return null;
  }

  public static List<ModelConfig> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (MalformedInputException e) {
      throw new InvalidModelException(file + ": not UTF-8 text (expected " + FILE_FORMAT + ")");
    } catch (IOException e) {
      throw new InvalidModelException(
          file + ": cannot read the model config file (" + reason(e) + ")");
    }
    TextFormatParseInfoTree.Builder treeBuilder = TextFormatParseInfoTree.builder();
    TextFormat.Parser parser =
        TextFormat.Parser.newBuilder()
            // as TF Serving's C++ parser: a second value for a singular field is an error, not
            // a silent replacement of the first
            .setSingularOverwritePolicy(
                TextFormat.Parser.SingularOverwritePolicy.FORBID_SINGULAR_OVERWRITES)
            .setParseInfoTreeBuilder(treeBuilder)
            .build();
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(SERVER_CONFIG);
    try {
      parser.merge(text, builder);
    } catch (TextFormat.ParseException e) {
      throw new InvalidModelException(
          file + ":" + e.getLine() + ":" + e.getColumn() + ": " + describe(e));
    } catch (StackOverflowError e) {
      throw new InvalidModelException(
          file + ": nested too deeply to parse (expected " + FILE_FORMAT + ")");
    }
    return new Reader(file, builder.build(), treeBuilder.build()).models();
  }

  /** The parse error in one line; an unknown field is named with what bean reads. */
  private static String describe(TextFormat.ParseException e) {
    // the message starts with "line:column: ", which the caller already wrote
    String message = e.getMessage().replaceFirst("^-?\\d+:-?\\d+: ", "");
    Matcher unknown = UNKNOWN_FIELD.matcher(message);
    if (message.startsWith("Input contains unknown fields") && unknown.find()) {
      return "unknown field "
          + unknown.group(1)
          + " (bean reads model_config_list { config { name base_path model_platform"
          + " model_version_policy } })";
    }
    return message.replace('\n', ' ');
  }

  /** The operating system's reason the file cannot be read ("Is a directory"). */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** Checks one parsed file, with its parse tree to say where each refused value is. */
  private record Reader(Path file, DynamicMessage parsed, TextFormatParseInfoTree tree) {
    List<ModelConfig> models() {
      if (parsed.hasField(CUSTOM_MODEL_CONFIG)) {
        throw error(
            tree,
            CUSTOM_MODEL_CONFIG,
            0,
            "custom_model_config is not supported (expected model_config_list)");
      }
      if (!parsed.hasField(MODEL_CONFIG_LIST)) {
        throw new InvalidModelException(
            file + ": no model_config_list (expected " + FILE_FORMAT + ")");
      }
      DynamicMessage list = (DynamicMessage) parsed.getField(MODEL_CONFIG_LIST);
      int count = list.getRepeatedFieldCount(CONFIG);
      if (count == 0) {
        throw error(
            tree,
            MODEL_CONFIG_LIST,
            0,
            "model_config_list lists no models (expected config { name: ... base_path: ... })");
      }
      TextFormatParseInfoTree listTree = tree.getNestedTree(MODEL_CONFIG_LIST, 0);
      Map<String, Integer> lineOfName = new HashMap<>();
      List<ModelConfig> models = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ModelConfig model = model((DynamicMessage) list.getRepeatedField(CONFIG, i), listTree, i);
        TextFormatParseInfoTree at = listTree.getNestedTree(CONFIG, i);
        Integer first = lineOfName.putIfAbsent(model.name(), line(at.getLocation(NAME, 0)));
        if (first != null) {
          throw error(
              at,
              NAME,
              0,
              "model name \"" + model.name() + "\" is listed twice, first at line " + first);
        }
        models.add(model);
      }
      return List.copyOf(models);
    }

    /** The {@code index}th config of the list whose parse tree is {@code listTree}. */
    private ModelConfig model(DynamicMessage model, TextFormatParseInfoTree listTree, int index) {
      TextFormatParseInfoTree at = listTree.getNestedTree(CONFIG, index);
      String name = (String) model.getField(NAME);
      if (name.isEmpty()) {
        throw error(listTree, CONFIG, index, "config has no name (expected name: \"...\")");
      }
      String nameProblem = nameProblem(name);
      if (nameProblem != null) {
        throw error(at, NAME, 0, "name \"" + name.replace("\n", "\\n") + "\": " + nameProblem);
      }
      String basePath = (String) model.getField(BASE_PATH);
      if (basePath.isEmpty()) {
        throw error(
            listTree,
            CONFIG,
            index,
            "model \"" + name + "\" has no base_path (expected base_path: \"/absolute/folder\")");
      }
      String platform = (String) model.getField(MODEL_PLATFORM);
      if (!platform.isEmpty() && !platform.equals("tensorflow")) {
        throw error(
            at,
            MODEL_PLATFORM,
            0,
            "model_platform \""
                + platform
                + "\" (bean serves TensorFlow SavedModels: expected \"tensorflow\")");
      }
      if (model.getRepeatedFieldCount(VERSION_LABELS) > 0) {
        throw error(
            at,
            VERSION_LABELS,
            0,
            "version_labels is not supported (bean serves versions by number: expected no"
                + " version_labels)");
      }
      return new ModelConfig(name, absolute(basePath, at), policy(model, at));
    }

    private Path absolute(String basePath, TextFormatParseInfoTree at) {
      if (URI_SCHEME.matcher(basePath).find()) {
        throw error(
            at,
            BASE_PATH,
            0,
            "base_path \""
                + basePath
                + "\" is a URI (bean reads models from the local file system: expected an absolute"
                + " path)");
      }
      Path path;
      try {
        path = Path.of(basePath);
      } catch (InvalidPathException e) {
        throw error(at, BASE_PATH, 0, "base_path cannot be a path (" + e.getReason() + ")");
      }
      if (!path.isAbsolute()) {
        throw error(
            at,
            BASE_PATH,
            0,
            "base_path \""
                + basePath
                + "\" is relative (expected an absolute path, as tensorflow_model_server requires)");
      }
      return path;
    }

    private VersionPolicy policy(DynamicMessage model, TextFormatParseInfoTree at) {
      if (!model.hasField(MODEL_VERSION_POLICY)) {
        return new VersionPolicy.Latest(1);
      }
      DynamicMessage policy = (DynamicMessage) model.getField(MODEL_VERSION_POLICY);
      TextFormatParseInfoTree policyTree = at.getNestedTree(MODEL_VERSION_POLICY, 0);
      try {
        if (policy.hasField(ALL)) {
          return new VersionPolicy.All();
        }
        if (policy.hasField(SPECIFIC)) {
          @SuppressWarnings("unchecked")
          List<Long> versions =
              (List<Long>) ((DynamicMessage) policy.getField(SPECIFIC)).getField(VERSIONS);
          return new VersionPolicy.Specific(versions);
        }
        // proto3 keeps no presence for num_versions: only the parse tree tells a written 0
        // (refused) from none (TF Serving's default of 1), in latest {} or with no policy chosen
        if (!policy.hasField(LATEST)
            || policyTree.getNestedTree(LATEST, 0).getLocations(NUM_VERSIONS).isEmpty()) {
          return new VersionPolicy.Latest(1);
        }
        int numVersions =
            (Integer) ((DynamicMessage) policy.getField(LATEST)).getField(NUM_VERSIONS);
        // a uint32 above Integer.MAX_VALUE arrives negative; any count that large means all
        return new VersionPolicy.Latest(numVersions < 0 ? Integer.MAX_VALUE : numVersions);
      } catch (IllegalArgumentException e) {
        throw error(policyTree, policy.hasField(SPECIFIC) ? SPECIFIC : LATEST, 0, e.getMessage());
      }
    }

    private InvalidModelException error(
        TextFormatParseInfoTree where, FieldDescriptor field, int index, String what) {
      TextFormatParseLocation at = where.getLocation(field, index);
      return new InvalidModelException(
          file + ":" + line(at) + ":" + (at.getColumn() + 1) + ": " + what);
    }
  }

  /** The 1-based line of a parse-tree location, which counts from 0 (ParseException from 1). */
  private static int line(TextFormatParseLocation at) {
    return at.getLine() + 1;
  }

  /**
   * The messages of TF Serving's model_server_config.proto and
   * file_system_storage_path_source.proto that bean reads, with their names and field numbers.
   */
  private static FileDescriptor buildDescriptors() {
    DescriptorProto policy =
        DescriptorProto.newBuilder()
            .setName("ServableVersionPolicy")
            .addNestedType(
                DescriptorProto.newBuilder()
                    .setName("Latest")
                    .addField(field("num_versions", 1, Type.TYPE_UINT32)))
            .addNestedType(DescriptorProto.newBuilder().setName("All"))
            .addNestedType(
                DescriptorProto.newBuilder()
                    .setName("Specific")
                    .addField(field("versions", 1, Type.TYPE_INT64).setLabel(Label.LABEL_REPEATED)))
            .addOneofDecl(OneofDescriptorProto.newBuilder().setName("policy_choice"))
            .addField(message("latest", 100, POLICY + ".Latest").setOneofIndex(0))
            .addField(message("all", 101, POLICY + ".All").setOneofIndex(0))
            .addField(message("specific", 102, POLICY + ".Specific").setOneofIndex(0))
            .build();
    DescriptorProto modelConfig =
        DescriptorProto.newBuilder()
            .setName("ModelConfig")
            .addField(field("name", 1, Type.TYPE_STRING))
            .addField(field("base_path", 2, Type.TYPE_STRING))
            .addField(field("model_platform", 4, Type.TYPE_STRING))
            .addField(message("model_version_policy", 7, POLICY))
            .addField(
                message("version_labels", 8, ".tensorflow.serving.ModelConfig.VersionLabelsEntry")
                    .setLabel(Label.LABEL_REPEATED))
            // how protoc spells map<string, int64>, so that text's key/value entries parse
            .addNestedType(
                DescriptorProto.newBuilder()
                    .setName("VersionLabelsEntry")
                    .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                    .addField(field("key", 1, Type.TYPE_STRING))
                    .addField(field("value", 2, Type.TYPE_INT64)))
            .build();
    FileDescriptorProto file =
        FileDescriptorProto.newBuilder()
            .setName("tensorflow_serving/config/model_server_config.proto")
            .setPackage("tensorflow.serving")
            .setSyntax("proto3")
            .addDependency("google/protobuf/any.proto")
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("FileSystemStoragePathSourceConfig")
                    .addNestedType(policy))
            .addMessageType(modelConfig)
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("ModelConfigList")
                    .addField(
                        message("config", 1, ".tensorflow.serving.ModelConfig")
                            .setLabel(Label.LABEL_REPEATED)))
            .addMessageType(
                DescriptorProto.newBuilder()
                    .setName("ModelServerConfig")
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("config"))
                    .addField(
                        message("model_config_list", 1, ".tensorflow.serving.ModelConfigList")
                            .setOneofIndex(0))
                    .addField(
                        message("custom_model_config", 2, ".google.protobuf.Any").setOneofIndex(0)))
            .build();
    try {
      return FileDescriptor.buildFrom(file, new FileDescriptor[] {AnyProto.getDescriptor()});
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("the TF Serving config descriptors do not build", e);
    }
  }

  private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setNumber(number)
        .setType(type)
        .setLabel(Label.LABEL_OPTIONAL);
  }

  private static FieldDescriptorProto.Builder message(String name, int number, String typeName) {
    return field(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
  }
}
