#!/usr/bin/env bash
# Throughput of whosaid on a corpus, and the ratio against ripgrep on the
# same bytes. Not a test: it prints numbers, it never fails on them.
#
# Usage: scripts/bench.sh [CORPUS_DIR]
#   CORPUS_DIR  default ../shared/data/whitehouse-press-briefings (beside the
#               repository). If it is missing, a corpus is generated from the
#               bundled transcript copied BENCH_COPIES times into a temp dir.
#
# Environment:
#   BENCH_RUNS=5            timed runs per workload (best run is reported)
#   BENCH_COPIES=500        copies of the bundled transcript in a generated corpus
#   BENCH_NO_HYPERFINE=1    time with the bash loop even if hyperfine is present
#   BENCH_NO_INSTALL=1      do not try to install ripgrep
#
# See docs/BENCHMARKS.md for what each workload measures.
set -euo pipefail

runs=${BENCH_RUNS:-5}
copies=${BENCH_COPIES:-500}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bundled="$root/data/scio-2021-03-01-industry-and-information-technology.txt"

# Resolve the corpus against the caller's directory; the default is relative
# to the repository root.
if [[ $# -gt 1 ]]; then
    echo "usage: scripts/bench.sh [CORPUS_DIR]" >&2
    exit 2
fi
corpus=${1:-"$root/../shared/data/whitehouse-press-briefings"}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

note() { printf 'bench: %s\n' "$*" >&2; }

if [[ -d $corpus ]]; then
    corpus=$(cd "$corpus" && pwd)
    corpus_desc=$corpus
else
    missing=$corpus
    note "corpus '$corpus' not found; generating one: $copies copies of $(basename "$bundled") in $scratch/corpus"
    mkdir -p "$scratch/corpus"
    for ((i = 0; i < copies; i++)); do
        cp "$bundled" "$(printf '%s/corpus/scio-%04d.txt' "$scratch" "$i")"
    done
    corpus="$scratch/corpus"
    corpus_desc="generated: $copies copies of data/$(basename "$bundled") ($missing was not found)"
fi

# The bytes whosaid reads: *.txt, *.md, *.html, *.htm, *.vtt and *.srt (any
# case), recursively, links
# followed, hidden names skipped. (Binary files are also skipped by whosaid;
# a transcript corpus has none.)
read -r files bytes < <(
    find -L "$corpus" -mindepth 1 -name '.*' -prune -o -type f \( -iname '*.md' -o -iname '*.txt' -o -iname '*.html' -o -iname '*.htm' -o -iname '*.vtt' -o -iname '*.srt' \) -printf '%s\n' |
        awk '{ n++; s += $1 } END { printf "%d %d\n", n, s }'
)
if [[ $files -eq 0 ]]; then
    note "no transcript files (*.txt, *.md, *.html, *.htm, *.vtt, *.srt) under $corpus"
    exit 2
fi

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
rg=$(find_rg || true)
if [[ -z $rg && -z ${BENCH_NO_INSTALL:-} ]]; then
    if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
        note "rg not found; apt-get install ripgrep"
        if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1; then
            DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null 2>&1 || true
        fi
        rg=$(find_rg || true)
    fi
    if [[ -z $rg ]] && command -v cargo >/dev/null 2>&1; then
        note "rg not found; cargo install ripgrep --locked (a few minutes)"
        cargo install ripgrep --locked --quiet >/dev/null 2>&1 || true
        rg=$(find_rg || true)
    fi
fi
if [[ -z $rg ]]; then
    note "ripgrep is not available: the ratio against ripgrep is unavailable"
fi

# --- timing ------------------------------------------------------------------
if [[ -z ${BENCH_NO_HYPERFINE:-} ]] && command -v hyperfine >/dev/null 2>&1; then
    timer="hyperfine --warmup 1 --runs $runs (best run)"
    use_hyperfine=1
else
    timer="bash loop, date +%s.%N, 1 warm-up + best of $runs"
    use_hyperfine=
fi

# Exit statuses that mean "ran": whosaid 0 (output), 1 (nothing matched /
# warnings), 2 (some inputs skipped, e.g. a file with no speaker turns: the
# others are still processed); rg 0 or 1.
ok_status() { [[ $1 -le $2 ]]; }

# measure NAME MAX_OK_STATUS COMMAND — COMMAND is a shell string; its stdout
# goes to a scratch file (not /dev/null: ripgrep 14 notices a /dev/null stdout
# and stops at the first match), stderr is discarded. Sets $secs.
measure() {
    local name=$1 max_rc=$2 cmd=$3 rc=0
    local full="$cmd > $(printf '%q' "$scratch/out") 2>/dev/null"
    # A checked run first (it is also the warm-up for the loop timer).
    eval "$full" || rc=$?
    if ! ok_status "$rc" "$max_rc"; then
        note "$name: exit status $rc from: $cmd"
        exit 1
    fi
    if [[ -n $use_hyperfine ]]; then
        local json="$scratch/$name.json"
        hyperfine --warmup 1 --runs "$runs" --ignore-failure --style none \
            --export-json "$json" "$full" >/dev/null 2>"$scratch/hyperfine.err" || {
            cat "$scratch/hyperfine.err" >&2
            exit 1
        }
        secs=$(grep -o '"min": *[0-9.eE+-]*' "$json" | head -1 | sed 's/.*: *//')
    else
        local best="" t0 t1 i
        for ((i = 0; i < runs; i++)); do
            t0=$(date +%s.%N)
            eval "$full" || true
            t1=$(date +%s.%N)
            best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
                'BEGIN { d = b - a; if (best == "" || d < best) best = d; printf "%.4f", best }')
        done
        secs=$best
    fi
}

q() { printf '%q' "$1"; }
W=$(q "$whosaid")
C=$(q "$corpus")
# ripgrep on the same files as whosaid: same extensions, links followed,
# no .gitignore rules; -i because whosaid's lower-case pattern is smart case.
RGOPTS="--no-ignore -L -i"
for ext in md txt html htm vtt srt; do RGOPTS+=" --iglob '*.$ext'"; done

names=() cmds=() times=()
add() { names+=("$1"); cmds+=("$2"); times+=("$3"); }

note "timing with $timer"
if [[ -n $rg ]]; then
    R=$(q "$rg")
    measure rg-count 1 "$R -c -w chips $RGOPTS $C"
    add "rg -c -w chips" "rg -c -w chips DIR" "$secs"
    rg_count=$secs
    measure rg-lines 1 "$R -w chips $RGOPTS $C"
    add "rg -w chips" "rg -w chips DIR" "$secs"
    rg_lines=$secs
fi
measure search 2 "$W search -w chips $C --format text"
add "search" "whosaid search -w chips DIR --format text" "$secs"
measure turns 2 "$W turns $C --format jsonl"
add "turns" "whosaid turns DIR --format jsonl" "$secs"
# The same on one thread: what the parser alone does per core.
measure turns-j1 2 "$W -j1 turns $C --format jsonl"
add "turns -j1" "whosaid -j1 turns DIR --format jsonl" "$secs"
measure check 2 "$W check $C --format json"
add "check" "whosaid check DIR --format json" "$secs"
measure speakers 2 "$W speakers $C --format tsv"
add "speakers" "whosaid speakers DIR --format tsv" "$secs"

# --- report ------------------------------------------------------------------
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n $(git -C "$root" status --porcelain --untracked-files=no -- src Cargo.toml Cargo.lock 2>/dev/null) ]]; then
    commit="$commit (+ uncommitted changes)"
fi
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)

echo "whosaid benchmark — $(date +%F)"
echo "commit:  $commit"
echo "machine: ${cpu:-unknown cpu}, $(nproc 2>/dev/null || echo '?') cores"
echo "threads: whosaid's default (one per CPU) except 'turns -j1'"
echo "corpus:  $corpus_desc"
printf 'bytes:   %d in %d transcript files = %.1f MB\n' "$bytes" "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
if [[ -n $rg ]]; then
    echo "rg:      $("$rg" --version | head -1) ($rg)"
else
    echo "rg:      unavailable"
fi
echo "timer:   $timer; output to a file, stderr discarded"
echo
printf '%-16s %9s %9s %9s %9s  %s\n' workload seconds MB/s "x rg -c" "x rg" command
for i in "${!names[@]}"; do
    awk -v name="${names[i]}" -v t="${times[i]}" -v b="$bytes" \
        -v rc="${rg_count:-}" -v rl="${rg_lines:-}" -v cmd="${cmds[i]}" 'BEGIN {
        r1 = (rc == "" || rc == 0) ? "n/a" : sprintf("%.1f", t / rc)
        r2 = (rl == "" || rl == 0) ? "n/a" : sprintf("%.1f", t / rl)
        printf "%-16s %9.3f %9.1f %9s %9s  %s\n", name, t, b / 1e6 / t, r1, r2, cmd
    }'
done
if [[ -z $rg ]]; then
    echo
    echo "ratio against ripgrep unavailable: rg not found, and not installed"
fi
