package org.smcbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smcbench.bench.RunTimeline.Span;

class RunTimelineTest {
  @Test
  void runsBackToBackOnOneExecutorNeverOverlap() {
    assertEquals(1, RunTimeline.maxConcurrentPerExecutor(List.of(
        new Span("0", "dense seed 1", 0, 10), new Span("0", "dense seed 2", 10, 20), new Span("0", "omp", 20.5, 30))));
  }

  @Test
  void overlapIsCountedPerExecutor() {
    List<Span> twoExecutors = List.of(new Span("0", "a", 0, 10), new Span("1", "b", 1, 11), new Span("1", "c", 11, 20));
    assertEquals(1, RunTimeline.maxConcurrentPerExecutor(twoExecutors));
    List<Span> shared = List.of(new Span("0", "a", 0, 10), new Span("0", "b", 4, 14), new Span("0", "c", 5, 6),
        new Span("1", "d", 0, 30));
    assertEquals(3, RunTimeline.maxConcurrentPerExecutor(shared));
  }
}
