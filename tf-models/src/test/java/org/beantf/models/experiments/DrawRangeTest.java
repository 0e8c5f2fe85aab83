package org.beantf.models.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.beantf.data.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrawRangeTest {
  @Test
  void aNumberIsThatDrawAlone() {
    assertEquals(List.of(3), DrawRange.parse("3"));
    assertEquals(List.of(0), DrawRange.parse("0"));
  }

  @Test
  void aRangeIsInclusive() {
    assertEquals(List.of(3), DrawRange.parse("3..3"));
    assertEquals(List.of(17, 18, 19), DrawRange.parse("17..19"));
  }

  @Test
  void aListIsTheSortedUnionOfItsItems() {
    assertEquals(List.of(2, 5, 6, 7), DrawRange.parse(" 6..7,2 ,5..6"));
    assertEquals(List.of(3, 7), DrawRange.parse("7,3"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|--draws : '' is not valid (expected N, A..B or a comma list of those, with whole numbers >= 0)",
        "x|--draws x: 'x' is not valid (expected N, A..B or a comma list of those, with whole numbers >= 0)",
        "5..3|--draws 5..3: '5..3' is not valid (expected A..B with A <= B)",
        "1..|--draws 1..: '' is not valid (expected N, A..B or a comma list of those, with whole numbers >= 0)",
        "1,,2|--draws 1,,2: '' is not valid (expected N, A..B or a comma list of those, with whole numbers >= 0)",
        "-1|--draws -1: '-1' is not valid (expected N, A..B or a comma list of those, with whole numbers >= 0)"
      })
  void malformedDrawsNameTheItem(String text, String message) {
    assertEquals(
        message,
        assertThrows(InvalidSettingException.class, () -> DrawRange.parse(text))
            .messageFor(p -> "--" + p));
  }
}
