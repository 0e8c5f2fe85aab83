package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;

class FewShotMethodTest {
  @Test
  void theAuthorsProtocolUsesTheirValuesWithoutTuning() {
    assertEquals(
        List.of(Hyperparameters.of("alpha", 3)), FewShotMethod.BEAN1.grid(FewShotProtocol.AUTHORS));
    assertEquals(
        List.of(Hyperparameters.of("alpha", 100)),
        FewShotMethod.BEAN2.grid(FewShotProtocol.AUTHORS));
    assertEquals(
        List.of(Hyperparameters.of("p", 0.5)), FewShotMethod.DROPOUT.grid(FewShotProtocol.AUTHORS));
  }

  @Test
  void strictGridsHoldAtMostThreeValues() {
    for (FewShotMethod method : FewShotMethod.values()) {
      int size = method.grid(FewShotProtocol.STRICT).size();
      assertTrue(size >= 1 && size <= 3, method + " has " + size + " settings");
    }
    assertEquals(
        List.of(
            Hyperparameters.of("alpha", 1e2),
            Hyperparameters.of("alpha", 1e3),
            Hyperparameters.of("alpha", 1e4)),
        FewShotMethod.BEAN1.grid(FewShotProtocol.STRICT));
  }

  @Test
  void listsKeepTheTablesOrderAndRefuseUnknownNames() {
    assertEquals(
        List.of(FewShotMethod.VANILLA, FewShotMethod.BEAN2, FewShotMethod.KNN),
        FewShotMethod.parseList("knn, BEAN2,vanilla"));
    InvalidSettingException e =
        assertThrows(InvalidSettingException.class, () -> FewShotMethod.parseList("vanilla,bean3"));
    assertTrue(
        e.messageFor(p -> "--" + p).startsWith("--methods vanilla,bean3: unknown method 'bean3'"),
        e.getMessage());
  }
}
