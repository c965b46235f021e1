package org.smcbench.model.gts;

/**
 * Immutable linked stack: pushing shares the tail, so beam hypotheses branch off one another
 * without copying GTS's node and subtree stacks.
 */
final class PStack<T> {
  private static final PStack<?> EMPTY = new PStack<>(null, null, 0);

  private final T head;
  private final PStack<T> tail;
  private final int size;

  private PStack(T head, PStack<T> tail, int size) {
    this.head = head;
    this.tail = tail;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <T> PStack<T> empty() {
    return (PStack<T>) EMPTY;
  }

  PStack<T> push(T value) {
    return new PStack<>(value, this, size + 1);
  }

  T peek() {
    if (size == 0) {
      throw new IllegalStateException("empty stack");
    }
    return head;
  }

  PStack<T> pop() {
    if (size == 0) {
      throw new IllegalStateException("empty stack");
    }
    return tail;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }
}
