package org.beantf.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The metadata API's SignatureDef JSON, against the form of TF Serving's own expected file
 * (servables/tensorflow/testdata/saved_model_half_plus_two_2_versions_metadata.json): proto field
 * names, sizes as strings, dtypes by name, default fields printed.
 */
class SignatureJsonTest {
  @Test
  void signatureDefMapIsProtobufJson() throws Exception {
    TensorInfo x =
        TensorInfo.newBuilder()
            .setName("x:0")
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(
                TensorShapeProto.newBuilder()
                    .addDim(TensorShapeProto.Dim.newBuilder().setSize(-1))
                    .addDim(TensorShapeProto.Dim.newBuilder().setSize(1)))
            .build();
    TensorInfo y =
        TensorInfo.newBuilder()
            .setName("y:0")
            .setDtype(DataType.DT_INT64)
            .setTensorShape(
                TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(-1)))
            .build();
    SignatureDef signature =
        SignatureDef.newBuilder()
            .putInputs("x", x)
            .putOutputs("y", y)
            .setMethodName("tensorflow/serving/predict")
            .build();
    StringWriter text = new StringWriter();
    ObjectMapper mapper = new ObjectMapper();
    try (JsonGenerator json = mapper.getFactory().createGenerator(text)) {
      SignatureJson.writeMap(json, Map.of("serving_default", signature));
    }
    String expected =
        """
        {"signature_def": {"serving_default": {
          "inputs": {"x": {"dtype": "DT_FLOAT",
            "tensor_shape": {"dim": [{"size": "-1", "name": ""}, {"size": "1", "name": ""}],
                             "unknown_rank": false},
            "name": "x:0"}},
          "outputs": {"y": {"dtype": "DT_INT64",
            "tensor_shape": {"dim": [{"size": "-1", "name": ""}], "unknown_rank": false},
            "name": "y:0"}},
          "method_name": "tensorflow/serving/predict"%s}}}
        """
            .formatted(
                SignatureDef.getDescriptor().findFieldByName("defaults") != null
                    ? ", \"defaults\": {}"
                    : "");
    assertEquals(mapper.readTree(expected), mapper.readTree(text.toString()));
  }
}
