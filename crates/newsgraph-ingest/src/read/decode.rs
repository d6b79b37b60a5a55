//! Turning bytes into text: byte-order marks, UTF-8, UTF-16 and the Windows-1252
//! fallback, plus the binary-file check.
//!
//! The policy is "never fail on text that a person could read": UTF-8 is taken as is
//! (a BOM is stripped); UTF-16 needs its BOM; anything that is not valid UTF-8 is decoded
//! as Windows-1252 (the encoding of most legacy Western news pages, and a superset of
//! Latin-1 for printable text), and the caller records a warning. Only bytes that do not
//! look like text at all (NUL bytes, many control characters) are refused.

use std::io::{self, Read};

/// How many leading bytes the binary check and format sniffing look at.
pub const SNIFF_BYTES: usize = 8 * 1024;

/// The encoding a byte-order mark announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bom {
    /// `EF BB BF`.
    Utf8,
    /// `FF FE`.
    Utf16Le,
    /// `FE FF`.
    Utf16Be,
}

impl Bom {
    /// The BOM at the start of `bytes`, if any.
    pub fn detect(bytes: &[u8]) -> Option<Bom> {
        if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            Some(Bom::Utf8)
        } else if bytes.starts_with(&[0xFF, 0xFE]) {
            Some(Bom::Utf16Le)
        } else if bytes.starts_with(&[0xFE, 0xFF]) {
            Some(Bom::Utf16Be)
        } else {
            None
        }
    }

    /// Length of the mark in bytes.
    pub fn byte_len(self) -> usize {
        match self {
            Bom::Utf8 => 3,
            Bom::Utf16Le | Bom::Utf16Be => 2,
        }
    }

    /// The encoding's WHATWG label, as recorded in `metadata.encoding`.
    pub fn label(self) -> &'static str {
        match self {
            Bom::Utf8 => "utf-8",
            Bom::Utf16Le => "utf-16le",
            Bom::Utf16Be => "utf-16be",
        }
    }

    fn encoding(self) -> &'static encoding_rs::Encoding {
        match self {
            Bom::Utf8 => encoding_rs::UTF_8,
            Bom::Utf16Le => encoding_rs::UTF_16LE,
            Bom::Utf16Be => encoding_rs::UTF_16BE,
        }
    }
}

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a BOM.
    pub text: String,
    /// The encoding it was decoded from, when it was not plain UTF-8 (`"windows-1252"`,
    /// `"utf-16le"`, `"utf-16be"`); recorded in `metadata.encoding`.
    pub encoding: Option<&'static str>,
    /// A problem worth a warning: the fallback was used, or undecodable sequences were
    /// replaced by U+FFFD.
    pub warning: Option<String>,
}

/// Decodes a whole document (see the module doc for the policy).
pub fn decode(bytes: &[u8]) -> Decoded {
    match Bom::detect(bytes) {
        Some(bom @ (Bom::Utf16Le | Bom::Utf16Be)) => {
            let (text, had_errors) = bom
                .encoding()
                .decode_without_bom_handling(&bytes[bom.byte_len()..]);
            Decoded {
                text: text.into_owned(),
                encoding: Some(bom.label()),
                warning: had_errors.then(|| {
                    format!(
                        "malformed {} sequences replaced by U+FFFD",
                        bom.label().to_uppercase()
                    )
                }),
            }
        }
        Some(Bom::Utf8) => decode_utf8_or_legacy(&bytes[3..]),
        None => decode_utf8_or_legacy(bytes),
    }
}

/// [`decode`] for bytes the caller no longer needs: valid UTF-8 (the common case)
/// becomes the text in place, without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    let bom = Bom::detect(&bytes);
    if matches!(bom, Some(Bom::Utf16Le | Bom::Utf16Be)) {
        return decode(&bytes);
    }
    if bom == Some(Bom::Utf8) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: None,
            warning: None,
        },
        Err(err) => decode_utf8_or_legacy(err.as_bytes()),
    }
}

/// UTF-8 when valid, else Windows-1252 with a warning.
pub fn decode_utf8_or_legacy(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: None,
            warning: None,
        },
        Err(err) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Decoded {
                text: text.into_owned(),
                encoding: Some("windows-1252"),
                warning: Some(format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                    err.valid_up_to()
                )),
            }
        }
    }
}

/// True when the leading bytes of an input do not look like text: a NUL byte, or more
/// than 10% ASCII control characters other than tab, newline, carriage return, form
/// feed and escape. Inputs starting with a UTF-16 BOM are text by declaration (their
/// ASCII has NUL high bytes) and are not checked here.
pub fn looks_binary(head: &[u8]) -> bool {
    if matches!(Bom::detect(head), Some(Bom::Utf16Le | Bom::Utf16Be)) {
        return false;
    }
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Counted in blocks with a byte-sized counter and only comparisons per byte, which
    // the compiler turns into SIMD code.
    let controls: usize = head
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                let control = (b < 0x20)
                    & (b != b'\t')
                    & (b != b'\n')
                    & (b != b'\r')
                    & (b != 0x0C)
                    & (b != 0x1B);
                n + u8::from(control | (b == 0x7F))
            });
            usize::from(n)
        })
        .sum();
    controls * 10 > head.len()
}

/// True when `bytes` (after any BOM) hold only whitespace, in any of the encodings
/// [`decode`] accepts.
pub fn is_blank(bytes: &[u8]) -> bool {
    match Bom::detect(bytes) {
        Some(Bom::Utf16Le | Bom::Utf16Be) => decode(bytes).text.trim().is_empty(),
        Some(Bom::Utf8) => bytes[3..].iter().all(|b| b.is_ascii_whitespace()),
        None => bytes.iter().all(|b| b.is_ascii_whitespace()),
    }
}

/// A reader that transcodes UTF-16 (after its BOM) into UTF-8, so that line-oriented
/// formats can be streamed from UTF-16 files too.
pub struct Utf16ToUtf8<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    input: Vec<u8>,
    output: Vec<u8>,
    out_pos: usize,
    eof: bool,
}

impl<R: Read> Utf16ToUtf8<R> {
    /// Wraps `inner`, positioned just after a UTF-16 BOM of kind `bom`.
    pub fn new(inner: R, bom: Bom) -> Self {
        Utf16ToUtf8 {
            inner,
            decoder: bom.encoding().new_decoder_without_bom_handling(),
            input: vec![0; 16 * 1024],
            output: Vec::new(),
            out_pos: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for Utf16ToUtf8<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_pos == self.output.len() {
            if self.eof {
                return Ok(0);
            }
            let n = self.inner.read(&mut self.input)?;
            let last = n == 0;
            self.eof = last;
            let capacity = self.decoder.max_utf8_buffer_length(n).unwrap_or(n * 3 + 16);
            self.output.clear();
            self.output.resize(capacity, 0);
            self.out_pos = 0;
            let (_, _, written, _) =
                self.decoder
                    .decode_to_utf8(&self.input[..n], &mut self.output, last);
            self.output.truncate(written);
        }
        let n = buf.len().min(self.output.len() - self.out_pos);
        buf[..n].copy_from_slice(&self.output[self.out_pos..self.out_pos + n]);
        self.out_pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_streams_like_it_decodes() {
        let text = "{\"title\":\"Caf\u{e9}\"}\n{\"body\":\"\u{201c}x\u{201d}\"}\n";
        let mut bytes = vec![0xFF, 0xFE];
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).text, text);
        let mut out = String::new();
        Utf16ToUtf8::new(&bytes[2..], Bom::Utf16Le)
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }

    #[test]
    fn binary_check() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1, 2, 3, 4, b'a']));
        assert!(!looks_binary(b"plain text\n\twith tabs\r\n"));
        assert!(!looks_binary(&[0x93, b'h', b'i', 0x94]));
        // 10% controls is still text, just above is not (counted across blocks).
        let mut text = vec![b'a'; 1000];
        for b in text.iter_mut().step_by(10) {
            *b = 0x07;
        }
        assert!(!looks_binary(&text));
        text[1] = 0x7F;
        assert!(looks_binary(&text));
    }

    #[test]
    fn owned_decoding_agrees() {
        for bytes in [
            b"plain".to_vec(),
            b"\xEF\xBB\xBFwith bom".to_vec(),
            b"caf\xE9".to_vec(),
            vec![0xFF, 0xFE, b'h', 0, b'i', 0],
            vec![0xEF, 0xBB, 0xBF, 0xE9],
        ] {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes));
        }
    }
}
