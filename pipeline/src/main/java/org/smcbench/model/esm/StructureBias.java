package org.smcbench.model.esm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.smcbench.model.ModuleKind;
import org.smcbench.model.PrunableTensor;
import org.smcbench.model.TransformerBlock;

/**
 * One layer's attention bias from the backbone geometry (the structure-conditioned encoder's
 * distance term): Cα–Cα distances d_ij expanded in {@link #RBF_COUNT} Gaussians
 * exp(−((d − μ_k) / σ)²), centres evenly spaced over 0 .. {@link #RBF_MAX} Å and σ the spacing,
 * then mapped to one value per head by {@code encoder.layer.N.attention.structure_bias.weight}
 * [heads, K] and {@code .bias} [heads]. Pairs with a token lacking coordinates get exactly 0.
 *
 * <p>{@link #features} is computed once per forward pass and shared by every layer; the block's
 * input is that pair (rbf [B, T, T, K], pair mask [B, 1, T, T]), its output the bias [B, heads, T, T].
 */
final class StructureBias extends TransformerBlock {
  static final int RBF_COUNT = 16;
  static final float RBF_MAX = 20f;
  /**
   * Basis values below exp(−50) ≈ 2e-22 are set to 0: the tails of far pairs are otherwise
   * subnormal floats, which slow every CPU matmul reading them some 30-fold.
   */
  private static final float FLUSH_BELOW_EXPONENT = 50f;

  private final int index;
  private final int heads;
  private final Parameter weight;
  private final Parameter bias;

  StructureBias(EsmConfig config, int index, long seed) {
    super(seed);
    this.index = index;
    this.heads = config.heads();
    String p = names(index);
    weight = matrix(p + "weight", heads, RBF_COUNT);
    bias = bias(p + "bias", heads);
  }

  /** Name prefix of layer {@code index}'s parameters. */
  static String names(int index) {
    return "encoder.layer." + index + ".attention.structure_bias.";
  }

  /** Whether {@code name} is a structure-bias parameter (absent from plain ESM checkpoints). */
  static boolean isStructureBias(String name) {
    return name.startsWith("encoder.layer.") && name.contains(".attention.structure_bias.");
  }

  PrunableTensor prunable() {
    return new PrunableTensor(weight.getName(), ModuleKind.OTHER, index, weight);
  }

  /** μ_k = k · RBF_MAX / (K − 1); σ is that spacing. */
  static float centre(int k) {
    return k * spacing();
  }

  static float spacing() {
    return RBF_MAX / (RBF_COUNT - 1);
  }

  /**
   * Distance features of a batch: {@code NDList(rbf [B, T, T, K], pairMask [B, 1, T, T])}, from
   * {@code coords} float [B, T, 3] (Å) and {@code coordMask} [B, T] (1 on residues with a known Cα).
   * Coordinates under a 0 mask are ignored, even when non-finite. Neither output needs a gradient.
   */
  static NDList features(NDArray coords, NDArray coordMask) {
    // The [B, T, T, K] temporaries die with this scope; only the two results reach the caller's manager.
    try (NDManager scope = NDManager.subManagerOf(coords)) {
      scope.tempAttachAll(new NDList(coords, coordMask));
      NDArray mask = coordMask.toType(DataType.FLOAT32, false);
      NDArray xyz = coords.toType(DataType.FLOAT32, false);
      // Masked slots may hold NaN (unresolved residues): zeroed first so no NaN reaches the products.
      // PyTorch's where does not broadcast the condition here, hence the explicit broadcast.
      NDArray known = mask.expandDims(-1).broadcast(xyz.getShape()).gt(0f);
      xyz = NDArrays.where(known, xyz, xyz.zerosLike());
      NDArray distance = xyz.expandDims(2).sub(xyz.expandDims(1)).square().sum(new int[] {3}).sqrt();
      float[] centres = new float[RBF_COUNT];
      for (int k = 0; k < RBF_COUNT; k++) {
        centres[k] = centre(k);
      }
      NDArray exponent = distance.expandDims(-1).sub(scope.create(centres)).div(spacing()).square();
      NDArray rbf = NDArrays.where(exponent.lt(FLUSH_BELOW_EXPONENT), exponent.neg().exp(), exponent.zerosLike());
      NDArray pairs = mask.expandDims(2).mul(mask.expandDims(1)).expandDims(1);
      return new NDList(scope.ret(rbf), scope.ret(pairs));
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray rbf = inputs.get(0);
    NDArray pairs = inputs.get(1);
    // [B, T, T, heads] to [B, heads, T, T]; the mask product zeroes the bias term too.
    return new NDList(linear(ps, rbf, weight, bias, training).transpose(0, 3, 1, 2).mul(pairs));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape rbf = inputShapes[0];
    return new Shape[] {new Shape(rbf.get(0), heads, rbf.get(1), rbf.get(2))};
  }
}
