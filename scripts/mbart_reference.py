"""Writes a tiny Hugging Face mBART checkpoint and its reference outputs for the Java tests.

Run with transformers and torch installed (e.g. a venv with transformers 5.x, torch 2.x CPU):
    python scripts/mbart_reference.py pipeline/src/test/resources/reference/mbart-tiny
The folder gets config.json and model.safetensors as save_pretrained writes them (its
generation_config.json is deleted: nothing reads it), and
expected.json: teacher-forcing inputs with the logits MBartForConditionalGeneration computes,
and the greedy translation generate() produces with mBART-50's prompt (</s>, then the language).
"""
import json
import sys

import torch
import transformers
from transformers import MBartConfig, MBartForConditionalGeneration

out = sys.argv[1]
torch.manual_seed(0)
config = MBartConfig(
    vocab_size=40, d_model=16, encoder_layers=2, decoder_layers=2, encoder_attention_heads=2,
    decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=24,
    dropout=0.0, attention_dropout=0.0, activation_dropout=0.0, activation_function="gelu",
    scale_embedding=True, pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2,
    init_std=0.3)
model = MBartForConditionalGeneration(config).eval()
with torch.no_grad():
    # A non-zero buffer proves the loader reads it.
    model.final_logits_bias.copy_(torch.linspace(-0.5, 0.5, config.vocab_size).unsqueeze(0))
model.save_pretrained(out, safe_serialization=True)

source = torch.tensor([[30, 5, 6, 7, 2], [30, 9, 2, 1, 1]])
mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
decoder = torch.tensor([[2, 31, 8, 9], [2, 31, 10, 11]])
with torch.no_grad():
    logits = model(input_ids=source, attention_mask=mask, decoder_input_ids=decoder).logits
    greedy = model.generate(input_ids=source, attention_mask=mask, decoder_start_token_id=2,
                            forced_bos_token_id=31, num_beams=1, do_sample=False, max_new_tokens=8,
                            min_length=0)
json.dump({
    "transformers": transformers.__version__, "torch": torch.__version__,
    "source": source.tolist(), "mask": mask.tolist(), "decoder_input": decoder.tolist(),
    "logits": logits.flatten().tolist(), "logits_shape": list(logits.shape),
    "greedy": greedy.tolist(),
}, open(f"{out}/expected.json", "w"))
print("wrote", out, "greedy", greedy.tolist())
import os
os.remove(f"{out}/generation_config.json")
