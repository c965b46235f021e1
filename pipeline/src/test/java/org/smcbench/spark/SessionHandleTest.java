package org.smcbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smcbench.config.ConfigLoader;
import org.smcbench.config.Settings;

/** Two commands one after the other in one JVM: the second gets a Delta-enabled session again. */
class SessionHandleTest {
  @Test
  void aSessionOpenedAfterAnotherWasClosedIsConfiguredAgain() {
    Settings settings = ConfigLoader.load(null, List.of(), Map.of());
    try (SessionHandle first = SessionHandle.open(settings)) {
      assertEquals("io.delta.sql.DeltaSparkSessionExtension", first.spark().conf().get("spark.sql.extensions"));
    }
    try (SessionHandle second = SessionHandle.open(settings)) {
      assertFalse(second.spark().sparkContext().isStopped());
      assertEquals("io.delta.sql.DeltaSparkSessionExtension", second.spark().conf().get("spark.sql.extensions"));
      assertEquals(1L, second.spark().range(1).count());
    }
  }
}
