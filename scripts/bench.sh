#!/usr/bin/env bash
# Throughput, peak memory and the ratio against ripgrep of whosaid on
# corpora that the script builds itself from the repository. Not a test:
# it prints numbers (and whether each target holds), it never fails on them.
#
# Usage: scripts/bench.sh [--no-write-docs] [CORPUS_DIR]
#   CORPUS_DIR       optional: a real folder of transcripts, benchmarked too
#                    (e.g. ../shared/data/whitehouse-press-briefings)
#   --no-write-docs  print the table only; by default it also replaces the
#                    results section of docs/BENCHMARKS.md
#
# Corpora (cached under BENCH_CORPUS_DIR, rebuilt when the generator, its
# sources, the seed or a size changes; see scripts/make-corpus.py):
#   (a) BENCH_FILES transcripts, ~40 kB each on average (10,000: ~400 MB)
#   (b) one file of distinct transcripts concatenated, BENCH_BIG_MB MiB
#   (c) CORPUS_DIR, if given
# and the bundled transcript alone (start-up included).
#
# Environment:
#   BENCH_RUNS=5          timed runs of each command (median reported)
#   BENCH_SMALL_RUNS=21   timed runs on the single bundled transcript
#   BENCH_FILES=10000     files in corpus (a)
#   BENCH_MEAN_KB=37      --mean-kb of the generator for (a) and (b)
#   BENCH_BIG_MB=1024     size of corpus (b) in MiB
#   BENCH_SKIP_BIG=1      leave corpus (b) out
#   BENCH_TIMEOUT=600     seconds before a whosaid or rg run is stopped
#                         ("timeout" in the table; the other runs of that
#                         command are then skipped)
#   BENCH_SEED=1          generator seed
#   BENCH_CORPUS_DIR      cache of generated corpora (default target/bench-corpus)
#   BENCH_NO_INSTALL=1    do not try to install ripgrep or GNU time
#
# See docs/BENCHMARKS.md for what each workload measures.
set -euo pipefail
export LC_ALL=C # '.' as the decimal point of $EPOCHREALTIME and awk

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bundled="$root/data/scio-2021-03-01-industry-and-information-technology.txt"
generator="$root/scripts/make-corpus.py"
docs="$root/docs/BENCHMARKS.md"

usage() { echo "usage: scripts/bench.sh [--no-write-docs] [CORPUS_DIR]" >&2; exit 2; }
write_docs=1
real_dir=
for arg in "$@"; do
    case $arg in
        --no-write-docs) write_docs= ;;
        --write-docs) write_docs=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) usage ;;
        *) [[ -z $real_dir ]] || usage; real_dir=$arg ;;
    esac
done
if [[ -n $real_dir ]]; then
    [[ -d $real_dir ]] || { echo "bench: '$real_dir' is not a directory" >&2; exit 2; }
    real_dir=$(cd "$real_dir" && pwd)
fi

runs=${BENCH_RUNS:-5}
small_runs=${BENCH_SMALL_RUNS:-21}
nfiles=${BENCH_FILES:-10000}
mean_kb=${BENCH_MEAN_KB:-37}
big_mb=${BENCH_BIG_MB:-1024}
limit=${BENCH_TIMEOUT:-600}
seed=${BENCH_SEED:-1}
cache=${BENCH_CORPUS_DIR:-$root/target/bench-corpus}
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

note() { printf 'bench: %s\n' "$*" >&2; }
q() { printf '%q' "$1"; }

# --- build -------------------------------------------------------------------
note "cargo build --release"
(cd "$root" && cargo build --release --quiet)
whosaid="${CARGO_TARGET_DIR:-$root/target}/release/whosaid"
[[ $whosaid = /* ]] || whosaid="$root/$whosaid"

# --- ripgrep -----------------------------------------------------------------
find_rg() {
    if command -v rg >/dev/null 2>&1; then
        command -v rg
    elif [[ -x ${CARGO_HOME:-$HOME/.cargo}/bin/rg ]]; then
        echo "${CARGO_HOME:-$HOME/.cargo}/bin/rg"
    else
        return 1
    fi
}
apt_install() { # PACKAGE: as root, with apt-get, quietly; update once if needed
    command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]] || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1 && return 0
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
}
rg=$(find_rg || true)
if [[ -z $rg && -z ${BENCH_NO_INSTALL:-} ]]; then
    note "rg not found; apt-get install ripgrep"
    apt_install ripgrep || true
    rg=$(find_rg || true)
    if [[ -z $rg ]] && command -v cargo >/dev/null 2>&1; then
        note "rg still not found; cargo install ripgrep --locked (a few minutes)"
        cargo install ripgrep --locked --quiet >/dev/null 2>&1 || true
        rg=$(find_rg || true)
    fi
fi
[[ -n $rg ]] || note "ripgrep is not available: the ratio columns will say n/a"

# --- GNU time, for the peak RSS ------------------------------------------------
gnutime=/usr/bin/time
if ! "$gnutime" -f %M true >/dev/null 2>&1; then
    if [[ -z ${BENCH_NO_INSTALL:-} ]]; then
        note "GNU time not found; apt-get install time"
        apt_install time || true
    fi
    if ! "$gnutime" -f %M true >/dev/null 2>&1; then
        gnutime=
        note "GNU time (/usr/bin/time) is not available: peak RSS will say n/a"
    fi
fi

# --- corpora -------------------------------------------------------------------
# The cache key: the generator, its sources, the seed and the sizes.
sources_sum=$(
    cd "$root" && {
        echo "data/$(basename "$bundled")"
        find tests/fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.expected.tsv' \) | LC_ALL=C sort
    } | while read -r f; do sha256sum "$f"; done | sha256sum | cut -c1-16
)
gen_sum=$(sha256sum "$generator" | cut -c1-16)
gen_version=$(python3 "$generator" version)

# ensure_corpus NAME KIND PATH ARGS... — (re)generates PATH unless its key
# file matches; sets $gen_note to how it was obtained.
ensure_corpus() {
    local name=$1 kind=$2 path=$3
    shift 3
    local key="make-corpus v$gen_version $gen_sum sources $sources_sum $kind $* --seed $seed"
    local stamp="$path.key"
    if [[ -e $path && -f $stamp && $(head -1 "$stamp") == "$key" ]]; then
        gen_note="cached; $(sed -n 2p "$stamp")"
        note "corpus $name: reusing $path"
        return
    fi
    note "corpus $name: generating $path"
    rm -rf "$path" "$path.tmp" "$stamp"
    local t0=$EPOCHREALTIME
    python3 "$generator" "$kind" "$path.tmp" "$@" --seed "$seed" 2>"$scratch/gen.err" || {
        cat "$scratch/gen.err" >&2
        exit 1
    }
    local secs
    secs=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
    mv "$path.tmp" "$path"
    gen_note="generated in $secs s"
    printf '%s\n%s\n' "$key" "$gen_note" >"$stamp"
    sed 's/^/bench: /' "$scratch/gen.err" >&2
}

# The bytes whosaid reads: *.txt, *.md, *.html, *.htm, *.vtt and *.srt (any
# case), recursively, hidden names skipped, links not followed (whosaid's and
# ripgrep's default; both are run with --no-ignore, so ignore files do not
# matter). Sets $files and $bytes.
count_bytes() {
    read -r files bytes < <(
        find "$1" -mindepth 0 \( -name '.*' ! -path "$1" \) -prune -o -type f \( -iname '*.md' -o -iname '*.txt' -o -iname '*.html' -o -iname '*.htm' -o -iname '*.vtt' -o -iname '*.srt' \) -printf '%s\n' |
            awk '{ n++; s += $1 } END { printf "%d %d\n", n, s }'
    )
}

corpus_a="$cache/a-$nfiles-$mean_kb-$seed"
ensure_corpus a dir "$corpus_a" --files "$nfiles" --mean-kb "$mean_kb"
gen_a=$gen_note
if [[ -z ${BENCH_SKIP_BIG:-} ]]; then
    corpus_b="$cache/big-$big_mb-$mean_kb-$seed.txt"
    ensure_corpus b big "$corpus_b" --mb "$big_mb" --mean-kb "$mean_kb"
    gen_b=$gen_note
fi

# --- timing ------------------------------------------------------------------
W=$(q "$whosaid")
R=$(q "${rg:-rg}")
out=$(q "$scratch/out")
rgout=$(q "$scratch/rgout")
# ripgrep on the same files as whosaid: the same extensions in any case, no
# ignore files (both get --no-ignore), hidden names and links skipped (both
# skip them by default); smart case like whosaid (-S).
RGOPTS="--no-ignore -S"
for ext in md txt html htm vtt srt; do RGOPTS+=" --iglob '*.$ext'"; done

# median of the numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# run_timed CMD — runs the shell string CMD once, sets $secs and $rc.
run_timed() {
    local t0 t1
    rc=0
    t0=$EPOCHREALTIME
    eval "$1" 2>/dev/null || rc=$?
    t1=$EPOCHREALTIME
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
}

# Exit statuses that mean "ran": whosaid 0 (output), 1 (nothing matched),
# 2 (some inputs skipped: the others are still processed); rg 0 or 1.
status_word() { # STATUS MAX_OK
    if [[ $1 -le $2 ]]; then echo ok; elif [[ $1 -eq 124 ]]; then echo timeout; else echo "exit $1"; fi
}

rows=()
# bench NAME CORPUS_LABEL PATH TARGET_KIND NRUNS RG_SHOWN WHOSAID_CMD RG_CMD
# The commands contain @P@ for the input path and @T@ for the time-out
# prefix (with GNU time inside it for the checked first run); RG_SHOWN is
# the ripgrep command as the table shows it.
bench() {
    local name=$1 label=$2 path=$3 kind=$4 n=$5 shown=$6 wcmd=$7 rcmd=$8
    local P T wc rcm wstat=ok rstat=ok rss=n/a i
    P=$(q "$path")
    T="timeout $limit"
    [[ $label == bundled ]] && T=""
    wc=${wcmd//@P@/$P}
    rcm=${rcmd//@P@/$P}
    note "$label: $name"

    # The checked first run, also the warm-up; peak RSS from it.
    local first=${wc//@T@/$T ${gnutime:+$gnutime -f %M -o $(q "$scratch/rss")}}
    rm -f "$scratch/rss"
    run_timed "$first"
    wstat=$(status_word "$rc" 2)
    [[ $rc -eq 2 ]] && note "$label: $name: exit status 2 (some inputs skipped)"
    if [[ $wstat == ok && -n $gnutime && -s $scratch/rss ]]; then
        rss=$(awk '/^[0-9]+$/ { printf "%.1f", $1 / 1024 }' "$scratch/rss")
    fi
    if [[ -n $rg ]]; then
        run_timed "${rcm//@T@/$T}"
        rstat=$(status_word "$rc" 1)
    else
        rstat=n/a
    fi

    : >"$scratch/wt"
    : >"$scratch/rt"
    for ((i = 0; i < n; i++)); do
        if [[ $wstat == ok ]]; then
            run_timed "${wc//@T@/$T}"
            if [[ $rc -le 2 ]]; then echo "$secs" >>"$scratch/wt"; else wstat=$(status_word "$rc" 2); fi
        fi
        if [[ $rstat == ok ]]; then
            run_timed "${rcm//@T@/$T}"
            if [[ $rc -le 1 ]]; then echo "$secs" >>"$scratch/rt"; else rstat=$(status_word "$rc" 1); fi
        fi
    done
    local wmed rmed
    wmed=$(median <"$scratch/wt")
    rmed=$(median <"$scratch/rt")
    [[ $wstat == ok ]] || wmed=$wstat
    [[ $rstat == ok ]] || rmed=$rstat
    rows+=("$name|$label|$files|$bytes|$wmed|$rss|$rmed|$kind|$shown")
}

# The workloads on a directory or a file of transcripts.
corpus_workloads() { # LABEL PATH KIND_PREFIX
    local label=$1 path=$2 k=$3
    count_bytes "$path"
    note "corpus $label: $files files, $bytes bytes"
    bench "search -w chips" "$label" "$path" "$k-ratio2" "$runs" "rg -c -w chips" \
        "@T@ $W --no-ignore search -w chips @P@ --format text > $out" \
        "@T@ $R -c -w chips $RGOPTS @P@ > $rgout"
    bench "search 5G, piped" "$label" "$path" "$k-ratio2" "$runs" "rg -c 5G" \
        "@T@ $W --no-ignore search 5G @P@ --format text | cat > $out" \
        "@T@ $R -c 5G $RGOPTS @P@ > $rgout"
    bench "search --count 5G" "$label" "$path" "$k-ratio1.5" "$runs" "rg -c 5G" \
        "@T@ $W --no-ignore search --count 5G @P@ > $out" \
        "@T@ $R -c 5G $RGOPTS @P@ > $rgout"
    bench "turns -j1 jsonl" "$label" "$path" "$k-parse" "$runs" "rg -c the" \
        "@T@ $W --no-ignore -j1 turns --format jsonl @P@ > /dev/null" \
        "@T@ $R -c the $RGOPTS @P@ > $rgout"
    bench "turns jsonl" "$label" "$path" "$k-none" "$runs" "rg -c the" \
        "@T@ $W --no-ignore turns --format jsonl @P@ > /dev/null" \
        "@T@ $R -c the $RGOPTS @P@ > $rgout"
    bench "speakers" "$label" "$path" "$k-none" "$runs" "rg -c the" \
        "@T@ $W --no-ignore speakers @P@ > $out" \
        "@T@ $R -c the $RGOPTS @P@ > $rgout"
}

corpus_workloads a "$corpus_a" dir
if [[ -n ${corpus_b:-} ]]; then
    corpus_workloads b "$corpus_b" big
fi
if [[ -n $real_dir ]]; then
    corpus_workloads c "$real_dir" dir
fi
count_bytes "$bundled"
bench "search 5G (one file)" bundled "$bundled" single "$small_runs" "rg -c 5G" \
    "@T@ $W search 5G @P@ --format text > $out" \
    "$R -c 5G @P@ > $rgout"

# --- report ------------------------------------------------------------------
# One line per row, fields separated by '|': workload, corpus, files, MB,
# whosaid s, MB/s, RSS MiB, rg s, rg command, ratio, target, holds.
table=$(
    for r in "${rows[@]}"; do echo "$r"; done | awk -F'|' '
    function num(x) { return x ~ /^[0-9.eE+-]+$/ }
    {
        name = $1; label = $2; files = $3; bytes = $4; w = $5; rss = $6; r = $7; kind = $8; rgc = $9
        mb = bytes / 1e6
        ws = num(w) ? sprintf("%.3f", w) : w
        mbs = num(w) && w > 0 ? sprintf("%.1f", mb / w) : "-"
        rs = num(r) ? sprintf("%.3f", r) : r
        ratio = (num(w) && num(r) && r > 0) ? sprintf("%.2f", w / r) : "-"
        split(kind, k, "-"); corpus = k[1]; what = k[2]
        target = ""; fails = ""; unknown = ""
        if (corpus == "big") {
            target = "finishes, >= 150 MB/s, RSS < 2x size"
            if (!num(w)) fails = fails w " "
            else if (mb / w < 150) fails = fails sprintf("%.0f MB/s ", mb / w)
            lim = 2 * bytes / 1048576
            if (num(w)) {
                if (!num(rss)) unknown = unknown "RSS "
                else if (rss >= lim) fails = fails sprintf("RSS %.0f MiB ", rss)
            }
        } else if (what == "ratio2" || what == "ratio1.5" || kind == "single") {
            lim = (what == "ratio2") ? 2.0 : 1.5
            target = sprintf("<= %.1fx rg", lim)
            if (ratio == "-") unknown = unknown "ratio "
            else if (w / r > lim) fails = fails sprintf("ratio %.2f ", w / r)
        }
        if (corpus != "big" && what == "parse") {
            target = ">= 250 MB/s"
            if (mbs == "-") unknown = unknown "MB/s "
            else if (mb / w < 250) fails = fails sprintf("%.0f MB/s ", mb / w)
        }
        if (corpus == "dir") {
            target = (target == "" ? "" : target ", ") "RSS < 64 MiB"
            if (!num(w)) fails = fails w " "
            else if (!num(rss)) unknown = unknown "RSS "
            else if (rss >= 64) fails = fails sprintf("RSS %.0f MiB ", rss)
        } else if (corpus != "big" && !num(w)) fails = fails w " "
        holds = fails != "" ? "no: " fails : (unknown != "" ? "n/a: " unknown : "yes")
        sub(/ +$/, "", holds)
        rssout = num(rss) ? sprintf("%.1f", rss) : rss
        printf "%s|%s|%d|%.1f|%s|%s|%s|%s|%s|%s|%s|%s\n", name, label, files, mb, ws, mbs, rssout, rs, rgc, ratio, target, holds
    }'
)

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock 2>/dev/null) ]]; then
    commit="$commit (+ uncommitted changes to src/ or Cargo files)"
fi
# Paths inside the repository are shown relative to it.
shown_path() { case $1 in "$root"/*) echo "${1#"$root"/}" ;; *) echo "$1" ;; esac; }
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
rg_version=$([[ -n $rg ]] && "$rg" --version | awk "NR == 1" || echo unavailable)
header=(
    "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
    "commit:   $commit"
    "machine:  ${cpu:-unknown cpu}, $(nproc 2>/dev/null || echo '?') cores (nproc), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') at the end"
    "rg:       $rg_version"
    "runs:     median of $runs timed runs ($small_runs on the bundled transcript), whosaid and rg alternated, after one checked run; time-out $limit s"
    "peak RSS: $([[ -n $gnutime ]] && echo 'GNU time %M of the checked run' || echo 'n/a (GNU time not available)')"
    "(a):      $nfiles generated files, mean-kb $mean_kb, seed $seed ($gen_a): $(shown_path "$corpus_a")"
)
if [[ -n ${corpus_b:-} ]]; then
    header+=("(b):      one generated file of $big_mb MiB, seed $seed ($gen_b): $(shown_path "$corpus_b")")
fi
if [[ -n $real_dir ]]; then
    header+=("(c):      $real_dir")
fi

echo
printf '%s\n' "${header[@]}"
echo
{
    echo "workload|corpus|files|MB|whosaid s|MB/s|RSS MiB|rg s|rg command|ratio|target|holds"
    echo "$table"
} | column -t -s '|'

if [[ -n $write_docs ]]; then
    {
        echo "Produced by \`scripts/bench.sh\`; do not edit by hand."
        echo
        echo '```text'
        printf '%s\n' "${header[@]}"
        echo '```'
        echo
        echo "| workload | corpus | files | MB | whosaid s | MB/s | peak RSS MiB | rg s | rg command | ratio | target | holds |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|---|"
        echo "$table" | awk -F'|' '{ printf "| `%s` | %s | %s | %s | %s | %s | %s | %s | `%s` | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }'
    } >"$scratch/results.md"
    if grep -q '^<!-- bench:results:begin -->$' "$docs" && grep -q '^<!-- bench:results:end -->$' "$docs"; then
        awk -v f="$scratch/results.md" '
            /^<!-- bench:results:end -->$/ { skip = 0 }
            !skip { print }
            /^<!-- bench:results:begin -->$/ { while ((getline l < f) > 0) print l; skip = 1 }
        ' "$docs" >"$scratch/BENCHMARKS.md"
        cat "$scratch/BENCHMARKS.md" >"$docs"
        note "results written to docs/BENCHMARKS.md"
    else
        note "docs/BENCHMARKS.md has no <!-- bench:results:begin/end --> markers; not written"
    fi
fi
