package org.smcbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code torch.optim.AdamW} (single-tensor path, no amsgrad) on DJL/PyTorch parameters, updated in
 * place:
 *
 * <pre>
 *   w ← w·(1 − lr·wd);  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 *   w ← w − (lr / (1−β1^t)) · m / (sqrt(v) / sqrt(1−β2^t) + ε)
 * </pre>
 *
 * <p>DJL's own AdamW adds ε outside the bias correction and allocates several full-size
 * temporaries per parameter (a clone of the gradient among them). Here the gradient buffer is the
 * scratch space and at most two temporaries exist per parameter; the last line is computed as
 * {@code lr·sqrt(bc2)/bc1 · m / (sqrt(v) + ε·sqrt(bc2))}, the same quantity.
 *
 * <p>As in PyTorch, a parameter whose gradient was never populated is skipped (no decay, its step
 * count unchanged); the step count is per parameter. After its update each gradient is zeroed in
 * place (DJL's gradient collector does not zero gradients, and PyTorch accumulates). A zeroed
 * gradient stays defined, so unlike PyTorch's {@code zero_grad(set_to_none=True)} a parameter
 * that later misses a backward pass is still stepped, with gradient 0.
 *
 * <p>Weight decay applies to every parameter unless the optional {@code noDecay} name predicate
 * says otherwise (fairseq decays biases and LayerNorm too). Not thread-safe; moment buffers live in
 * a manager this optimizer owns, freed by {@link #close()}.
 */
public final class AdamW implements AutoCloseable {
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final double weightDecay;
  private final Predicate<String> noDecay;
  private final NDManager stateManager = NDManager.newBaseManager();
  private final Map<String, State> states = new HashMap<>();

  private static final class State {
    final NDArray m;
    final NDArray v;
    int step;

    State(NDArray m, NDArray v) {
      this.m = m;
      this.v = v;
    }
  }

  private AdamW(Builder b) {
    this.beta1 = b.beta1;
    this.beta2 = b.beta2;
    this.eps = b.eps;
    this.weightDecay = b.weightDecay;
    this.noDecay = b.noDecay;
  }

  /** PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0.01, decay everywhere. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One update of every parameter with a gradient, at learning rate {@code lr}; gradients are
   * zeroed afterwards. Grad mode is off during the update and restored after.
   */
  public void step(Map<String, Parameter> params, float lr) {
    step(params, lr, null);
  }

  /**
   * As above, each parameter at {@code lr × scale.get(name)} (parameter groups with their own peak
   * learning rate); a name {@code scale} lacks, or a null map, means 1.
   */
  public void step(Map<String, Parameter> params, float lr, Map<String, Float> scale) {
    try (NoGrad ignored = NoGrad.enter()) {
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        PtNDArray w = pytorch(e.getKey(), e.getValue().getArray());
        PtNDArray g = JniUtils.getGradient(w); // a new handle on the gradient, or null if none
        if (g == null) {
          continue;
        }
        try (g) {
          Float s = scale == null ? null : scale.get(e.getKey());
          update(e.getKey(), w, g, s == null ? lr : lr * s);
        }
        JniUtils.zeroGrad(w);
      }
    }
  }

  /** Updates taken so far for parameter {@code name} (PyTorch's {@code state["step"]}). */
  public int steps(String name) {
    State s = states.get(name);
    return s == null ? 0 : s.step;
  }

  @Override
  public void close() {
    stateManager.close();
  }

  private void update(String name, PtNDArray w, NDArray g, float lr) {
    State s = states.computeIfAbsent(name, n -> new State(
        stateManager.zeros(w.getShape(), w.getDataType(), w.getDevice()),
        stateManager.zeros(w.getShape(), w.getDataType(), w.getDevice())));
    s.step++;
    double bc1 = 1 - Math.pow(beta1, s.step);
    double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, s.step));
    double wd = noDecay.test(name) ? 0.0 : weightDecay;

    if (wd != 0.0) {
      w.muli((float) (1 - lr * wd));
    }
    try (NDArray t = g.mul((float) (1 - beta1))) {
      s.m.muli((float) beta1).addi(t);
    }
    g.muli(g).muli((float) (1 - beta2)); // g is scratch from here on
    s.v.muli((float) beta2).addi(g);
    // zero_() rather than g - g: an overflowed square (inf) would leave NaN behind
    JniUtils.zeroGrad(w);
    try (NDArray d = s.v.sqrt()) {
      d.addi((float) (eps * sqrtBc2));
      g.addi(s.m).divi(d).muli((float) (lr / bc1 * sqrtBc2));
      w.subi(g);
    }
  }

  private static PtNDArray pytorch(String name, NDArray array) {
    if (array instanceof PtNDArray pt) {
      return pt;
    }
    throw new IllegalArgumentException("parameter '" + name + "' is not a PyTorch-engine array: "
        + array.getClass().getName());
  }

  public static final class Builder {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double weightDecay = 0.01;
    private Predicate<String> noDecay = name -> false;

    private Builder() {}

    public Builder betas(double beta1, double beta2) {
      if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1)) {
        throw new IllegalArgumentException("betas must lie in [0, 1): " + beta1 + ", " + beta2);
      }
      this.beta1 = beta1;
      this.beta2 = beta2;
      return this;
    }

    public Builder eps(double eps) {
      if (!(eps >= 0)) {
        throw new IllegalArgumentException("eps must be >= 0: " + eps);
      }
      this.eps = eps;
      return this;
    }

    public Builder weightDecay(double weightDecay) {
      if (!(weightDecay >= 0)) {
        throw new IllegalArgumentException("weight decay must be >= 0: " + weightDecay);
      }
      this.weightDecay = weightDecay;
      return this;
    }

    /** Parameters whose name matches get no weight decay (none by default). */
    public Builder noDecay(Predicate<String> noDecay) {
      this.noDecay = noDecay;
      return this;
    }

    public AdamW build() {
      return new AdamW(this);
    }
  }
}
