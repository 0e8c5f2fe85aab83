package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher's stderr filter (scripts/tf-log-filter.pl) on the lines TensorFlow 2.18 prints: its
 * info and warning lines go, in both of its formats; its errors, the tool's own lines and a
 * progress bar's carriage-return redraws stay, in order.
 */
class LogFilterIT {
  @Test
  void onlyTensorFlowsInfoAndWarningLinesAreDropped() throws Exception {
    String input =
        "csv:t.csv: 120 training and 30 test rows of 4 features, 3 classes\n"
            + "WARNING: All log messages before absl::InitializeLog() is called are written to"
            + " STDERR\n"
            + "I0000 00:00:1795979640.716931   17617 mlir_graph_optimization_pass.cc:401] MLIR V1"
            + " optimization pass is not enabled\n"
            + "W0000 00:00:1795979640.716931   17617 cpu_feature_guard.cc:210] a warning\n"
            + "2026-11-29 18:17:47.166765: I tensorflow/cc/saved_model/loader.cc:236] Restoring"
            + " SavedModel bundle.\n"
            + "E0000 00:00:1795979640.9 17617 session.cc:1] an error TensorFlow reports\n"
            + "epoch 1/2  50% [=   ]\repoch 1/2 100% [====]\n"
            + "WARNING: a line of the tool's own\n"
            + "bean: /tmp/x.csv: no such file (expected a CSV table)\n";
    Process perl =
        new ProcessBuilder("perl", Path.of("..", "scripts", "tf-log-filter.pl").toString())
            .redirectErrorStream(true)
            .start();
    perl.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    perl.getOutputStream().close();
    String output = new String(perl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, perl.waitFor());
    assertEquals(
        "csv:t.csv: 120 training and 30 test rows of 4 features, 3 classes\n"
            + "E0000 00:00:1795979640.9 17617 session.cc:1] an error TensorFlow reports\n"
            + "epoch 1/2  50% [=   ]\repoch 1/2 100% [====]\n"
            + "WARNING: a line of the tool's own\n"
            + "bean: /tmp/x.csv: no such file (expected a CSV table)\n",
        output);
  }
}
