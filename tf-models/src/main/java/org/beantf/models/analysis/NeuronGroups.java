package org.beantf.models.analysis;

/**
 * How a layer's neurons are assigned to classes for the population ablation and the class-coloured
 * maps: by the class they fire for most, or, in the layer that feeds the output, by the class their
 * strongest outgoing weight targets, whatever its sign. BEAN's f(W) = |tanh(γW)| ignores sign, so
 * its assemblies can be inhibitory; a LeNet-5 trained by the authors' code clusters by the class
 * each neuron suppresses (ARI 1.0) and not by its most active class (ARI −0.05) (REFERENCE.md). The
 * report shows the assignment that agrees better with the k-means clusters.
 */
public enum NeuronGroups {
  /** The class of the neuron's highest mean test activation (paper Fig. 4). */
  PREFERRED_CLASS("preferred class", "the neurons that prefer a class", "preferred_class"),
  /** The class (output neuron) of the neuron's largest |w|, excitatory or inhibitory. */
  STRONGEST_OUTGOING(
      "strongest outgoing weight's class",
      "the neurons whose strongest outgoing weight targets a class",
      "strongest_outgoing");

  private final String label;
  private final String neurons;
  private final String jsonName;

  NeuronGroups(String label, String neurons, String jsonName) {
    this.label = label;
    this.neurons = neurons;
    this.jsonName = jsonName;
  }

  /** What a group is named by: "preferred class". */
  public String label() {
    return label;
  }

  /** The members of a group, in a sentence: "the neurons that prefer a class". */
  public String neurons() {
    return neurons;
  }

  /** The name analysis.json gives it. */
  public String jsonName() {
    return jsonName;
  }
}
