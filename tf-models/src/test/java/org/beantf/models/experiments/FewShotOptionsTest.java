package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.beantf.data.BadInputException;
import org.beantf.models.nn.WeightInit;
import org.junit.jupiter.api.Test;

/** What a few-shot grid changes from its protocol, and how settings.json records it. */
class FewShotOptionsTest {
  private static final FewShotOptions PER_DRAW =
      new FewShotOptions(
          WeightInit.PYTORCH,
          50,
          FewShotOptions.parseGrids(List.of("bean1=0.3,1,3,10", "dropout=0.25,0.5,0.75")),
          true);

  @Test
  void settingsReadBackAsTheOptions() {
    for (FewShotOptions options :
        List.of(
            FewShotOptions.DEFAULTS,
            PER_DRAW,
            new FewShotOptions(
                WeightInit.GLOROT, null, FewShotOptions.parseGrids(List.of("bean2=1")), false))) {
      ObjectNode settings = FewShotGrid.settings(FewShotProtocol.AUTHORS, 500, options);
      assertEquals(options, FewShotOptions.fromSettings(settings, FewShotProtocol.AUTHORS));
    }
  }

  @Test
  void theDefaultsWriteTheSettingsOfStoresMadeBeforeTheOptions() {
    ObjectNode settings =
        FewShotGrid.settings(FewShotProtocol.AUTHORS, 500, FewShotOptions.DEFAULTS);
    assertFalse(settings.has("init"));
    assertFalse(settings.has("selection"));
    assertEquals(FewShotProtocol.AUTHORS_EPOCHS_1_SHOT, settings.get("epochs_1_shot").asInt());
    assertEquals(FewShotProtocol.AUTHORS_EPOCHS, settings.get("epochs").asInt());
    assertEquals(3.0, settings.at("/grid/bean1/0/alpha").asDouble());
  }

  @Test
  void aGridReplacesTheProtocolsAndSaysHowItIsChosen() {
    assertEquals(
        List.of(
            Hyperparameters.of("alpha", 0.3),
            Hyperparameters.of("alpha", 1),
            Hyperparameters.of("alpha", 3),
            Hyperparameters.of("alpha", 10)),
        PER_DRAW.grid(FewShotMethod.BEAN1, FewShotProtocol.AUTHORS));
    assertEquals(
        List.of(Hyperparameters.of("alpha", 100)),
        PER_DRAW.grid(FewShotMethod.BEAN2, FewShotProtocol.AUTHORS));
    assertTrue(PER_DRAW.choosesPerDraw(FewShotMethod.DROPOUT, FewShotProtocol.AUTHORS));
    assertFalse(PER_DRAW.choosesPerDraw(FewShotMethod.BEAN2, FewShotProtocol.AUTHORS));
  }

  @Test
  void perDrawSelectionCostsEverySettingOnEveryDraw() {
    FewShotGrid.Plan plan =
        new FewShotGrid.Plan(
            FewShotProtocol.AUTHORS,
            List.of(org.beantf.data.DatasetId.MNIST),
            List.of(1),
            List.of(0, 1, 2),
            List.of(FewShotMethod.BEAN1, FewShotMethod.BEAN2),
            500,
            null,
            PER_DRAW);
    long perRun = FewShotGrid.work(1, FewShotMethod.BEAN1);
    assertEquals(
        List.of(3 * 4 * perRun, 3 * perRun), plan.cells().stream().map(plan::cost).toList());
  }

  @Test
  void aStoreWithAnUnknownSelectionIsRefused() {
    ObjectNode settings = FewShotGrid.settings(FewShotProtocol.AUTHORS, 500, PER_DRAW);
    settings.put("selection", "oracle");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> FewShotOptions.fromSettings(settings, FewShotProtocol.AUTHORS));
    assertEquals("selection \"oracle\" (expected per-draw or none)", e.getMessage());
    assertEquals(Map.of(), FewShotOptions.DEFAULTS.grids());
  }
}
