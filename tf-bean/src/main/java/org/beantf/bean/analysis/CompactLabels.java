package org.beantf.bean.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Arbitrary integer labels renumbered 0..count−1 in order of first appearance, so per-label counts
 * fit in arrays whatever values the caller used (cluster ids, class ids).
 */
record CompactLabels(int[] labels, int count) {

  static CompactLabels of(int[] labels) {
    Map<Integer, Integer> index = new HashMap<>();
    int[] compact = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      compact[i] = index.computeIfAbsent(labels[i], label -> index.size());
    }
    return new CompactLabels(compact, index.size());
  }

  /** How many points carry each compact label. */
  int[] sizes() {
    int[] sizes = new int[count];
    for (int label : labels) {
      sizes[label]++;
    }
    return sizes;
  }
}
