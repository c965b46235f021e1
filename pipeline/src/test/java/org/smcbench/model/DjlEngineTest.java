package org.smcbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DjlEngineTest {

  @Test
  void pytorchEngineStartsOfflineAndComputes() {
    boolean offline = Boolean.parseBoolean(System.getProperty("ai.djl.offline"))
        || Boolean.parseBoolean(System.getenv("DJL_OFFLINE"));
    assertTrue(offline, "DJL must run offline (ai.djl.offline / DJL_OFFLINE), or it calls out for telemetry");
    assertEquals("PyTorch", Engine.getInstance().getEngineName());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray a = manager.create(new float[] {1, 2, 3, 4}, new Shape(2, 2));
      NDArray b = manager.create(new float[] {5, 6, 7, 8}, new Shape(2, 2));
      assertArrayEquals(new float[] {19, 22, 43, 50}, a.matMul(b).toFloatArray());
    }
  }
}
