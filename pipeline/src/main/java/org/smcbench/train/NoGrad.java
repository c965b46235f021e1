package org.smcbench.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode switched off for a try-with-resources block, then restored to what it was.
 *
 * <p>In-place updates of parameters (masking, optimizer steps) are rejected by PyTorch on a leaf
 * that requires grad while grad mode is on, and grad mode is per thread: the engine's first thread
 * starts with it off, every other thread (a Spark task's, a GradientCollector's scope) with it on.
 * Open and close on the same thread.
 */
public final class NoGrad implements AutoCloseable {
  private final boolean previous;

  private NoGrad() {
    previous = JniUtils.isGradMode();
    JniUtils.setGradMode(false);
  }

  public static NoGrad enter() {
    return new NoGrad();
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
  }
}
