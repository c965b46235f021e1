package org.smcbench.task.translation;

/** A hypothesis's generated tokens as a chain back to the empty one, so a fork costs one node. */
record TokenTrail(int token, TokenTrail previous, int length) {
  static final TokenTrail EMPTY = new TokenTrail(-1, null, 0);

  TokenTrail append(int next) {
    return new TokenTrail(next, this, length + 1);
  }

  int[] tokens() {
    int[] out = new int[length];
    TokenTrail t = this;
    for (int i = length - 1; i >= 0; i--) {
      out[i] = t.token;
      t = t.previous;
    }
    return out;
  }
}
