#!/usr/bin/env python3
"""Score a whosaid binary against hand-checked fixtures.

Usage: scripts/score.py [--binary PATH] [--verbose] DIR [DIR...]

Every `NAME.expected.tsv` in DIR (columns line, label, speaker, role,
outlet) is compared with `whosaid turns NAME.<ext> --format jsonl`. Prints,
per fixture set: turn-start precision, recall and F1 (a turn start is
right when whosaid starts a turn on the same line), and, over the turn
starts found on both sides, the share whose speaker, role and outlet agree.
The same figures are asserted by tests/blind.rs; this script also scores an
older build (`--binary`), for before-and-after figures.
"""

import argparse
import json
import pathlib
import subprocess
import sys

EXTS = ("txt", "md", "html", "htm", "vtt", "srt")


def expected(path):
    rows = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "line\tlabel\tspeaker\trole\toutlet", path
    for raw in lines[1:]:
        if not raw.strip():
            continue
        cols = (raw.split("\t") + [""] * 5)[:5]
        rows[int(cols[0])] = cols
    return rows


def actual(binary, text):
    run = subprocess.run(
        [binary, "turns", str(text), "--format", "jsonl"],
        capture_output=True,
        text=True,
    )
    rows = {}
    for raw in run.stdout.splitlines():
        t = json.loads(raw)
        rows[t["line"]] = [
            str(t["line"]),
            t["label"],
            t.get("speaker") or "",
            t["role"],
            t.get("outlet") or "",
        ]
    return rows


def score(binary, folder, verbose):
    tot = dict(tp=0, fp=0, fn=0, speaker=0, role=0, outlet=0)
    for exp_path in sorted(folder.glob("*.expected.tsv")):
        stem = exp_path.name[: -len(".expected.tsv")]
        text = next(
            (folder / f"{stem}.{e}" for e in EXTS if (folder / f"{stem}.{e}").exists()),
            None,
        )
        if text is None:
            print(f"{exp_path}: no transcript", file=sys.stderr)
            continue
        want, got = expected(exp_path), actual(binary, text)
        both = sorted(set(want) & set(got))
        fp, fn = sorted(set(got) - set(want)), sorted(set(want) - set(got))
        wrong = []
        for line in both:
            w, g = want[line], got[line]
            for col, name in ((2, "speaker"), (3, "role"), (4, "outlet")):
                if w[col] == g[col]:
                    tot[name] += 1
                else:
                    wrong.append(f"    {line} {name}: want {w[col]!r} got {g[col]!r}")
        tot["tp"] += len(both)
        tot["fp"] += len(fp)
        tot["fn"] += len(fn)
        if verbose and (fp or fn or wrong):
            print(f"  {text.name}: +{len(fp)} -{len(fn)} wrong {len(wrong)}")
            for line in fn:
                print(f"    missed {line} {want[line][1]!r}")
            for line in fp:
                print(f"    extra  {line} {got[line][1]!r}")
            print("\n".join(wrong)) if wrong else None
    tp = tot["tp"]
    p = tp / max(1, tp + tot["fp"])
    r = tp / max(1, tp + tot["fn"])
    f1 = 2 * p * r / max(1e-9, p + r)
    acc = {k: tot[k] / max(1, tp) for k in ("speaker", "role", "outlet")}
    print(
        f"{folder}: turns {tp + tot['fn']} | precision {p:.3f} recall {r:.3f} "
        f"F1 {f1:.3f} | speaker {acc['speaker']:.3f} role {acc['role']:.3f} "
        f"outlet {acc['outlet']:.3f}"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/whosaid")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("dirs", nargs="+", type=pathlib.Path)
    args = ap.parse_args()
    for d in args.dirs:
        score(args.binary, d, args.verbose)


if __name__ == "__main__":
    main()
