#!/usr/bin/env python3
"""Reference masks from PyTorch's own pruning utilities, for the Java cross-check.

Writes pipeline/src/test/resources/reference/torch_prune_masks.json: three weight tensors (seeded,
distinct values), and for each sparsity the masks of
  - torch.nn.utils.prune.global_unstructured(..., L1Unstructured, amount=round(s * N))  (global)
  - torch.nn.utils.prune.l1_unstructured(t, amount=round(s * n_t)) per tensor             (layerwise)
MaskSelectorTorchCrossCheckTest compares our exact selection with them.

Run with Debian's PyTorch:  /usr/bin/python3 tools/reference/prune_fixtures.py
"""
import json
import os

import torch
import torch.nn.utils.prune as prune

SPARSITIES = [0.2, 0.36, 0.488, 0.5904, 0.67232, 0.737856, 0.7902848]
SHAPES = {"embed.weight": (16, 8), "attn.q.weight": (8, 8), "head.weight": (1, 8)}


def tensors(seed):
    g = torch.Generator().manual_seed(seed)
    return {name: torch.randn(*shape, generator=g) for name, shape in SHAPES.items()}


def module_with(weight):
    m = torch.nn.Module()
    m.weight = torch.nn.Parameter(weight.clone())
    return m


def global_masks(weights, sparsity):
    modules = {name: module_with(w) for name, w in weights.items()}
    total = sum(w.numel() for w in weights.values())
    prune.global_unstructured([(m, "weight") for m in modules.values()],
                              pruning_method=prune.L1Unstructured, amount=round(sparsity * total))
    return {name: m.weight_mask.flatten().int().tolist() for name, m in modules.items()}


def layerwise_masks(weights, sparsity):
    out = {}
    for name, w in weights.items():
        m = module_with(w)
        prune.l1_unstructured(m, "weight", amount=round(sparsity * w.numel()))
        out[name] = m.weight_mask.flatten().int().tolist()
    return out


def main():
    weights = tensors(2023)
    fixture = {
        "torch_version": torch.__version__,
        "shapes": {k: list(v) for k, v in SHAPES.items()},
        "weights": {k: v.flatten().tolist() for k, v in weights.items()},
        "cases": [{"sparsity": s, "global": global_masks(weights, s), "layerwise": layerwise_masks(weights, s)}
                  for s in SPARSITIES],
    }
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    path = os.path.join(root, "pipeline", "src", "test", "resources", "reference", "torch_prune_masks.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(fixture, f, indent=1)
    print("wrote", os.path.normpath(path))


if __name__ == "__main__":
    main()
