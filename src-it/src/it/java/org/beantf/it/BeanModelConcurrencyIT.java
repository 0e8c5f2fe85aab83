package org.beantf.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.beantf.data.Dataset;
import org.beantf.data.DatasetId;
import org.beantf.data.DatasetInfo;
import org.beantf.data.ImageSet;
import org.beantf.models.ModelKind;
import org.beantf.models.export.ModelExport;
import org.beantf.models.train.RunDirectory;
import org.beantf.models.train.TrainConfig;
import org.beantf.models.train.Trainer;
import org.beantf.models.train.TrainingListener;
import org.beantf.savedmodels.BeanModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 8 threads × 2,000 predicts on one BeanModel give exactly what one thread gives. */
class BeanModelConcurrencyIT {
  private static final int THREADS = 8;
  private static final int CALLS = 2000;
  private static final int DISTINCT = 50;

  @TempDir Path dir;

  @Test
  void eightThreadsEqualOneThread() throws Exception {
    ImageSet images = RandomImages.of(300, 9);
    TrainConfig config =
        TrainConfig.builder(ModelKind.MLP, DatasetId.MNIST).epochs(1).batch(50).threads(2).build();
    Path run = dir.resolve("run");
    new Trainer(config, TrainingListener.SILENT)
        .train(
            new Dataset(DatasetInfo.of(DatasetId.MNIST), images, images),
            RunDirectory.forNewRun(run));
    Path version =
        ModelExport.export(
            config,
            run.resolve("checkpoint/variables").toString(),
            run.resolve("savedmodel"),
            "mlp",
            0);

    try (BeanModel model = BeanModel.load(version)) {
      float[][] expected = new float[DISTINCT][];
      for (int i = 0; i < DISTINCT; i++) {
        expected[i] = model.predict(image(images, i), 1).probabilities()[0];
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          results.add(
              pool.submit(
                  () -> {
                    int checked = 0;
                    for (int call = 0; call < CALLS; call++) {
                      int i = (thread * 7 + call) % DISTINCT;
                      assertArrayEquals(
                          expected[i],
                          model.predict(image(images, i), 1).probabilities()[0],
                          "thread " + thread + " call " + call);
                      checked++;
                    }
                    return checked;
                  }));
        }
        for (Future<Integer> result : results) {
          assertEquals(CALLS, result.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static float[] image(ImageSet images, int index) {
    float[] pixels = new float[images.imageSize()];
    images.copyImage(index, pixels, 0);
    return pixels;
  }
}
