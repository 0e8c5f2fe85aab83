package org.beantf.models.train;

import org.beantf.data.DatasetId;
import org.beantf.models.Models;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One model's training graph with {@code reg}, initialised in a one-thread session, stepped as the trainer steps
 * it (forward, regularizers, gradients, Adam; the losses and the correct count fetched). Owns its graph and session.
 */
final class BenchmarkStep implements AutoCloseable {
  static final int BATCH = 100;
  private static final ConfigProto ONE_THREAD =
      ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build();

  private final Graph graph = new Graph();
  private final Session session;
  private final TrainingGraph g;

  BenchmarkStep(String model, DatasetId dataset, String reg) {
    TrainConfig config = TrainConfig.builder(model, dataset).regularizers(Regularization.parseList(reg))
        .batch(BATCH).threads(1).build();
    g = TrainingGraph.build(graph, Models.create(model, 0), config,
        Shape.of(dataset.height(), dataset.width(), dataset.channels()));
    session = new Session(graph, ONE_THREAD);
    Session.Runner init = session.runner();
    g.initializers.forEach(init::addTarget);
    init.run().close();
  }

  /** One training step on {@code fed}; returns the batch's cross-entropy. */
  float run(BatchFeeder.Fed fed) {
    try (Result result = session.runner().setOptions(Trainer.CALLER_THREAD).feed(g.images, fed.images())
        .feed(g.labels, fed.labels()).fetch(g.crossEntropy).fetch(g.regularization).fetch(g.correct)
        .addTarget(g.trainStep).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
