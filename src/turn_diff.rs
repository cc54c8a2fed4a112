//! Comparing two versions of a transcript turn by turn: which turns were
//! added, removed, re-attributed to another speaker, edited (with a word
//! diff), split in two or more, or merged.
//!
//! Pure functions over (speaker, text) pairs: no I/O, no model, no
//! printing. Whitespace and typography (curly quotes, dashes, ellipses,
//! non-breaking spaces) are not changes: texts are compared in
//! [`normalise`]d form, and shown as written.
//!
//! Alignment, in two steps: first the longest common subsequence of turns
//! keyed by their normalised text (so a turn whose text is unchanged is
//! matched even when its speaker changed, or turns were inserted before
//! it); then, between two matched turns, the unmatched ones are aligned
//! by a small dynamic programme that pairs neighbours sharing most of
//! their words (edited), one old turn with consecutive new turns whose
//! texts join into it (split) or the reverse (merged), and leaves the rest
//! removed or added. Both steps are quadratic in the turns they look at;
//! a comparison larger than [`MAX_CELLS`] is not aligned further (the
//! turns are reported removed and added), so no input can exhaust memory.

/// The largest table (old items × new items) that one alignment builds.
pub const MAX_CELLS: usize = 16_000_000;

/// One turn as compared: who said it and what.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The speaker's name (or outlet, or label) as shown.
    pub speaker: &'a str,
    /// The turn's text.
    pub text: &'a str,
}

/// What happened to a turn between the two versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// A turn only the new version has.
    Added,
    /// A turn only the old version has.
    Removed,
    /// The same text, said by another speaker.
    Reattributed,
    /// The text changed (the speaker may have changed too).
    Edited,
    /// One old turn became several consecutive new turns, same text.
    Split,
    /// Several consecutive old turns became one new turn, same text.
    Merged,
}

impl ChangeKind {
    /// The name written in JSON and in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reattributed => "reattributed",
            ChangeKind::Edited => "edited",
            ChangeKind::Split => "split",
            ChangeKind::Merged => "merged",
        }
    }
}

/// One change: the old and new turns it concerns (0-based positions in
/// the lists given to [`diff_turns`]) and, for an edit, the word diff.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What happened.
    pub kind: ChangeKind,
    /// Positions of the old turns (none for an added turn).
    pub old: Vec<usize>,
    /// Positions of the new turns (none for a removed turn).
    pub new: Vec<usize>,
    /// For `Edited`: the old text turned into the new, word by word.
    pub words: Vec<WordOp>,
}

/// What a run of words does in a word diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the old text.
    Delete,
    /// Only in the new text.
    Insert,
}

impl Op {
    /// The name written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of words with one [`Op`], as written (joined by single spaces).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordOp {
    /// What the run does.
    pub op: Op,
    /// Its words.
    pub text: String,
}

/// Text with typography and white space made uniform: curly quotes
/// straight, dashes and minus signs `-`, `…` three dots, every run of
/// white space (non-breaking spaces and line breaks too) one space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => out.push('\''),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => {
                    out.push('"')
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
                '\u{2026}' => out.push_str("..."),
                _ => out.push(c),
            }
        }
    }
    out
}

/// Speakers compared without case or surrounding space.
fn same_speaker(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The changes that turn `old` into `new`, in order. Turns that are the
/// same in substance (same speaker, same normalised text) are not listed.
pub fn diff_turns(old: &[Side<'_>], new: &[Side<'_>]) -> Vec<Change> {
    let old_keys: Vec<String> = old.iter().map(|s| normalise(s.text)).collect();
    let new_keys: Vec<String> = new.iter().map(|s| normalise(s.text)).collect();
    let anchors = lcs(&old_keys, &new_keys);
    let mut changes = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(a, b) in anchors
        .iter()
        .chain(std::iter::once(&(old.len(), new.len())))
    {
        let gap = Gap {
            old: i..a,
            new: j..b,
        };
        align_gap(old, new, &old_keys, &new_keys, gap, &mut changes);
        if a < old.len() && !same_speaker(old[a].speaker, new[b].speaker) {
            changes.push(Change {
                kind: ChangeKind::Reattributed,
                old: vec![a],
                new: vec![b],
                words: Vec::new(),
            });
        }
        (i, j) = (a + 1, b + 1);
    }
    changes
}

/// The longest common subsequence of two key lists, as index pairs in
/// order: common ends trimmed first, then a table over the middle (none
/// when it would exceed [`MAX_CELLS`]).
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut pairs: Vec<(usize, usize)> = (0..head).map(|k| (k, k)).collect();
    if am.len().saturating_mul(bm.len()) <= MAX_CELLS {
        pairs.extend(
            lcs_table(am, bm)
                .into_iter()
                .map(|(x, y)| (x + head, y + head)),
        );
    }
    pairs.extend((0..tail).map(|k| (a.len() - tail + k, b.len() - tail + k)));
    pairs
}

/// The classic table: `len[i][j]` is the LCS length of `a[i..]`, `b[j..]`.
fn lcs_table<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    // Lengths never exceed min(n, m) <= 4,000 under MAX_CELLS: u16 holds them.
    let w = m + 1;
    let mut len = vec![0u16; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i * w + j] = if a[i] == b[j] {
                len[(i + 1) * w + j + 1] + 1
            } else {
                len[(i + 1) * w + j].max(len[i * w + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if len[(i + 1) * w + j] >= len[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// Unmatched turns between two matched ones.
struct Gap {
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// How many turns a split or a merge may join.
const MOST_JOINED: usize = 4;

/// One step of a gap's alignment.
#[derive(Clone, Copy)]
enum Step {
    Remove,
    Add,
    Pair,
    Split(usize),
    Merge(usize),
}

/// Align the turns of one gap (see the module's doc) and push the changes.
fn align_gap(
    old: &[Side<'_>],
    new: &[Side<'_>],
    old_keys: &[String],
    new_keys: &[String],
    gap: Gap,
    changes: &mut Vec<Change>,
) {
    let (o, n) = (gap.old.len(), gap.new.len());
    if o == 0 && n == 0 {
        return;
    }
    let words_old: Vec<Vec<String>> = gap.old.clone().map(|k| bag(&old_keys[k])).collect();
    let words_new: Vec<Vec<String>> = gap.new.clone().map(|k| bag(&new_keys[k])).collect();
    let small = o.saturating_mul(n) <= MAX_CELLS / 16;
    // best[i][j]: the best score aligning old gap[i..] with new gap[j..].
    let w = n + 1;
    let mut best = vec![0.0f64; (o + 1) * w];
    let mut step = vec![Step::Remove; (o + 1) * w];
    for i in (0..=o).rev() {
        for j in (0..=n).rev() {
            let mut at = (f64::MIN, Step::Remove);
            let pick = |score: f64, s: Step, at: &mut (f64, Step)| {
                if score > at.0 {
                    *at = (score, s);
                }
            };
            if i < o {
                pick(best[(i + 1) * w + j], Step::Remove, &mut at);
            }
            if j < n {
                pick(best[i * w + j + 1], Step::Add, &mut at);
            }
            if i < o && j < n && small {
                if let Some(sim) = similar(&words_old[i], &words_new[j]) {
                    pick(sim + best[(i + 1) * w + j + 1], Step::Pair, &mut at);
                }
                for k in 2..=MOST_JOINED {
                    let oi = gap.old.start + i;
                    let nj = gap.new.start + j;
                    if j + k <= n && joins(&old_keys[oi], &new_keys[nj..nj + k]) {
                        pick(2.0 + best[(i + 1) * w + j + k], Step::Split(k), &mut at);
                    }
                    if i + k <= o && joins(&new_keys[nj], &old_keys[oi..oi + k]) {
                        pick(2.0 + best[(i + k) * w + j + 1], Step::Merge(k), &mut at);
                    }
                }
            }
            if i < o || j < n {
                best[i * w + j] = at.0;
                step[i * w + j] = at.1;
            }
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < o || j < n {
        let (oi, nj) = (gap.old.start + i, gap.new.start + j);
        let (kind, di, dj) = match step[i * w + j] {
            Step::Remove => (ChangeKind::Removed, 1, 0),
            Step::Add => (ChangeKind::Added, 0, 1),
            Step::Pair => (ChangeKind::Edited, 1, 1),
            Step::Split(k) => (ChangeKind::Split, 1, k),
            Step::Merge(k) => (ChangeKind::Merged, k, 1),
        };
        let words = if kind == ChangeKind::Edited {
            diff_words(old[oi].text, new[nj].text)
        } else {
            Vec::new()
        };
        changes.push(Change {
            kind,
            old: (oi..oi + di).collect(),
            new: (nj..nj + dj).collect(),
            words,
        });
        (i, j) = (i + di, j + dj);
    }
}

/// Does `whole` read as `parts` joined by spaces?
fn joins(whole: &str, parts: &[String]) -> bool {
    let total: usize = parts.iter().map(|p| p.len() + 1).sum::<usize>();
    if total != whole.len() + 1 {
        return false;
    }
    let mut rest = whole;
    for (k, p) in parts.iter().enumerate() {
        let Some(r) = rest.strip_prefix(p.as_str()) else {
            return false;
        };
        rest = if k + 1 < parts.len() {
            match r.strip_prefix(' ') {
                Some(r) => r,
                None => return false,
            }
        } else {
            r
        };
    }
    rest.is_empty()
}

/// The words of a normalised text, lower case, without edge punctuation,
/// sorted (a multiset).
fn bag(key: &str) -> Vec<String> {
    let mut words: Vec<String> = key
        .split(' ')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words
}

/// How alike two turns are, when they are alike enough to be one turn
/// edited: half or more of the shorter one's words are in the other. The
/// score (Dice's coefficient, 0..=1) prefers the closest neighbour.
fn similar(a: &[String], b: &[String]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    let overlap = common as f64 / a.len().min(b.len()) as f64;
    (overlap >= 0.5).then(|| 2.0 * common as f64 / (a.len() + b.len()) as f64)
}

/// The words of `old` turned into those of `new`: runs of equal, deleted
/// and inserted words, as written. Words are compared normalised (a curly
/// quote is a straight one). Common ends are trimmed before the table; a
/// middle larger than [`MAX_CELLS`] is one deletion and one insertion.
pub fn diff_words(old: &str, new: &str) -> Vec<WordOp> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let ka: Vec<String> = a.iter().map(|w| normalise(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| normalise(w)).collect();
    let pairs = lcs(&ka, &kb);
    let mut ops: Vec<(Op, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for &(x, y) in pairs.iter().chain(std::iter::once(&(a.len(), b.len()))) {
        ops.extend(a[i..x].iter().map(|w| (Op::Delete, *w)));
        ops.extend(b[j..y].iter().map(|w| (Op::Insert, *w)));
        if x < a.len() {
            // Shown as the new text writes it.
            ops.push((Op::Equal, b[y]));
        }
        (i, j) = (x + 1, y + 1);
    }
    runs(ops)
}

/// Consecutive words with the same op joined into one run.
fn runs(ops: Vec<(Op, &str)>) -> Vec<WordOp> {
    let mut out: Vec<WordOp> = Vec::new();
    for (op, w) in ops {
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(w);
            }
            _ => out.push(WordOp {
                op,
                text: w.to_string(),
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides<'a>(turns: &[(&'a str, &'a str)]) -> Vec<Side<'a>> {
        turns
            .iter()
            .map(|&(speaker, text)| Side { speaker, text })
            .collect()
    }

    fn kinds(
        old: &[(&str, &str)],
        new: &[(&str, &str)],
    ) -> Vec<(ChangeKind, Vec<usize>, Vec<usize>)> {
        diff_turns(&sides(old), &sides(new))
            .into_iter()
            .map(|c| (c.kind, c.old, c.new))
            .collect()
    }

    const A: (&str, &str) = ("Chair", "Good morning. Welcome to the press conference.");
    const B: (&str, &str) = (
        "Xiao",
        "We have built over 718,000 5G base stations this year.",
    );
    const C: (&str, &str) = ("Reuters", "What will you do about chips and supply chains?");
    const D: (&str, &str) = (
        "Tian",
        "Chips are the cornerstone of the information society.",
    );

    #[test]
    fn the_same_in_substance_is_no_change() {
        let curly = ("Chair", "Good  morning.\nWelcome to the press conference.");
        assert!(kinds(&[A, B], &[curly, B]).is_empty());
        let quotes = [("X", "He said \u{201c}yes\u{201d} \u{2014} twice\u{2026}")];
        let straight = [("x", "He said \"yes\" - twice...")];
        assert!(kinds(&quotes, &straight).is_empty());
    }

    #[test]
    fn a_label_changed_is_one_reattribution() {
        let b2 = ("Tian", B.1);
        assert_eq!(
            kinds(&[A, B, C, D], &[A, b2, C, D]),
            vec![(ChangeKind::Reattributed, vec![1], vec![1])]
        );
    }

    #[test]
    fn inserted_and_removed_turns_keep_the_rest_aligned() {
        assert_eq!(
            kinds(&[A, B, C, D], &[A, C, B, D]),
            // B moved after C: the longest common run keeps C, so B is
            // removed where it was and added where it is.
            vec![
                (ChangeKind::Removed, vec![1], vec![]),
                (ChangeKind::Added, vec![], vec![2]),
            ]
        );
        assert_eq!(
            kinds(&[A, B, C, D], &[A, C, D]),
            vec![(ChangeKind::Removed, vec![1], vec![])]
        );
    }

    #[test]
    fn an_edit_is_paired_and_diffed_word_by_word() {
        let b2 = (
            "Xiao",
            "We have built over 800,000 5G base stations this year.",
        );
        let changes = diff_turns(&sides(&[A, B, C]), &sides(&[A, b2, C]));
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].kind, ChangeKind::Edited);
        let changed: Vec<(Op, &str)> = changes[0]
            .words
            .iter()
            .filter(|w| w.op != Op::Equal)
            .map(|w| (w.op, w.text.as_str()))
            .collect();
        assert_eq!(
            changed,
            vec![(Op::Delete, "718,000"), (Op::Insert, "800,000")]
        );
    }

    #[test]
    fn a_turn_split_in_two_is_a_split() {
        let b1 = ("Xiao", "We have built over 718,000");
        let b2 = ("Tian", "5G base stations this year.");
        assert_eq!(
            kinds(&[A, B, C], &[A, b1, b2, C]),
            vec![(ChangeKind::Split, vec![1], vec![1, 2])]
        );
        assert_eq!(
            kinds(&[A, b1, b2, C], &[A, B, C]),
            vec![(ChangeKind::Merged, vec![1, 2], vec![1])]
        );
    }

    #[test]
    fn unrelated_neighbours_are_removed_and_added_not_paired() {
        assert_eq!(
            kinds(&[A, B, C], &[A, D, C]),
            vec![
                (ChangeKind::Removed, vec![1], vec![]),
                (ChangeKind::Added, vec![], vec![1]),
            ]
        );
    }

    #[test]
    fn word_diff_runs() {
        let ops = diff_words("a b c d", "a x c d e");
        let got: Vec<(Op, &str)> = ops.iter().map(|w| (w.op, w.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (Op::Equal, "a"),
                (Op::Delete, "b"),
                (Op::Insert, "x"),
                (Op::Equal, "c d"),
                (Op::Insert, "e"),
            ]
        );
        assert_eq!(diff_words("say \u{201c}hi\u{201d}", "say \"hi\"").len(), 1);
    }
}
