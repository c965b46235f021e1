package org.smcbench.data;

import java.io.Serializable;

/** What a reader made of one raw record: a value, or the reason it is malformed. */
public sealed interface ParseOutcome<T> extends Serializable {

  record Ok<T>(T value) implements ParseOutcome<T> {}

  record Malformed<T>(String reason) implements ParseOutcome<T> {}

  static <T> ParseOutcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> ParseOutcome<T> malformed(String reason) {
    return new Malformed<>(reason);
  }
}
