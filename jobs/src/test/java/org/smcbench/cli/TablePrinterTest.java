package org.smcbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TablePrinterTest {
  @Test
  void tableShowsFourDecimalsAndTinyValuesInScientificNotation() {
    assertEquals("0.3047", TablePrinter.format(0.304668));
    assertEquals("0.0000", TablePrinter.format(0.0));
    assertEquals("1.23e-20", TablePrinter.format(1.234e-20));
    assertEquals("-0.0590", TablePrinter.format(-0.05897));
    assertEquals("NaN", TablePrinter.format(Double.NaN));
  }
}
