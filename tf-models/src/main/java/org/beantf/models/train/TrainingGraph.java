package org.beantf.models.train;

import java.util.ArrayList;
import java.util.List;
import org.beantf.bean.BeanLayer;
import org.beantf.bean.Correlations;
import org.beantf.models.Forward;
import org.beantf.models.Model;
import org.beantf.models.nn.ModelScope;
import org.beantf.models.nn.VariableStore;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The one graph a run trains with, built once: raw images and int labels in; a training pass (batch statistics,
 * dropout) with cross-entropy + regularizers and the Adam update; an inference pass on the same variables for
 * evaluation.
 */
public final class TrainingGraph {
  final Placeholder<TFloat32> images;
  final Placeholder<TInt32> labels;
  final Operand<TFloat32> crossEntropy;
  final Operand<TFloat32> regularization;
  final Operand<TFloat32> correct;
  /** A stateful op whose completion is the end of a training step (fetch-free target). */
  final Op trainStep;
  /** Logits of the inference pass, [S, classes]. */
  final Operand<TFloat32> inferenceLogits;
  final Operand<TInt64> predictions;
  final List<Op> initializers;
  final VariableStore variables;
  /** W, A¹ and A² of every BEAN layer of the inference pass, with the run's γ and normalisation. */
  final List<LayerExport> layers;

  private TrainingGraph(Placeholder<TFloat32> images, Placeholder<TInt32> labels, Operand<TFloat32> crossEntropy,
      Operand<TFloat32> regularization, Operand<TFloat32> correct, Op trainStep, Operand<TFloat32> inferenceLogits,
      Operand<TInt64> predictions, List<Op> initializers, VariableStore variables, List<LayerExport> layers) {
    this.images = images;
    this.labels = labels;
    this.crossEntropy = crossEntropy;
    this.regularization = regularization;
    this.correct = correct;
    this.trainStep = trainStep;
    this.inferenceLogits = inferenceLogits;
    this.predictions = predictions;
    this.initializers = initializers;
    this.variables = variables;
    this.layers = layers;
  }

  /** Builds the graph of {@code model} for {@code config} on images of {@code shape} [H, W, C]. */
  public static TrainingGraph build(Graph graph, Model model, TrainConfig config, Shape imageShape) {
    Ops tf = Ops.create(graph);
    List<Op> initializers = new ArrayList<>();
    Variable<TInt64> step = tf.withName("global_step").variable(Shape.scalar(), TInt64.class);
    initializers.add(tf.assign(step, tf.constant(0L)));
    Operand<TInt64> stepValue = tf.identity(step);

    Placeholder<TFloat32> images = tf.withName("images").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, imageShape.get(0), imageShape.get(1), imageShape.get(2))));
    Placeholder<TInt32> labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    int classes = config.dataset().classes();
    VariableStore variables = new VariableStore(tf, config.seed());

    ModelScope training = new ModelScope(tf.withSubScope("train"), ModelScope.Mode.TRAINING, variables, stepValue,
        config.seed());
    Operand<TFloat32> trainInput = InputNormalization.apply(training.tf(), images, config.dataset(),
        config.augmentFlip(), config.seed(), stepValue);
    Forward trainPass = model.forward(training, trainInput, classes);

    Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> crossEntropy = tf.math.mean(
        tf.nn.softmaxCrossEntropyWithLogits(trainPass.logits(), oneHot).loss(), tf.constant(0));
    Operand<TFloat32> regularization = Penalties.total(tf, config, trainPass, variables);
    Operand<TFloat32> loss = tf.math.add(crossEntropy, regularization);
    Operand<TFloat32> correct = correctCount(tf, trainPass.logits(), labels);

    List<Variable<TFloat32>> trainables = variables.trainables().stream().map(VariableStore.Entry::variable).toList();
    AdamUpdate.Built adam = AdamUpdate.minimize(tf, loss, trainables, config.learningRate());
    List<Op> endOfStep = new ArrayList<>(adam.updates());
    endOfStep.addAll(training.updates());
    Op trainStep = tf.withControlDependencies(endOfStep).assignAdd(step, tf.constant(1L));

    ModelScope inference = new ModelScope(tf.withSubScope("infer"), ModelScope.Mode.INFERENCE, variables, null,
        config.seed());
    Forward inferencePass = model.forward(inference,
        InputNormalization.apply(inference.tf(), images, config.dataset(), false, config.seed(), null), classes);
    Operand<TInt64> predictions = tf.math.argMax(inferencePass.logits(), tf.constant(1));

    initializers.addAll(variables.initializers());
    initializers.addAll(adam.initializers());
    return new TrainingGraph(images, labels, crossEntropy, regularization, correct, trainStep,
        inferencePass.logits(), predictions, initializers, variables, layerExports(tf.withSubScope("layers"), config, inferencePass.beanLayers()));
  }

  private static List<LayerExport> layerExports(Ops tf, TrainConfig config, List<BeanLayer<TFloat32>> layers) {
    List<LayerExport> exports = new ArrayList<>();
    for (BeanLayer<TFloat32> layer : layers) {
      Correlations<TFloat32> a = Correlations.of(tf, layer.outgoingWeights(), config.gamma(),
          config.normalization());
      exports.add(new LayerExport(layer.name(), layer.outgoingWeights(), a.first(), a.second()));
    }
    return exports;
  }

  private static Operand<TFloat32> correctCount(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
    Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
    return tf.reduceSum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
  }
}
