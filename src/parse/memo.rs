//! Per-thread memos of pure functions of a label. A transcript prints the
//! same few labels hundreds of times; rules that read a label alone (its
//! shape, the role word it is, what it says of its speaker) run once per
//! distinct label and thread.
//! A memo only saves work: it is bounded, and cleared when full. It must
//! never hold anything that depends on more than its key.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

/// Entries kept before a memo is cleared.
const MAX_ENTRIES: usize = 4096;

/// A memo's storage, declared by its user with `thread_local!`.
pub type Memo<T> = RefCell<HashMap<String, T>>;

/// `compute(key)`, remembered in `memo` for the thread.
pub fn cached<T: Clone>(
    memo: &'static LocalKey<Memo<T>>,
    key: &str,
    compute: impl FnOnce(&str) -> T,
) -> T {
    memo.with(|cell| {
        if let Some(known) = cell.borrow().get(key) {
            return known.clone();
        }
        let value = compute(key);
        let mut map = cell.borrow_mut();
        if map.len() >= MAX_ENTRIES {
            map.clear();
        }
        map.insert(key.to_string(), value.clone());
        value
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local!(static LENGTHS: Memo<usize> = Memo::default());

    #[test]
    fn a_memo_answers_as_the_function_does_and_stays_bounded() {
        // A transcript's few labels: each computed once, however often asked.
        let mut calls = 0;
        for _ in 0..3 {
            for i in 0..100 {
                let key = format!("label {i}");
                let n = cached(&LENGTHS, &key, |k| {
                    calls += 1;
                    k.len()
                });
                assert_eq!(n, key.len());
            }
        }
        assert_eq!(calls, 100);
        // More keys than it keeps: still right, never larger than its bound.
        for i in 0..3 * MAX_ENTRIES {
            let key = format!("other label {i}");
            assert_eq!(cached(&LENGTHS, &key, str::len), key.len());
            assert!(LENGTHS.with(|m| m.borrow().len()) <= MAX_ENTRIES);
        }
    }
}
