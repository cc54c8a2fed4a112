//! The Windows-1252 code page's characters for bytes 0x80..=0x9F, shared
//! by [`crate::source`] (decoding bytes) and [`crate::html`] (numeric
//! character references such as `&#150;`, which pages write meaning
//! Windows-1252).

/// Windows-1252 characters for bytes 0x80..=0x9F (`None`: undefined).
#[rustfmt::skip]
pub(crate) const HIGH: [Option<char>; 32] = [
    Some('€'), None, Some('‚'), Some('ƒ'), Some('„'), Some('…'), Some('†'), Some('‡'),
    Some('ˆ'), Some('‰'), Some('Š'), Some('‹'), Some('Œ'), None, Some('Ž'), None,
    None, Some('‘'), Some('’'), Some('“'), Some('”'), Some('•'), Some('–'), Some('—'),
    Some('˜'), Some('™'), Some('š'), Some('›'), Some('œ'), None, Some('ž'), Some('Ÿ'),
];
