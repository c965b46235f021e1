#!/usr/bin/env python3
"""Writes the sacreBLEU 2.6.0 expectations that org.smcbench.task.translation's tests compare against.

The Java BLEU/chrF code claims sacreBLEU 2.6.0's numbers; this script is where those numbers come from.
It runs the real sacreBLEU on constructed cases (tokenizer edge cases, smoothing, brevity, several
references, chrF/chrF++) and, when the shared FLORES-200 devtest folder is there, on the
"copy the source" baseline, and writes pipeline/src/test/resources/translation/sacrebleu_cases.json.

    python3 -m venv /tmp/sb && /tmp/sb/bin/pip install sacrebleu==2.6.0
    /tmp/sb/bin/python scripts/sacrebleu_cases.py            # from the repository root

References are written segment-major (refs[i] = the references of segment i, possibly of different
counts), the way the Java API takes them; they are turned into sacreBLEU's reference streams here.
"""

import argparse
import hashlib
import json
import random
from pathlib import Path

import sacrebleu
from sacrebleu.metrics import BLEU, CHRF
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
from sacrebleu.tokenizers.tokenizer_char import TokenizerChar
from sacrebleu.tokenizers.tokenizer_intl import TokenizerV14International
from sacrebleu.tokenizers.tokenizer_none import NoneTokenizer
from sacrebleu.tokenizers.tokenizer_zh import TokenizerZh

ROOT = Path(__file__).resolve().parent.parent
FLORES = ROOT / ".." / "shared" / "data" / "translation" / "datasets" / "facebook" / "flores" / "flores200_dataset" / "devtest"
OUT = ROOT / "pipeline" / "src" / "test" / "resources" / "translation" / "sacrebleu_cases.json"

TOKENIZERS = {
    "13a": Tokenizer13a(),
    "zh": TokenizerZh(),
    "char": TokenizerChar(),
    "intl": TokenizerV14International(),
    "none": NoneTokenizer(),
}

# Strings fed to every tokenizer on its own (no rstrip/lowercase: that is the metric's job).
TOKENIZER_INPUTS = [
    "",
    "   ",
    "Hello, world!",
    "It costs 1,000.5 dollars, or 1.000,5 euros.",
    "In 1990-2000 the well-known e-mail -- and -3 degrees.",
    "A line ending in a year 2015.",
    ".5 starts, and ends with 5.",
    "3.14, x.y and a,b and 1,a and a.1",
    "Visit https://example.com/a?b=c&d=e#frag or www.test.org/x_y.",
    "He said \"yes\" and 'no', then `maybe`.",
    "&quot;quoted&quot; &amp; &lt;tag&gt; &amp;lt; &apos;",
    "drop <skipped> this and<skipped>that",
    "hyphen-\nated line\nbreak",
    "brackets (a) [b] {c} <d> | ~ ^ _ \\ / @ # $ % * + = ; :",
    "tabs\tand\u00a0nbsp\u3000ideographic\u2009thin\x1csep",
    "trailing spaces   ",
    "我们现在有 4 个月大没有糖尿病的老鼠，但它们曾经得过该病。",
    "他补充道：“我们现在有4个月大的老鼠”——A.B. Smith 说, 2015年。",
    "混合 English 文本 and ３ full-width ＡＢＣ， ok.",
    "Emoji 😀 and CJK ext-B 𠀀 and ☀ sun…",
    "東京は日本の首都です。「こんにちは」と言った。",
    "한국어 문장입니다. 서울!",
    "မြန်မာ စာ။",
    "«Bonjour», dit-il — «ça va?» ¿Qué? ¡Sí! „Gut“ ‚so‘",
    "Price: 5€ or $5 or 5 £; 3×4=12 ± 1 ° © ™",
    "Unicode dash – en, — em, ‐ hyphen; ellipsis… and ‰",
    "Numbers 1,000,000.00 and 3:45 and 10-12 and v2.0.1.",
    "Ελληνικά: «ΟΔΟΣ» και ΣΑΣ.",
    "x..y, wait... a.,b 1..2 ,,3 .",
    "carriage\r\nreturn and form\ffeed",
]

VOCAB = ["the", "cat", "sat", "on", "mat", "a", "dog", ".", ",", "1,000", "ran", "Cat"]


def random_corpus(seed, n_seg, max_len, n_refs):
    rng = random.Random(seed)

    def sent():
        return " ".join(rng.choice(VOCAB) for _ in range(rng.randint(0, max_len)))

    hyps = [sent() for _ in range(n_seg)]
    refs = [[sent() for _ in range(rng.randint(1, n_refs))] for _ in range(n_seg)]
    return hyps, refs


def streams(refs):
    """Segment-major references to sacreBLEU's reference streams, None where a segment has fewer."""
    width = max(len(r) for r in refs)
    return [[seg[k] if k < len(seg) else None for seg in refs] for k in range(width)]


def bleu_case(name, hyps, refs, tokenize="13a", lowercase=False, smooth_method="exp", smooth_value=None,
              effective_order=False):
    metric = BLEU(tokenize=tokenize, lowercase=lowercase, smooth_method=smooth_method,
                  smooth_value=smooth_value, effective_order=effective_order)
    stats = metric._extract_corpus_statistics(hyps, streams(refs))
    raw = [sum(col) for col in zip(*stats)]
    result = metric.corpus_score(hyps, streams(refs))
    return {
        "name": name, "tokenize": tokenize, "lowercase": lowercase, "smooth_method": smooth_method,
        "smooth_value": smooth_value, "effective_order": effective_order, "hyps": hyps, "refs": refs,
        "score": result.score, "bp": result.bp, "sys_len": result.sys_len, "ref_len": result.ref_len,
        # The summed segment statistics; sacreBLEU's reported counts differ from them under add-k.
        "counts": raw[2:6], "totals": raw[6:10],
        "reported_counts": [float(c) for c in result.counts], "reported_totals": [float(t) for t in result.totals],
        "precisions": result.precisions, "signature": metric.get_signature().format(), "formatted": str(result),
    }


def chrf_case(name, hyps, refs, char_order=6, word_order=0, beta=2, lowercase=False, whitespace=False,
              eps_smoothing=False):
    metric = CHRF(char_order=char_order, word_order=word_order, beta=beta, lowercase=lowercase,
                  whitespace=whitespace, eps_smoothing=eps_smoothing)
    stats = metric._extract_corpus_statistics(hyps, streams(refs))
    raw = [sum(col) for col in zip(*stats)]
    result = metric.corpus_score(hyps, streams(refs))
    return {
        "name": name, "char_order": char_order, "word_order": word_order, "beta": beta, "lowercase": lowercase,
        "whitespace": whitespace, "eps_smoothing": eps_smoothing, "hyps": hyps, "refs": refs,
        "score": result.score, "metric_name": result.name, "stats": raw,
        "signature": metric.get_signature().format(), "formatted": str(result),
    }


def text_cases():
    """(name, hyps, refs[, tokenize]) corpora scored under several settings below."""
    one = lambda xs: [[x] for x in xs]
    return [
        ("perfect", ["The cat sat on the mat.", "It is 1,000.5 km away."],
         one(["The cat sat on the mat.", "It is 1,000.5 km away."])),
        ("brevity", ["The cat sat."], one(["The cat sat on the mat today ."])),
        ("no_match", ["alpha beta gamma delta"], one(["one two three four five"])),
        ("no_4gram_match", ["the cat sat at a mat", "a dog ran on the grass"],
         one(["the cat sat on the mat", "the dog ran over the grass"])),
        ("empty_hyp_line", ["", "the cat sat on the mat", ""], one(["a b c", "the cat sat on the mat", ""])),
        ("only_empty_hyp", [""], one(["the cat sat on the mat"])),
        ("longer_than_ref", ["the cat sat on the mat on the mat on the mat"], one(["the cat sat on the mat"])),
        ("clipping", ["the the the the the the the"], one(["The cat is on the mat ."])),
        ("multi_ref", ["the cat sat on the mat", "there is a dog here"],
         [["the cat is on the mat", "a cat sat on the mat"], ["a dog is here", "there is a dog", "dog here"]]),
        ("closest_ref_tie_shorter", ["a b c d e"], [["a b c", "a b c d e f g"]]),
        ("variable_refs", ["the cat sat", "a dog ran fast", "hello world"],
         [["the cat sat down"], ["a dog ran", "the dog ran fast"], ["hello there world"]]),
        ("case", ["The Cat SAT on THE mat", "Hello World"], one(["the cat sat on the mat", "hello world"])),
        ("punct_numbers", ["It costs 1,000.5 dollars, or 1.000,5 euros.", "In 1990-2000, e-mail -- was 5."],
         one(["It costs 1,000.5 dollars or 1000.5 euros.", "In 1990 - 2000 , e-mail was 5 ."])),
        ("url_quotes", ["Visit https://example.com/a?b=c&d=e now.", "He said \"yes\" & 'no'."],
         one(["Visit https://example.com/a?b=c now .", "He said &quot;yes&quot; &amp; 'no'."])),
        ("html_skipped", ["&lt;b&gt; bold &amp;lt; <skipped> text", "hyphen-\nated\nline"],
         one(["<b> bold &lt; text", "hyphenated line"])),
        ("unicode_space", ["the\u00a0cat\u3000sat\u2009on\tthe mat  ", "a\x1cb c\u2028d"],
         one(["the cat sat on the mat", "a b c d"])),
        ("zh_mixed", ["他补充道：“我们现在有4个月大的老鼠”。", "混合 English 文本 and 2015年 ok."],
         one(["他补充道：“我们现在有 4 个月大没有糖尿病的老鼠。”", "混合英文 English text 2015 年 ok."]), "zh"),
        ("zh_english_copy", ["He said: 4 months, 1,000.5 mice.", "A.B. Smith 2015."],
         one(["他说：4个月，1,000.5只老鼠。", "A.B. 史密斯 2015年。"]), "zh"),
        ("ja_char", ["東京は日本の首都です。", "「こんにちは」と言った。"],
         one(["東京は日本の首都である。", "彼は「こんにちは」と言った。"]), "char"),
        ("ko_char", ["한국어 문장입니다."], one(["한국어 문장이에요."]), "char"),
        ("intl_unicode", ["«Bonjour», dit-il — «ça va?» ¿Qué? Price: 5€, 3.14.",
                          "Unicode dash – en, — em; ellipsis… and 2015."],
         one(["« Bonjour », dit-il - « ça va ? » ¿ Qué ? Price : 5 € , 3.14 .",
              "Unicode dash - en , — em ; ellipsis ... and 2015 ."]), "intl"),
        ("none_tok", ["the cat, sat.", "no tokenization here!"], one(["the cat , sat .", "no tokenization here !"]),
         "none"),
        ("case_unicode", ["ΟΔΟΣ İstanbul ÉTÉ Straße", "ΣΑΣ"], one(["οδος i̇stanbul été straße", "σας"])),
        ("supplementary", ["Emoji 😀 and 𠀀 here", "😀😀 ok"], one(["Emoji 😀 and 𠀁 here", "😀 ok"])),
    ]


def constructed():
    bleu, chrf = [], []
    for case in text_cases():
        name, hyps, refs = case[:3]
        tok = case[3] if len(case) > 3 else "13a"
        bleu.append(bleu_case(name, hyps, refs, tokenize=tok))
        chrf.append(chrf_case(name, hyps, refs))
        chrf.append(chrf_case(name + "/chrF++", hyps, refs, word_order=2))

    by_name = {c[0]: c for c in text_cases()}

    def corpus(name):
        return by_name[name][1], by_name[name][2]

    # Smoothing methods on the corpus with matches but no 4-gram match, and on a one-segment one.
    for method, value in [("none", None), ("floor", None), ("floor", 0.5), ("add-k", None), ("add-k", 2),
                          ("exp", None)]:
        for base in ["no_4gram_match", "brevity", "no_match", "longer_than_ref"]:
            tag = f"{base}/{method}" + ("" if value is None else f"[{value}]")
            bleu.append(bleu_case(tag, *corpus(base), smooth_method=method, smooth_value=value))
            bleu.append(bleu_case(tag + "/eff", *corpus(base), smooth_method=method, smooth_value=value,
                                  effective_order=True))
    # Sentence-level habits: short segments with effective order.
    for hyp, ref in [("the cat", "the cat sat"), ("a b c", "a b c"), ("x", "y"), ("hello there world", "hello world")]:
        for method in ["exp", "floor", "add-k", "none"]:
            bleu.append(bleu_case(f"sentence/{hyp}/{method}", [hyp], [[ref]], smooth_method=method,
                                  effective_order=True))
    bleu.append(bleu_case("case/lc", *corpus("case"), lowercase=True))
    bleu.append(bleu_case("case_unicode/lc", *corpus("case_unicode"), lowercase=True))
    bleu.append(bleu_case("zh_mixed/13a", *corpus("zh_mixed")))
    bleu.append(bleu_case("ja_char/13a", *corpus("ja_char")))
    bleu.append(bleu_case("intl_unicode/13a", *corpus("intl_unicode")))
    bleu.append(bleu_case("punct_numbers/intl", *corpus("punct_numbers"), tokenize="intl"))
    bleu.append(bleu_case("punct_numbers/char", *corpus("punct_numbers"), tokenize="char"))
    bleu.append(bleu_case("punct_numbers/zh", *corpus("punct_numbers"), tokenize="zh"))
    bleu.append(bleu_case("html_skipped/none", *corpus("html_skipped"), tokenize="none"))

    chrf.append(chrf_case("case/lc", *corpus("case"), lowercase=True))
    chrf.append(chrf_case("case_unicode/lc", *corpus("case_unicode"), lowercase=True))
    chrf.append(chrf_case("case/lc/chrF++", *corpus("case"), lowercase=True, word_order=2))
    chrf.append(chrf_case("punct_numbers/space", *corpus("punct_numbers"), whitespace=True))
    chrf.append(chrf_case("no_match/eps", *corpus("no_match"), eps_smoothing=True))
    chrf.append(chrf_case("brevity/eps", *corpus("brevity"), eps_smoothing=True))
    chrf.append(chrf_case("multi_ref/eps/chrF++", *corpus("multi_ref"), eps_smoothing=True, word_order=2))
    chrf.append(chrf_case("multi_ref/beta1", *corpus("multi_ref"), beta=1))
    chrf.append(chrf_case("multi_ref/nc4nw1", *corpus("multi_ref"), char_order=4, word_order=1))
    chrf.append(chrf_case("parens/chrF++", ["(hi) there, x ! (a", "it's \"quoted\"."],
                          [["(hi) there , x! ( a"], ["it's quoted ."]], word_order=2))

    # Random small-vocabulary corpora: clipping, repeated n-grams, several references.
    for seed in range(6):
        hyps, refs = random_corpus(seed, 40, 12, 1 + seed % 3)
        bleu.append(bleu_case(f"random{seed}", hyps, refs))
        bleu.append(bleu_case(f"random{seed}/lc/floor", hyps, refs, lowercase=True, smooth_method="floor"))
        bleu.append(bleu_case(f"random{seed}/eff/add-k", hyps, refs, smooth_method="add-k", effective_order=True))
        chrf.append(chrf_case(f"random{seed}", hyps, refs))
        chrf.append(chrf_case(f"random{seed}/chrF++", hyps, refs, word_order=2))
    return bleu, chrf


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def flores(folder):
    """The copy-the-source baseline on FLORES-200 devtest: the source line scored as the translation."""
    if not folder.is_dir():
        return []
    pairs = [
        ("fra->eng copy", "fra_Latn.devtest", "eng_Latn.devtest", "13a"),
        ("fra->eng copy", "fra_Latn.devtest", "eng_Latn.devtest", "intl"),
        ("eng->zho copy", "eng_Latn.devtest", "zho_Hans.devtest", "zh"),
        ("eng->jpn copy", "eng_Latn.devtest", "jpn_Jpan.devtest", "char"),
    ]
    out = []
    for name, hyp_file, ref_file, tok in pairs:
        hyps = read_lines(folder / hyp_file)
        refs = read_lines(folder / ref_file)
        bleu = BLEU(tokenize=tok).corpus_score(hyps, [refs])
        chrf = CHRF().corpus_score(hyps, [refs])
        chrfpp = CHRF(word_order=2).corpus_score(hyps, [refs])
        out.append({
            "name": name, "hyp_file": hyp_file, "ref_file": ref_file, "tokenize": tok, "lines": len(hyps),
            "hyp_sha256": hashlib.sha256((folder / hyp_file).read_bytes()).hexdigest(),
            "ref_sha256": hashlib.sha256((folder / ref_file).read_bytes()).hexdigest(),
            "bleu": {"score": bleu.score, "counts": bleu.counts, "totals": bleu.totals, "sys_len": bleu.sys_len,
                     "ref_len": bleu.ref_len, "bp": bleu.bp},
            "chrf": chrf.score, "chrfpp": chrfpp.score,
        })
    return out


def zh_ranges():
    """Every code point sacreBLEU's zh tokenizer spaces out, as inclusive ranges."""
    is_zh = TokenizerZh._is_chinese_char
    ranges, start = [], None
    for cp in range(0x110000 + 1):
        hit = cp <= 0x10FFFF and not (0xD800 <= cp <= 0xDFFF) and is_zh(chr(cp))
        if hit and start is None:
            start = cp
        elif not hit and start is not None:
            ranges.append([start, cp - 1])
            start = None
    return ranges


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", type=Path, default=FLORES, help="FLORES-200 devtest folder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    assert sacrebleu.__version__ == "2.6.0", f"expected sacreBLEU 2.6.0, found {sacrebleu.__version__}"

    bleu, chrf = constructed()
    data = {
        "sacrebleu_version": sacrebleu.__version__,
        "python_whitespace": [cp for cp in range(0x110000) if chr(cp).isspace()],
        "zh_ranges": zh_ranges(),
        "tokenizer_cases": [{"tokenizer": name, "input": text, "output": tok(text)}
                            for name, tok in TOKENIZERS.items() for text in TOKENIZER_INPUTS],
        "bleu_cases": bleu,
        "chrf_cases": chrf,
        "flores": flores(args.flores.resolve()),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{args.out}: {len(data['tokenizer_cases'])} tokenizer, {len(bleu)} BLEU, {len(chrf)} chrF cases, "
          f"{len(data['flores'])} FLORES pairs")


if __name__ == "__main__":
    main()
