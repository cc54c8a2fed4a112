#!/usr/bin/env python3
"""Generate the benchmark corpora of scripts/bench.sh from the repository alone.

Usage:
  scripts/make-corpus.py dir OUT_DIR [--files N] [--mean-kb KB] [--seed S]
  scripts/make-corpus.py big OUT_FILE [--mb MIB] [--seed S]
  scripts/make-corpus.py version

`dir` writes N transcripts (default 10,000, about 40 kB each on average, so
about 400 MB; the result is a little over --mean-kb, whole turns being added) under OUT_DIR/NN/, 500 files per sub-directory. `big` writes
one file of distinct transcripts concatenated, until it holds at least MIB
MiB (default 1024). `version` prints the generator's version, which goes
into bench.sh's cache key together with this file's and the sources' hashes.

Sources (nothing is downloaded): the bundled transcript
data/scio-2021-03-01-industry-and-information-technology.txt and every
tests/fixtures/**/*.txt and *.md transcript that has a NAME.expected.tsv
beside it (READMEs and the .tsv expectations themselves are not sources).
The expectation's `line` column says where each speaker turn starts, so a
source is cut into a header and whole turns without asking the parser; for
the bundled transcript the turn starts are its label lines (`Name:` alone on
a line after the `Date:` block).

Each generated transcript takes one source: 40% of them one of the long,
real transcripts (the bundled one for a third of these, else one of the
four White House Markdown fixtures), about 80 kB on average with the
default --mean-kb; 60% one of the short fixtures, 10 kB on average. Then it:
  - replaces every capitalised name word of the source's speakers (from the
    expectations' speaker column; role words and words that also occur in
    lower case are left alone) by an invented word, the same one throughout
    the file, in its Title and UPPER forms;
  - shifts the years and month names of the header (the lines before the
    first turn) by a per-file offset;
  - keeps the header, then the turns in order until the file's size (drawn
    from a log-normal distribution with that mean) is reached, then adds
    random runs of 2-8 consecutive turns of the same source, and ends with
    the source's last turn (which carries its trailer, if any);
  - removes "5G" and the word "chips" from the source text, then puts
    sentences that contain them back in a few turns of some files: "chips"
    in 17.5% of the files, "5G" in 2.2% (the White House press briefings
    corpus has "chips" in 202 of its 1,154 files and "5G" in 25).

Everything is drawn from random.Random seeded by (seed, corpus, index): the
same arguments give the same bytes. Statistics go to stderr.
"""

import argparse
import hashlib
import math
import os
import pathlib
import random
import re
import sys
import time

VERSION = "1"

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "scio-2021-03-01-industry-and-information-technology.txt"
FIXTURES = ROOT / "tests" / "fixtures"

P_LONG = 0.4
SHORT_KB = 10
P_CHIPS = 202 / 1154
P_5G = 25 / 1154

CHIPS_SENTENCES = [
    "The shortage of chips has slowed the car plants for months.",
    "We will keep working with our partners on the supply of chips.",
    "Companies that make chips told us they need more engineers.",
    "The new rules cover exports of advanced chips and the tools to make them.",
    "Prices of memory chips have started to come down.",
    "Nobody should expect the chips to arrive before the autumn.",
]
G5_SENTENCES = [
    "The rollout of 5G networks will reach rural counties next year.",
    "Operators have built more 5G base stations than we planned.",
    "Security of the 5G equipment is part of the review.",
    "We discussed 5G and the spectrum auction with the industry.",
]

# Words of the expectations' speaker column that are roles or places, not names.
NOT_NAMES = {
    "Administration", "Affairs", "Audience", "Chair", "Chairman", "Chairwoman",
    "Chief", "Clerk", "Court", "Director-General", "Foreign", "Host",
    "Interpreter", "Journalist", "Judge", "Justice", "Korean", "Member",
    "Members", "Minister", "Moderator", "Mr", "Mrs", "Ms", "Dr", "Norway",
    "Officer", "Official", "Peninsula", "Policy", "President", "Press",
    "Prime", "Question", "Reporter", "Secretary", "Senator", "Senior",
    "Speaker", "Spokesperson", "Taoiseach", "Tánaiste", "The", "Treasurer",
    "Vice", "Witness", "Of", "And",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
          "z", "br", "dr", "kr", "st", "tr", "th", "sh", "ch", "gl", "pl"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "ao"]
CODAS = ["", "", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "st"]


def invent(rng, taken):
    """An invented name word not yet used in this transcript."""
    while True:
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS)
                       for _ in range(rng.choice((2, 2, 3)))) + rng.choice(CODAS)
        word = word.capitalize()
        if word not in taken:
            taken.add(word)
            return word


def read_text(path):
    return path.read_bytes().decode("utf-8", "surrogateescape")


def split_lines(text):
    """Lines with their '\n' (counted on '\n' only, like the expectations)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def fixture_sources():
    """(path, turn-start line numbers, speaker names) of every fixture."""
    out = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        expected = path.with_name(path.stem + ".expected.tsv")
        if not expected.is_file():
            continue
        rows = [r.split("\t") for r in expected.read_text(encoding="utf-8").splitlines()[1:] if r.strip()]
        starts = sorted({int(r[0]) for r in rows})
        speakers = sorted({r[2] for r in rows if len(r) > 2 and r[2]})
        if starts:
            out.append((path, starts, speakers))
    return out


def bundled_source():
    lines = split_lines(read_text(BUNDLED))
    date_at = next(i for i, l in enumerate(lines) if l.strip() == "Date:")
    starts = []
    label = re.compile(r"^\S.{0,40}:\s*$")
    for i in range(date_at + 3, len(lines) - 1):
        if label.match(lines[i]) and not lines[i + 1].strip():
            starts.append(i + 1)
    return BUNDLED, starts, ["Xiao Yaqing", "Tian Yulong", "Shou Xiaoli", "Xi Jinping"]


class Template:
    """A source cut into a header and turns, each a str.format pattern whose
    fields are slots: name words (Title and UPPER forms) and header dates."""

    def __init__(self, path, starts, speakers, lower_words):
        self.path = path
        self.ext = path.suffix
        stem = path.stem
        if path == BUNDLED:
            stem = "scio-industry-it"
        self.stem = stem
        # Long sources (real transcripts) make most of the bytes, short
        # fixtures most of the variety of layouts.
        self.long = path == BUNDLED or stem.startswith("wh-")
        text = read_text(path)
        # "chips" and "5G" are put back only where the generator decides.
        text = re.sub(r"(?i)\bchips\b", "semiconductors", text)
        text = text.replace("5G", "broadband")
        lines = split_lines(text)

        words = set()
        for name in speakers:
            for w in re.split(r"[\s-]+", name):
                w = w.strip(".,'’()")
                if (len(w) >= 2 and w[0].isupper() and not w.isupper()
                        and w not in NOT_NAMES and w.lower() not in lower_words):
                    words.add(w)
        self.names = sorted(words)
        forms = {}
        for k, w in enumerate(self.names):
            forms[w] = 2 * k
            forms[w.upper()] = 2 * k + 1
        self.n_name_slots = 2 * len(self.names)
        name_re = None
        if forms:
            alt = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
            name_re = re.compile(r"(?<!\w)(" + alt + r")(?!\w)")

        # Date slots (header only): each distinct year, each month name.
        self.years = []
        year_slot = {}
        month_base = self.n_name_slots
        year_base = month_base + len(MONTHS)
        date_re = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)|\b(" + "|".join(MONTHS) + r")\b")

        def fmt(s, header):
            out = []
            pos = 0
            spans = []
            if name_re:
                spans += [(m.start(), m.end(), forms[m.group(1)]) for m in name_re.finditer(s)]
            if header:
                for m in date_re.finditer(s):
                    if m.group(1):
                        y = int(m.group(1))
                        if y not in year_slot:
                            year_slot[y] = len(self.years)
                            self.years.append(y)
                        spans.append((m.start(), m.end(), year_base + year_slot[y]))
                    else:
                        spans.append((m.start(), m.end(), month_base + MONTHS.index(m.group(2))))
            spans.sort()
            for a, b, slot in spans:
                if a < pos:
                    continue
                out.append(s[pos:a].replace("{", "{{").replace("}", "}}"))
                out.append("{%d}" % slot)
                pos = b
            out.append(s[pos:].replace("{", "{{").replace("}", "}}"))
            return "".join(out)

        first = starts[0] - 1
        self.header = fmt("".join(lines[:first]), True)
        bounds = [s - 1 for s in starts] + [len(lines)]
        self.turns = [fmt("".join(lines[a:b]), False) for a, b in zip(bounds, bounds[1:])]
        self.turn_sizes = [len(t) for t in self.turns]


def load_templates():
    sources = [bundled_source()] + fixture_sources()
    lower_words = set()
    for path, _, _ in sources:
        # Words in running text (not inside URLs, paths or slugs).
        lower_words.update(re.findall(r"(?<![\w/.-])([a-z][a-z'’]+)(?![\w/-])", read_text(path)))
    return [Template(p, s, n, lower_words) for p, s, n in sources]


def inject(turn, sentence):
    """Put SENTENCE into the longest line of TURN, after a full stop past its
    middle (else before it, else at the line's end)."""
    lines = turn.split("\n")
    k = max(range(len(lines)), key=lambda i: len(lines[i]))
    line = lines[k]
    dot = line.find(". ", len(line) // 2)
    if dot < 0:
        dot = line.rfind(". ", 0, len(line) // 2)
    if dot >= 0:
        line = line[:dot + 1] + " " + sentence + line[dot + 1:]
    else:
        end = len(line.rstrip("\r"))
        line = line[:end] + " " + sentence + line[end:]
    lines[k] = line
    return "\n".join(lines)


def transcript(templates, cum_weights, rng, mean_chars):
    """One generated transcript: (text, template, has chips, has 5G)."""
    t = rng.choices(templates, cum_weights=cum_weights)[0]
    mean_chars = mean_chars[t.long]
    taken = set()
    vals = []
    for _ in t.names:
        w = invent(rng, taken)
        vals += [w, w.upper()]
    shift = rng.randrange(12)
    vals += [MONTHS[(m + shift) % 12] for m in range(12)]
    dy = rng.randrange(-12, 4)
    vals += [str(min(y + dy, 2026)) for y in t.years]

    # Log-normal sizes, sigma 0.6, mean mean_chars; at least 2 kB.
    sigma = 0.6
    target = max(2000, int(rng.lognormvariate(math.log(mean_chars) - sigma * sigma / 2, sigma)))
    target = min(target, 12 * mean_chars)

    n = len(t.turns)
    body = n - 1 if n > 1 else 1
    seq = []
    size = len(t.header) + (t.turn_sizes[-1] if n > 1 else 0)
    for i in range(body):
        seq.append(i)
        size += t.turn_sizes[i]
        if size >= target:
            break
    while size < target:
        start = rng.randrange(body)
        for i in range(start, min(body, start + rng.randint(2, 8))):
            seq.append(i)
            size += t.turn_sizes[i]
    if n > 1:
        seq.append(n - 1)

    rendered = {}
    parts = [t.header.format(*vals)]
    for i in seq:
        r = rendered.get(i)
        if r is None:
            r = rendered[i] = t.turns[i].format(*vals)
        parts.append(r)

    chips = rng.random() < P_CHIPS
    g5 = rng.random() < P_5G
    # Never the header (index 0) or the last turn (the trailer's).
    slots = range(1, len(parts) - 1) if len(parts) > 2 else range(len(parts) - 1, len(parts))
    if chips:
        for _ in range(rng.randint(1, 4)):
            k = rng.choice(slots)
            parts[k] = inject(parts[k], rng.choice(CHIPS_SENTENCES))
    if g5:
        for _ in range(rng.randint(1, 6)):
            k = rng.choice(slots)
            parts[k] = inject(parts[k], rng.choice(G5_SENTENCES))
    text = "".join(parts)
    if not text.endswith("\n"):
        text += "\n"
    return text, t, chips, g5


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", choices=("dir", "big", "version"))
    ap.add_argument("out", nargs="?")
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--mean-kb", type=float, default=37.0)
    ap.add_argument("--mb", type=float, default=1024.0, help="size of `big` in MiB")
    ap.add_argument("--seed", default="1")
    a = ap.parse_args()
    if a.kind == "version":
        print(VERSION)
        return
    if not a.out:
        ap.error("OUT is required")

    t0 = time.monotonic()
    templates = load_templates()
    # 40% of the transcripts come from the long sources (the bundled one
    # for a third of them), 60% from the short fixtures; a short one is
    # SHORT_KB on average, a long one whatever makes the overall mean.
    n_long = sum(t.long for t in templates)
    n_short = len(templates) - n_long
    cum, acc = [], 0.0
    for t in templates:
        if t.path == BUNDLED:
            acc += P_LONG * 2 / (n_long + 1)
        elif t.long:
            acc += P_LONG / (n_long + 1)
        else:
            acc += (1 - P_LONG) / n_short
        cum.append(acc)
    short = min(SHORT_KB, a.mean_kb) * 1000
    mean_chars = {False: short, True: (a.mean_kb * 1000 - (1 - P_LONG) * short) / P_LONG}
    n_chips = n_5g = total = count = 0

    if a.kind == "dir":
        out = pathlib.Path(a.out)
        for i in range(a.files):
            rng = random.Random(f"{a.seed}:dir:{i}")
            text, t, chips, g5 = transcript(templates, cum, rng, mean_chars)
            d = out / f"{i // 500:02d}"
            if i % 500 == 0:
                d.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8", "surrogateescape")
            (d / f"{i:05d}-{t.stem}{t.ext}").write_bytes(data)
            total += len(data)
            count += 1
            n_chips += chips
            n_5g += g5
    else:
        limit = int(a.mb * 1024 * 1024)
        pathlib.Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        with open(a.out, "wb") as f:
            j = 0
            while total < limit:
                rng = random.Random(f"{a.seed}:big:{j}")
                text, t, chips, g5 = transcript(templates, cum, rng, mean_chars)
                data = text.encode("utf-8", "surrogateescape") + b"\n\n"
                f.write(data)
                total += len(data)
                count += 1
                n_chips += chips
                n_5g += g5
                j += 1
    secs = time.monotonic() - t0
    print(f"make-corpus: {a.kind}: {count} transcripts from {len(templates)} sources, "
          f"{total} bytes ({total / 1e6:.1f} MB), 'chips' in {n_chips}, '5G' in {n_5g}, "
          f"{secs:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
