package org.beantf.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A SignatureDef in protobuf's JSON form as TF Serving's metadata API prints it: proto field names
 * preserved, fields with default values printed, int64 sizes as strings ({@code "-1"}), dtypes as
 * enum names ({@code "DT_FLOAT"}). Written field by field for the three messages involved rather
 * than through protobuf-java-util's JsonFormat, which would add Guava and Gson to the application
 * for this one answer. Source: TF Serving's http_rest_api_util.cc (printer options) and
 * servables/tensorflow/testdata/saved_model_half_plus_two_2_versions_metadata.json (field order).
 */
final class SignatureJson {
  private SignatureJson() {}

  /** Writes {@code {"signature_def": {name: SignatureDef, …}}} (TF Serving's SignatureDefMap). */
  static void writeMap(JsonGenerator json, Map<String, SignatureDef> signatures)
      throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("signature_def");
    for (var entry : new TreeMap<>(signatures).entrySet()) {
      json.writeFieldName(entry.getKey());
      write(json, entry.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  static void write(JsonGenerator json, SignatureDef signature) throws IOException {
    json.writeStartObject();
    tensors(json, "inputs", signature.getInputsMap());
    tensors(json, "outputs", signature.getOutputsMap());
    json.writeStringField("method_name", signature.getMethodName());
    if (SignatureDef.getDescriptor().findFieldByName("defaults") != null) {
      // newer SignatureDefs carry default inputs; a bean export has none
      json.writeObjectFieldStart("defaults");
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void tensors(JsonGenerator json, String field, Map<String, TensorInfo> tensors)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (var entry : new TreeMap<>(tensors).entrySet()) {
      TensorInfo info = entry.getValue();
      json.writeObjectFieldStart(entry.getKey());
      json.writeStringField("dtype", info.getDtype().name());
      json.writeObjectFieldStart("tensor_shape");
      json.writeArrayFieldStart("dim");
      for (TensorShapeProto.Dim dim : info.getTensorShape().getDimList()) {
        json.writeStartObject();
        json.writeStringField("size", Long.toString(dim.getSize()));
        json.writeStringField("name", dim.getName());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeBooleanField("unknown_rank", info.getTensorShape().getUnknownRank());
      json.writeEndObject();
      json.writeStringField("name", info.getName());
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
