package org.beantf.models;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RunOptions;

/**
 * The session settings every TensorFlow session of this project runs with, so the same seed gives
 * the same bits.
 */
public final class Sessions {
  /**
   * Every op on the calling thread. Otherwise TensorFlow runs cheap ops inline on the (Java) caller
   * and expensive ones on its pool threads, which flush denormals; which op is cheap follows cost
   * estimates that adapt after about a hundred steps, so two runs of the same seed drifted apart
   * from there. On one thread they are bit-identical.
   */
  public static final RunOptions CALLER_THREAD =
      RunOptions.newBuilder().setInterOpThreadPool(-1).build();

  private Sessions() {}

  /** {@code threads} intra-op threads and one inter-op thread. */
  public static ConfigProto config(int threads) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(threads)
        .setInterOpParallelismThreads(1)
        .build();
  }
}
