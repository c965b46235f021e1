package org.smcbench.data.translation;

import java.util.List;

/** The parallel-text layouts a translation dataset's {@code reader} key may name. */
public final class ParallelLayouts {
  public static final List<ParallelLayout> ALL = List.of(new Opus100Layout(), new OpusMtTestsetsLayout(),
      new Flores200Layout());

  private ParallelLayouts() {}

  public static List<String> names() {
    return ALL.stream().map(ParallelLayout::name).toList();
  }

  public static ParallelLayout get(String name) {
    return ALL.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "unknown parallel-text layout '" + name + "': known are " + names()));
  }
}
