package org.smcbench.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.smcbench.data.McTokens;
import org.smcbench.task.mc.McEncoder;

class McEncoderTest {
  private static final int CLS = 101;
  private static final int SEP = 102;

  @Test
  void laysOutContextFirstAndSecondWithSegmentIds() {
    McTokens t = new McTokens(new int[] {1, 2}, new int[][] {{3, 4}}, new int[][] {{5}});
    int[][] e = McEncoder.encode(t, 0, 64, CLS, SEP);
    assertArrayEquals(new int[] {CLS, 1, 2, 3, 4, SEP, 5, SEP}, e[0]);
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1}, e[1]);
  }

  @Test
  void truncatesTheContextBeforeQuestionOrOption() {
    McTokens t = new McTokens(new int[] {1, 2, 3, 4, 5, 6}, new int[][] {{7, 8}}, new int[][] {{9}});
    int[][] e = McEncoder.encode(t, 0, 8, CLS, SEP);
    // 8 tokens = 3 special + 2 question + 1 option + 2 of the context.
    assertArrayEquals(new int[] {CLS, 1, 2, 7, 8, SEP, 9, SEP}, e[0]);
  }

  @Test
  void thenCutsTheLongerSegmentFromItsEnd() {
    McTokens t = new McTokens(new int[0], new int[][] {{1, 2, 3, 4, 5}}, new int[][] {{6, 7}});
    int[][] e = McEncoder.encode(t, 0, 7, CLS, SEP);
    assertArrayEquals(new int[] {CLS, 1, 2, SEP, 6, 7, SEP}, e[0]);
  }

  @Test
  void robertaDoublesTheMiddleSeparatorWithinTheSameLength() {
    McTokens t = new McTokens(new int[] {1, 2, 3, 4, 5, 6}, new int[][] {{7, 8}}, new int[][] {{9}});
    int[][] e = McEncoder.encode(t, 0, 8, 0, 2, 2);
    // <s> ctx first </s></s> second </s>: 4 special tokens leave 1 context token.
    assertArrayEquals(new int[] {0, 1, 7, 8, 2, 2, 9, 2}, e[0]);
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 1, 1}, e[1]);
  }
}
