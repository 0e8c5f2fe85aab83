package org.beantf.models.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beantf.bean.BeanLayer;
import org.beantf.models.Forward;
import org.beantf.models.InferencePass;
import org.beantf.models.LayerMatrices;
import org.beantf.models.Model;
import org.beantf.models.nn.ActivationHook;
import org.beantf.models.nn.InputNormalization;
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
 * The one graph a run trains with, built once: raw images and int labels in; a training pass (batch
 * statistics, dropout) with cross-entropy + regularizers and the Adam update; an inference pass on
 * the same variables for evaluation; the BEAN layers' matrices of the inference pass for the run
 * directory. {@link TrainingSession} runs it.
 *
 * @param trainStep a stateful op whose completion is the end of a training step (fetch-free target)
 * @param inferenceLogits the inference pass's logits, [S, classes]
 * @param predictions the inference pass's class per image, [S]
 * @param layers W, A¹ and A² of every BEAN layer of the inference pass, with the run's γ and
 *     normalisation
 * @param maskAssignments ops that set every masked variable's masked entries to +0 (none without
 *     masks); the training step runs them after Adam's, so removed connections stay exactly zero
 */
record TrainingGraph(
    Placeholder<TFloat32> images,
    Placeholder<TInt32> labels,
    Operand<TFloat32> crossEntropy,
    Operand<TFloat32> regularization,
    Operand<TFloat32> correct,
    Op trainStep,
    Operand<TFloat32> inferenceLogits,
    Operand<TInt64> predictions,
    List<Op> initializers,
    VariableStore variables,
    List<LayerMatrices> layers,
    List<Op> maskAssignments) {

  /**
   * Builds the graph of {@code config}'s model on its dataset's input shape.
   *
   * @param masks 0/1 connection masks by variable name (a pruned model's kernels), or none: the
   *     model reads each masked kernel as W ⊙ mask
   */
  static TrainingGraph build(Graph graph, TrainConfig config, Map<String, float[][]> masks) {
    Model model = config.buildModel();
    Ops tf = Ops.create(graph);
    List<Op> initializers = new ArrayList<>();
    Variable<TInt64> step = tf.withName("global_step").variable(Shape.scalar(), TInt64.class);
    initializers.add(tf.assign(step, tf.constant(0L)));
    Operand<TInt64> stepValue = tf.identity(step);

    Placeholder<TFloat32> images = InferencePass.images(tf, config.inputShape());
    Placeholder<TInt32> labels =
        tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
    int classes = config.data().classes();
    VariableStore variables = new VariableStore(tf, config.seed(), config.init(), masks);

    ModelScope training =
        new ModelScope(
            tf.withSubScope("train"),
            ModelScope.Mode.TRAINING,
            variables,
            stepValue,
            config.seed());
    Operand<TFloat32> trainInput =
        InputNormalization.apply(
            training.tf(),
            images,
            config.data().preprocessing(),
            config.augmentFlip(),
            config.seed(),
            stepValue);
    Forward trainPass = model.forward(training, trainInput);

    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    Operand<TFloat32> crossEntropy =
        tf.math.mean(
            tf.nn.softmaxCrossEntropyWithLogits(trainPass.logits(), oneHot).loss(), tf.constant(0));
    Operand<TFloat32> regularization = Penalties.total(tf, config, trainPass, variables);
    Operand<TFloat32> loss = tf.math.add(crossEntropy, regularization);
    Operand<TFloat32> correct = correctCount(tf, trainPass.logits(), labels);

    List<Variable<TFloat32>> trainables =
        variables.trainables().stream().map(VariableStore.Entry::variable).toList();
    AdamUpdate.Built adam = AdamUpdate.minimize(tf, loss, trainables, config.learningRate());
    List<Op> endOfStep = new ArrayList<>(adam.updates());
    endOfStep.addAll(training.updates());
    // after every ApplyAdam (the β-power updates wait for them): a masked entry's moments may move
    // it
    endOfStep.addAll(variables.maskAssignments(tf.withControlDependencies(adam.updates())));
    Op trainStep = tf.withControlDependencies(endOfStep).assignAdd(step, tf.constant(1L));

    Forward inferencePass =
        InferencePass.build(
            tf.withSubScope("infer"),
            model,
            images,
            config.data().preprocessing(),
            variables,
            config.seed(),
            ActivationHook.NONE);
    Operand<TInt64> predictions = tf.math.argMax(inferencePass.logits(), tf.constant(1));

    initializers.addAll(variables.initializers());
    initializers.addAll(adam.initializers());
    Ops layerScope = tf.withSubScope("layers");
    List<LayerMatrices> layers = new ArrayList<>();
    for (BeanLayer<TFloat32> layer : inferencePass.beanLayers()) {
      layers.add(LayerMatrices.of(layerScope, layer, config.gamma(), config.normalization()));
    }
    return new TrainingGraph(
        images,
        labels,
        crossEntropy,
        regularization,
        correct,
        trainStep,
        inferencePass.logits(),
        predictions,
        initializers,
        variables,
        layers,
        variables.maskAssignments(tf.withSubScope("mask")));
  }

  private static Operand<TFloat32> correctCount(
      Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
    Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
    return tf.reduceSum(
        tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
  }
}
