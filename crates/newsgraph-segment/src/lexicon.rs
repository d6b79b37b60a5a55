//! Closed word lists the segmenter consults at candidate boundaries.
//!
//! Lookups are `match` statements over short ASCII-lowercased byte strings, so they
//! compile to a few comparisons and never allocate. They run only at a candidate
//! boundary (a period followed by white space), never per byte.

/// How a word written before a period behaves with respect to sentence ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Not an abbreviation: a period after it ends the sentence.
    Plain,
    /// A title written before a name ("Mr.", "Gen."): its period never ends a sentence.
    Title,
    /// Only an abbreviation when a number follows ("No. 5", "p. 12", "N°. 1026").
    BeforeNumber,
    /// A month ("Jan.", "Sept."): an abbreviation before a day number, otherwise a
    /// sentence end is decided as for [`AbbrevClass::Ambiguous`].
    Month,
    /// "a.m." / "p.m.": ends a sentence before any capitalised word except a weekday,
    /// a month or a time zone ("9 a.m. Monday", "5 p.m. ET").
    Meridiem,
    /// An abbreviation that may also end a sentence ("Inc.", "etc.", "U.S.", initials):
    /// decided by the next word.
    Ambiguous,
}

/// Lowercases up to 8 ASCII bytes into `buf`; `None` when the word is longer or not
/// ASCII (no list entry is).
fn lower<'b>(word: &[u8], buf: &'b mut [u8; 8]) -> Option<&'b [u8]> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(word) {
        *dst = src.to_ascii_lowercase();
    }
    Some(&buf[..word.len()])
}

/// Classifies `word`, the letters written right before a period (without the period),
/// e.g. `b"Mr"`, `b"U.S"`, `b"etc"`, `b"I"`.
pub fn classify(word: &[u8]) -> AbbrevClass {
    if word.is_empty() {
        return AbbrevClass::Plain;
    }
    // "N°" / "Nº" (numero sign written with a degree or ordinal sign).
    if word == "N°".as_bytes() || word == "Nº".as_bytes() || word == "n°".as_bytes() {
        return AbbrevClass::BeforeNumber;
    }
    if word.eq_ignore_ascii_case(b"a.m") || word.eq_ignore_ascii_case(b"p.m") {
        return AbbrevClass::Meridiem;
    }
    if word.contains(&b'.') {
        return if is_dotted_abbreviation(word) {
            AbbrevClass::Ambiguous
        } else {
            AbbrevClass::Plain
        };
    }
    if word.len() == 1 {
        return match word[0] {
            b'p' => AbbrevClass::BeforeNumber,
            b'A'..=b'Z' => AbbrevClass::Ambiguous,
            _ => AbbrevClass::Plain,
        };
    }
    let mut buf = [0u8; 8];
    let Some(w) = lower(word, &mut buf) else {
        return AbbrevClass::Plain;
    };
    match w {
        b"mr" | b"mrs" | b"ms" | b"messrs" | b"mmes" | b"dr" | b"drs" | b"prof" | b"gen"
        | b"gens" | b"sen" | b"sens" | b"rep" | b"reps" | b"gov" | b"lt" | b"col" | b"maj"
        | b"capt" | b"cmdr" | b"adm" | b"brig" | b"sgt" | b"cpl" | b"pvt" | b"rev" | b"hon"
        | b"pres" | b"supt" | b"insp" | b"det" | b"atty" | b"amb" | b"fr" | b"msgr" => {
            AbbrevClass::Title
        }
        b"no" | b"nos" | b"pp" | b"vol" | b"vols" | b"ch" | b"chap" | b"fig" | b"figs" | b"art"
        | b"sec" | b"para" | b"tel" | b"ext" | b"ref" | b"op" => AbbrevClass::BeforeNumber,
        b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
        | b"oct" | b"nov" | b"dec" => AbbrevClass::Month,
        b"st" | b"mt" | b"ft" | b"jr" | b"sr" | b"inc" | b"co" | b"corp" | b"ltd" | b"bros"
        | b"llc" | b"plc" | b"vs" | b"etc" | b"al" | b"approx" | b"dept" | b"est" | b"govt"
        | b"univ" | b"assn" | b"ave" | b"blvd" | b"rd" | b"hwy" | b"mfg" | b"intl" | b"natl"
        | b"cf" | b"ibid" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur" | b"thurs"
        | b"fri" | b"sat" | b"sun" | b"ca" | b"cir" | b"mln" | b"bln" | b"pct" | b"yr" | b"yrs"
        | b"hr" | b"hrs" | b"min" | b"mins" | b"sq" | b"esq" => AbbrevClass::Ambiguous,
        _ => AbbrevClass::Plain,
    }
}

/// True for dotted abbreviations such as "U.S", "e.g", "a.m", "J.R.R", "Ph.D": every
/// dot-separated piece is one to three letters. "Caliber.Az" or "example.com" are not.
pub fn is_dotted_abbreviation(word: &[u8]) -> bool {
    word.split(|&b| b == b'.')
        .all(|piece| (1..=3).contains(&piece.len()) && piece.iter().all(u8::is_ascii_alphabetic))
}

/// True for weekdays, months and time-zone codes: words that continue a time
/// expression after "a.m." / "p.m." ("9 a.m. Monday", "5 p.m. ET").
pub fn continues_time(word: &[u8]) -> bool {
    let mut buf = [0u8; 9];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    for (dst, src) in buf.iter_mut().zip(word) {
        *dst = src.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"monday"
            | b"tuesday"
            | b"wednesday"
            | b"thursday"
            | b"friday"
            | b"saturday"
            | b"sunday"
            | b"january"
            | b"february"
            | b"march"
            | b"april"
            | b"may"
            | b"june"
            | b"july"
            | b"august"
            | b"september"
            | b"october"
            | b"november"
            | b"december"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"et"
            | b"est"
            | b"edt"
            | b"ct"
            | b"cst"
            | b"cdt"
            | b"pt"
            | b"pst"
            | b"pdt"
            | b"mt"
            | b"gmt"
            | b"utc"
            | b"bst"
            | b"cet"
            | b"cest"
            | b"eet"
            | b"ist"
    )
}

/// True for capitalised words that commonly open an English sentence (pronouns,
/// determiners, conjunctions, sentence adverbs, auxiliaries). After an ambiguous
/// abbreviation ("in the U.S. How about you?") such a word is evidence of a sentence
/// end; a word not in this list ("U.S. President", "Albert I. Jones") is taken as part
/// of a name.
pub fn is_sentence_starter(word: &[u8]) -> bool {
    let mut buf = [0u8; 12];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    for (dst, src) in buf.iter_mut().zip(word) {
        *dst = src.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"i" | b"he"
            | b"she"
            | b"it"
            | b"we"
            | b"they"
            | b"you"
            | b"this"
            | b"that"
            | b"these"
            | b"those"
            | b"there"
            | b"here"
            | b"the"
            | b"a"
            | b"an"
            | b"his"
            | b"her"
            | b"its"
            | b"our"
            | b"my"
            | b"your"
            | b"their"
            | b"but"
            | b"and"
            | b"or"
            | b"so"
            | b"yet"
            | b"if"
            | b"when"
            | b"while"
            | b"where"
            | b"what"
            | b"why"
            | b"how"
            | b"who"
            | b"whom"
            | b"whose"
            | b"which"
            | b"after"
            | b"before"
            | b"in"
            | b"on"
            | b"at"
            | b"as"
            | b"for"
            | b"from"
            | b"to"
            | b"by"
            | b"with"
            | b"without"
            | b"some"
            | b"many"
            | b"most"
            | b"several"
            | b"all"
            | b"both"
            | b"each"
            | b"every"
            | b"no"
            | b"not"
            | b"none"
            | b"one"
            | b"two"
            | b"three"
            | b"meanwhile"
            | b"however"
            | b"also"
            | b"still"
            | b"then"
            | b"now"
            | b"later"
            | b"earlier"
            | b"since"
            | b"although"
            | b"though"
            | b"because"
            | b"despite"
            | b"according"
            | b"under"
            | b"over"
            | b"during"
            | b"last"
            | b"next"
            | b"even"
            | b"such"
            | b"other"
            | b"another"
            | b"among"
            | b"do"
            | b"does"
            | b"did"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"will"
            | b"would"
            | b"can"
            | b"could"
            | b"should"
            | b"shall"
            | b"may"
            | b"might"
            | b"must"
            | b"has"
            | b"have"
            | b"had"
            | b"let"
            | b"yes"
            | b"thanks"
            | b"please"
            | b"moreover"
            | b"furthermore"
            | b"instead"
            | b"only"
            | b"just"
            | b"indeed"
            | b"overall"
            | b"separately"
            | b"officials"
            | b"analysts"
            | b"critics"
            | b"experts"
            | b"residents"
            | b"witnesses"
            | b"police"
            | b"shares"
            | b"sales"
            | b"prices"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify(b"Mr"), AbbrevClass::Title);
        assert_eq!(classify(b"U.S"), AbbrevClass::Ambiguous);
        assert_eq!(classify(b"J.R.R"), AbbrevClass::Ambiguous);
        assert_eq!(classify(b"Caliber.Az"), AbbrevClass::Plain);
        assert_eq!(classify(b"No"), AbbrevClass::BeforeNumber);
        assert_eq!(classify("N°".as_bytes()), AbbrevClass::BeforeNumber);
        assert_eq!(classify(b"Sept"), AbbrevClass::Month);
        assert_eq!(classify(b"I"), AbbrevClass::Ambiguous);
        assert_eq!(classify(b"p.m"), AbbrevClass::Meridiem);
        assert!(continues_time(b"Monday") && continues_time(b"ET") && !continues_time(b"Tickets"));
        assert_eq!(classify(b"Iran"), AbbrevClass::Plain);
        assert_eq!(classify(b"extraordinarily"), AbbrevClass::Plain);
    }

    #[test]
    fn starters() {
        assert!(is_sentence_starter(b"How"));
        assert!(is_sentence_starter(b"The"));
        assert!(!is_sentence_starter(b"President"));
        assert!(!is_sentence_starter(b"Jones"));
    }
}
