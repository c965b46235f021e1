#!/usr/bin/env python3
"""PyTorch eager peer of `smc-bench bench step`: one training step of the same encoder.

Builds, from torch.nn primitives, the architecture smc-bench trains: a BERT encoder of MiniLM's
shape (word + position + token-type embeddings, LayerNorm, post-LN layers with GELU(erf) FFN,
dropout 0.1), masked-mean pooling, fairseq's classification head (dense, tanh, out_proj to one
logit per choice) and cross-entropy over the choices; torch.optim.AdamW; and, as smc-bench does
after every update, re-zeroes pruned weights (a magnitude mask at --sparsity over every 2-D
weight). Times --warmup untimed and --steps timed steps on a fixed batch of random token ids
[questions, choices, seq] with no padding, and prints ONE JSON line on stdout:

  {"torch": ..., "threads": 2, "blas": ..., "ms_step": <median>, "forward": ..., "backward": ...,
   "optimizer": ..., "remask": ..., "runs_ms": [...], "params": N, "peak_rss_mb": ...}

Diagnostics go to stderr, with a warning when the BLAS in use is the slow reference one.
Exit code 3 means PyTorch is not importable.

Run with Debian's PyTorch:  /usr/bin/python3 tools/bench/torch_step.py --layers 2
"""
import argparse
import json
import math
import resource
import statistics
import sys
import time

from torch_kthvalue import blas_in_use  # exits with 3 when torch is missing

import torch
import torch.nn as nn
import torch.nn.functional as F


class Layer(nn.Module):
    def __init__(self, h, heads, ffn, p):
        super().__init__()
        self.heads, self.p = heads, p
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.attn_out, self.attn_norm = nn.Linear(h, h), nn.LayerNorm(h, eps=1e-12)
        self.ffn_in, self.ffn_out, self.ffn_norm = nn.Linear(h, ffn), nn.Linear(ffn, h), nn.LayerNorm(h, eps=1e-12)

    def forward(self, x, bias):
        b, t, h = x.shape
        d = h // self.heads
        q = (self.query(x) / math.sqrt(d)).view(b, t, self.heads, d).transpose(1, 2)
        k = self.key(x).view(b, t, self.heads, d).permute(0, 2, 3, 1)
        v = self.value(x).view(b, t, self.heads, d).transpose(1, 2)
        probs = F.dropout(torch.softmax(q @ k + bias, -1), self.p, self.training)
        ctx = (probs @ v).transpose(1, 2).reshape(b, t, h)
        x = self.attn_norm(F.dropout(self.attn_out(ctx), self.p, self.training) + x)
        inner = F.gelu(self.ffn_in(x))
        return self.ffn_norm(F.dropout(self.ffn_out(inner), self.p, self.training) + x)


class MultipleChoice(nn.Module):
    def __init__(self, layers, vocab=30522, h=384, heads=12, ffn=1536, positions=512, p=0.1):
        super().__init__()
        self.p = p
        self.word, self.pos, self.token_type = nn.Embedding(vocab, h), nn.Embedding(positions, h), nn.Embedding(2, h)
        self.norm = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList(Layer(h, heads, ffn, p) for _ in range(layers))
        self.dense, self.out_proj = nn.Linear(h, h), nn.Linear(h, 1)

    def forward(self, ids, types, mask):
        q, c, t = ids.shape
        ids, types, mask = ids.view(q * c, t), types.view(q * c, t), mask.view(q * c, t)
        positions = torch.arange(t).unsqueeze(0)
        x = F.dropout(self.norm(self.word(ids) + self.pos(positions) + self.token_type(types)), self.p, self.training)
        bias = ((1.0 - mask.float()) * -1e4).view(q * c, 1, 1, t)
        for layer in self.layers:
            x = layer(x, bias)
        w = mask.float().unsqueeze(2)
        pooled = (x * w).sum(1) / w.sum(1)
        dense = torch.tanh(self.dense(F.dropout(pooled, self.p, self.training)))
        return self.out_proj(F.dropout(dense, self.p, self.training)).view(q, c)


def magnitude_masks(model, sparsity):
    """One global magnitude threshold over every 2-D weight, as smc-bench's default scope."""
    weights = [p for p in model.parameters() if p.dim() == 2]
    scores = torch.cat([p.detach().abs().flatten() for p in weights])
    k = int(round(sparsity * scores.numel()))
    threshold = torch.kthvalue(scores, k).values if k > 0 else -1.0
    return [(p, (p.detach().abs() > threshold).float()) for p in weights]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layers", type=int, default=2)
    ap.add_argument("--questions", type=int, default=8)
    ap.add_argument("--choices", type=int, default=5)
    ap.add_argument("--seq", type=int, default=48)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--steps", type=int, default=6)
    ap.add_argument("--sparsity", type=float, default=0.5)
    args = ap.parse_args()

    torch.set_num_threads(args.threads)  # Debian's build defaults to 1 thread here
    torch.manual_seed(1)
    blas = blas_in_use()
    print(f"torch_step: torch {torch.__version__}, intra-op threads {torch.get_num_threads()}, {blas}",
          file=sys.stderr)
    if " Prescott " in blas:
        print("torch_step: WARNING: OpenBLAS picked its generic Prescott (SSE3) kernel for this CPU, so the peer is "
              "slower than it can be; set OPENBLAS_CORETYPE to the CPU's family (e.g. SkylakeX on AVX-512, Haswell "
              "on AVX2) for a fair comparison", file=sys.stderr)
    if "openblas" not in blas.lower() and "mkl" not in blas.lower():
        print("torch_step: WARNING: the reference BLAS is in use, so PyTorch is far slower than it can be; "
              "install libopenblas0-pthread (apt) before comparing", file=sys.stderr)

    model = MultipleChoice(args.layers).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5, betas=(0.9, 0.98), eps=1e-6, weight_decay=0.01)
    masks = magnitude_masks(model, args.sparsity)
    shape = (args.questions, args.choices, args.seq)
    ids = torch.randint(1000, 21000, shape)
    types = torch.zeros(shape, dtype=torch.long)
    mask = torch.ones(shape, dtype=torch.long)
    labels = torch.randint(0, args.choices, (args.questions,))

    parts = {"forward": [], "backward": [], "optimizer": [], "remask": []}
    for step in range(args.warmup + args.steps):
        t0 = time.perf_counter()
        loss = F.cross_entropy(model(ids, types, mask), labels)
        loss.item()
        t1 = time.perf_counter()
        loss.backward()
        t2 = time.perf_counter()
        optimizer.step()
        optimizer.zero_grad(set_to_none=False)
        t3 = time.perf_counter()
        with torch.no_grad():
            for p, m in masks:
                p.mul_(m)
        t4 = time.perf_counter()
        if step >= args.warmup:
            for name, (a, b) in zip(parts, [(t0, t1), (t1, t2), (t2, t3), (t3, t4)]):
                parts[name].append((b - a) * 1000.0)
    runs = [sum(v) for v in zip(*parts.values())]
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": blas,
        "ms_step": statistics.median(runs),
        **{name: statistics.median(v) for name, v in parts.items()},
        "runs_ms": [round(v, 1) for v in runs],
        "params": sum(p.numel() for p in model.parameters()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }))


if __name__ == "__main__":
    main()
