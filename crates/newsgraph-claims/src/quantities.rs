//! Quantities: numbers in digits and words, typed with what they count.
//!
//! # Idea
//!
//! One pass over each sentence's tokens. At each token the reader tries, longest
//! first:
//!
//! 1. an **approximation** phrase: "more than", "over", "above", "in excess of" →
//!    `more_than`; "about", "around", "some", "roughly", "approximately", "nearly",
//!    "almost", "an estimated", "estimated" → `about`; "at least" → `at_least`; "up
//!    to", "as many as" → `up_to`; "fewer than", "less than", "under", "below" →
//!    `less_than`;
//! 2. a **currency** sign (`$` → USD, `€` → EUR, `£` → GBP, "US$");
//! 3. the **number**: digits ("71,000", "3.5", "70bn") or number words ("three", "two
//!    million", "twenty-five", "a dozen", "a million"), then scale words ("billion",
//!    "bn"). Vague plurals are read as the least they can mean, with `at_least`:
//!    "dozens" 24, "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000,
//!    "hundreds of thousands" 200,000, "millions" 2,000,000;
//! 4. a **unit**: "%", "percent", "per cent" → percent; "dollars", "euros", "litres",
//!    "barrels", "tonnes", "kilometres", … . A glued "m" is millions after a currency
//!    sign ("£600m") and metres otherwise ("the 800m final"); a separate scale word
//!    of one or two letters ("m", "bn") counts only after a currency sign.
//!
//! The figure's span runs from the approximation phrase to the unit; the counted noun
//! is not part of it ("more than 71,000"). Then, in the figure's clause:
//!
//! - the **measure** is the first counting word among the few words after the figure
//!   ("251 hostages", "71,000 people have been killed", "47,000 Palestinian deaths" →
//!   killed) or, failing that, a verb just before it ("killing 1,200 people",
//!   "displacing hundreds of thousands", "will require around $70 billion" → cost);
//!   money without one is "money" ("$84 a barrel": "price");
//! - the **subject** is a group or state mention between the figure and its noun
//!   ("47,000 Palestinian deaths" → Palestine), else the place of the nearest "in X"
//!   after the figure in its clause, else before it ("killed … in Gaza" → Gaza);
//! - the **period** is the sentence's date expression (from the time stage) preceded
//!   by "since" if there is one — its value is the period's start ("since October
//!   2023" → "2023-10") — else the nearest date in the sentence ("on 7 October 2023");
//! - the **attribution** is the reporting chain nearest the figure in its sentence
//!   ("according to local officials", "the United Nations estimates").
//!
//! **Not quantities**: anything inside a time expression ("7 October 2023", "12-day",
//! "January 23"), a bare four-digit number from 1000 to 2100 (a year), ages ("aged
//! 45", "45 years old", "father of three"), ordinals ("second round", "21st"), times
//! and codes ("10:30", "9 a.m.", "04.69"), identifiers after "No.", "Article",
//! "Resolution", "Flight", "Route", …, a bare number right after a capitalised word
//! that is not a place, group or date ("Radio 4", "Windows 95"), list markers ("1."
//! at the start of a sentence), figures that do not fit an f64, and number words
//! without a scale ("three", "twenty") unless a counted noun follows that names a
//! measure ("three major sites") — "one of the", "the two leaders" are not figures.
//!
//! # Limits
//!
//! Ranges ("between 10 and 20", "10-20") give two figures; fractions ("half of",
//! "two-thirds") and multiplicatives ("doubled") are not read; the measure lexicon
//! is English and small; the subject does not follow pronouns or "the territory".

use newsgraph_model::{Approx, Article, MentionKind, Quantity, TokenKind};
use newsgraph_time::TimexFound;

use crate::attribution::{attribution_at, Attribution};
use crate::doc::{low, Doc};

/// An approximation phrase at token `i`: (approx, tokens used).
fn approx_at(doc: &Doc<'_>, i: usize) -> Option<(Approx, usize)> {
    let w = low(doc.text(i));
    let next = low(doc.text(i + 1));
    let (w, next): (&str, &str) = (&w, &next);
    let two = |a: &str, b: &str| w == a && next == b;
    Some(match () {
        _ if two("more", "than") || two("greater", "than") => (Approx::MoreThan, 2),
        _ if two("in", "excess") && doc.is(i + 2, "of") => (Approx::MoreThan, 3),
        _ if two("at", "least") => (Approx::AtLeast, 2),
        _ if two("up", "to") => (Approx::UpTo, 2),
        _ if two("as", "many") && doc.is(i + 2, "as") => (Approx::UpTo, 3),
        _ if two("as", "much") && doc.is(i + 2, "as") => (Approx::UpTo, 3),
        _ if two("fewer", "than") || two("less", "than") => (Approx::LessThan, 2),
        _ if two("an", "estimated") => (Approx::About, 2),
        _ if matches!(w, "over" | "above") => (Approx::MoreThan, 1),
        _ if matches!(w, "under" | "below") => (Approx::LessThan, 1),
        _ if matches!(
            w,
            "about"
                | "around"
                | "some"
                | "roughly"
                | "approximately"
                | "nearly"
                | "almost"
                | "estimated"
                | "approx."
                | "circa"
                | "~"
        ) =>
        {
            (Approx::About, 1)
        }
        _ => return None,
    })
}

fn currency_sign(s: &str) -> Option<&'static str> {
    match s {
        "$" | "US$" | "USD" => Some("USD"),
        "€" | "EUR" => Some("EUR"),
        "£" | "GBP" => Some("GBP"),
        _ => None,
    }
}

fn small_word(w: &str) -> Option<f64> {
    let lw = low(w);
    if lw.contains('-') {
        let (a, b) = lw.split_once('-')?;
        let (x, y) = (small_word(a)?, small_word(b)?);
        return (x >= 20.0 && x % 10.0 == 0.0 && y < 10.0 && y > 0.0).then_some(x + y);
    }
    Some(match &*lw {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn scale_word(w: &str) -> Option<f64> {
    Some(match &*low(w) {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" | "mln" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// Vague plural: ("hundreds" → 100).
fn vague_word(w: &str) -> Option<f64> {
    Some(match &*low(w) {
        "dozens" => 12.0,
        "tens" => 10.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

fn unit_word(w: &str) -> Option<&'static str> {
    Some(match &*low(w) {
        "%" | "percent" | "pct" => "percent",
        "dollars" | "dollar" => "USD",
        "euros" | "euro" => "EUR",
        "shekels" => "ILS",
        "rials" => "IRR",
        "litres" | "liters" | "litre" | "liter" => "litres",
        "barrels" | "barrel" => "barrels",
        "tonnes" | "tons" | "tonne" | "ton" => "tonnes",
        "kilometres" | "kilometers" | "km" => "km",
        "miles" | "mile" => "miles",
        "metres" | "meters" | "m2" => "metres",
        "kilograms" | "kg" => "kg",
        "megawatts" | "mw" => "MW",
        _ => return None,
    })
}

/// Counting words → measure.
fn measure_word(w: &str) -> Option<&'static str> {
    Some(match &*low(w) {
        "killed" | "kill" | "killing" | "dead" | "deaths" | "death" | "died" | "fatalities"
        | "lives" | "slain" | "killings" => "killed",
        "injured" | "injuring" | "wounded" | "wounding" | "injuries" | "hurt" => "injured",
        "hostages" | "hostage" | "captives" | "abducted" | "kidnapped" => "hostages",
        "displaced" | "displacing" | "displacement" | "homeless" | "evacuated" | "fled" => {
            "displaced"
        }
        "refugees" => "refugees",
        "arrested" | "arrests" | "detained" | "detainees" | "arresting" | "detaining" => "arrested",
        "prisoners" => "prisoners",
        "troops" | "soldiers" | "personnel" | "reservists" | "fighters" => "troops",
        "sites" | "facilities" | "targets" => "sites",
        "cost" | "costs" | "costing" | "require" | "required" | "requires" | "requiring"
        | "rebuild" | "reconstruction" => "cost",
        "aid" | "assistance" => "aid",
        "budget" => "budget",
        "missiles" | "rockets" | "drones" | "projectiles" => "projectiles",
        "strikes" | "airstrikes" | "attacks" => "attacks",
        "homes" | "buildings" | "houses" => "buildings",
        "crew" | "sailors" | "seafarers" => "crew",
        "tankers" | "vessels" | "ships" | "boats" => "vessels",
        _ => return None,
    })
}

/// Words allowed between a figure and its counting word.
const BETWEEN: &[&str] = &[
    "people",
    "persons",
    "civilians",
    "children",
    "women",
    "men",
    "individuals",
    "have",
    "has",
    "had",
    "been",
    "were",
    "was",
    "are",
    "is",
    "being",
    "reportedly",
    "so",
    "far",
    "now",
    "also",
    "more",
    "other",
    "of",
    "them",
    "those",
    "whom",
    "who",
    "major",
    "new",
    "additional",
    "further",
    "israeli",
    "palestinian",
    "palestinians",
    "iranian",
    "key",
    "nuclear",
    "military",
    "foreign",
    "us",
    "u.s.",
    "american",
    "civilian",
    "in",
    "total",
    "confirmed",
    "dollars",
    "the",
];

/// Identifier words a number after them names rather than counts.
const ID_WORDS: &[&str] = &[
    "no",
    "no.",
    "number",
    "article",
    "resolution",
    "flight",
    "route",
    "chapter",
    "section",
    "page",
    "room",
    "gate",
    "level",
    "phase",
    "category",
    "grade",
    "platform",
    "channel",
    "highway",
    "paragraph",
    "clause",
    "item",
    "vol",
    "vol.",
    "version",
    "model",
    "unit",
    "aged",
    "age",
    "ages",
    "#",
    "building",
    "apartment",
    "district",
    "zone",
    "sector",
];

/// A parsed figure: value, vague (read as a lower bound), small word, tokens `[i, j)`.
struct Num {
    value: f64,
    vague: bool,
    small: bool,
    end: usize,
    /// A unit glued to the digits ("800m", "60km").
    unit: Option<&'static str>,
}

/// Reads the number at token `i` (before `hi`).
fn number_at(doc: &Doc<'_>, i: usize, hi: usize, money: bool) -> Option<Num> {
    let t = *doc.toks.get(i)?;
    let w = doc.text(i);
    let mut j = i + 1;
    let mut value;
    let mut small = false;
    let mut vague = false;
    if t.kind == TokenKind::Number {
        let digits: String = w.chars().filter(|c| *c != ',').collect();
        if digits.chars().filter(|c| *c == '.').count() > 1 || digits.contains('-') {
            return None;
        }
        // "04.69", "007": times, codes.
        if digits.len() > 1 && digits.starts_with('0') && digits.as_bytes()[1].is_ascii_digit() {
            return None;
        }
        value = digits.parse::<f64>().ok()?;
    } else if t.kind == TokenKind::Word && w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        // "70bn", "5m", "3.5%"-like words: digits then a scale suffix.
        let split = w
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
            .map(|(k, _)| k)?;
        let (d, suffix) = w.split_at(split);
        let digits: String = d.chars().filter(|c| *c != ',').collect();
        value = digits.parse::<f64>().ok()?;
        // "£600m" is money in millions; "800m" without a currency is a distance.
        let mut unit = None;
        match scale_word(suffix).filter(|_| suffix.len() <= 3) {
            Some(_) if suffix == "m" && !money => unit = Some("metres"),
            Some(sc) => value *= sc,
            None => unit = Some(unit_word(suffix)?),
        }
        return Some(Num {
            value,
            vague,
            small,
            end: j,
            unit,
        });
    } else if let Some(v) = small_word(w) {
        if !w.chars().next().is_some_and(|c| c.is_lowercase() || i == 0) && w != "One" {
            // Capitalised number words mid-sentence are names ("Formula One").
            if doc.toks.get(i.wrapping_sub(1)).is_some() && !is_sentence_start(doc, i) {
                return None;
            }
        }
        small = true;
        // Compose "two hundred and fifty thousand".
        let mut total = 0.0;
        let mut cur = v;
        loop {
            let nw = doc.text(j);
            if j >= hi {
                break;
            }
            if let Some(sc) = scale_word(nw).filter(|_| nw.len() > 2) {
                small = false;
                if sc == 100.0 {
                    cur *= 100.0;
                } else {
                    total += cur * sc;
                    cur = 0.0;
                }
                j += 1;
            } else if nw.eq_ignore_ascii_case("dozen") {
                small = false;
                cur *= 12.0;
                j += 1;
            } else if let Some(v2) = small_word(nw).filter(|_| cur >= 100.0 && cur % 100.0 == 0.0) {
                cur += v2;
                j += 1;
            } else if nw.eq_ignore_ascii_case("and")
                && cur >= 100.0
                && j + 1 < hi
                && small_word(doc.text(j + 1)).is_some()
            {
                j += 1;
            } else {
                break;
            }
        }
        value = total + cur;
        return Some(Num {
            value,
            vague,
            small,
            end: j,
            unit: None,
        });
    } else if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
        && (doc.is(i + 1, "dozen")
            || scale_word(doc.text(i + 1)).is_some_and(|_| doc.text(i + 1).len() > 2))
    {
        let nw = doc.text(i + 1);
        value = if nw.eq_ignore_ascii_case("dozen") {
            12.0
        } else {
            scale_word(nw)?
        };
        j = i + 2;
        return Some(Num {
            value,
            vague,
            small,
            end: j,
            unit: None,
        });
    } else if w.eq_ignore_ascii_case("dozen") {
        return Some(Num {
            value: 12.0,
            vague,
            small,
            end: j,
            unit: None,
        });
    } else if let Some(base) = vague_word(w) {
        // "hundreds", "tens of thousands", "hundreds of thousands".
        value = 2.0 * base;
        vague = true;
        if doc.is(j, "of") {
            if let Some(b2) = vague_word(doc.text(j + 1)).filter(|b2| *b2 > base && *b2 >= 100.0) {
                value = 2.0 * base * b2;
                j += 2;
            }
        }
        if base == 10.0 && value == 20.0 {
            return None; // "tens" alone
        }
        return Some(Num {
            value,
            vague,
            small,
            end: j,
            unit: None,
        });
    } else {
        return None;
    }
    // Digits: scale words.
    if j < hi {
        if let Some(sc) = scale_word(doc.text(j)).filter(|_| doc.is_lower_word(j)) {
            if doc.text(j).len() > 2 || (money && sc != 100.0) {
                value *= sc;
                j += 1;
            }
        }
    }
    Some(Num {
        value,
        vague,
        small,
        end: j,
        unit: None,
    })
}

fn is_sentence_start(doc: &Doc<'_>, i: usize) -> bool {
    let k = doc.ranges.partition_point(|&(lo, _)| lo < i);
    doc.ranges.get(k).is_some_and(|&(lo, _)| lo == i)
}

/// Finds the quantities of an article (see the module docs).
pub(crate) fn find(
    doc: &Doc<'_>,
    article: &Article,
    timexes: &[TimexFound],
    attrs: &[Attribution],
) -> Vec<Quantity> {
    let mut tx: Vec<(usize, usize)> = timexes.iter().map(|t| (t.start, t.end)).collect();
    tx.sort_unstable();
    let in_timex = |a: usize, b: usize| {
        let k = tx.partition_point(|&(_, e)| e <= a);
        k < tx.len() && tx[k].0 < b
    };
    let mut out = Vec::new();
    for (sp, &(lo, hi)) in doc.ranges.iter().enumerate() {
        let mut i = lo;
        while i < hi {
            match read_figure(doc, i, lo, hi) {
                Some(f)
                    if !in_timex(doc.toks[i].start, doc.toks[f.end - 1].end)
                        && !names_it(doc, &f, i, lo, &in_timex) =>
                {
                    if let Some(q) = type_figure(doc, article, sp, lo, hi, i, &f, timexes, attrs) {
                        out.push(q);
                    }
                    i = f.end;
                }
                Some(f) => i = f.end,
                None => i += 1,
            }
        }
    }
    out
}

/// A bare number right after a capitalised word that is not a place, a group or a
/// date names something ("Radio 4", "Windows 95", "Top 20") rather than counting.
fn names_it(
    doc: &Doc<'_>,
    f: &Figure,
    i: usize,
    lo: usize,
    in_timex: &dyn Fn(usize, usize) -> bool,
) -> bool {
    if f.num_start != i || i <= lo || f.currency.is_some() {
        return false;
    }
    let p = i - 1;
    let t = doc.toks[p];
    let cap =
        t.kind == TokenKind::Word && doc.text(p).chars().next().is_some_and(char::is_uppercase);
    if !cap || p == lo || in_timex(t.start, t.end) {
        return false;
    }
    match doc.mention_at(t.start) {
        Some(mi) => !matches!(
            doc.mentions[mi].mention.kind,
            MentionKind::Gpe | MentionKind::Loc | MentionKind::Norp
        ),
        None => true,
    }
}

struct Figure {
    approx: Option<Approx>,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    num: Num,
    /// Token after the figure.
    end: usize,
    /// First token of the number itself.
    num_start: usize,
}

fn read_figure(doc: &Doc<'_>, i: usize, lo: usize, hi: usize) -> Option<Figure> {
    let mut k = i;
    let mut approx = None;
    if let Some((a, n)) = approx_at(doc, k) {
        approx = Some(a);
        k += n;
    }
    let mut currency = None;
    if k < hi {
        if let Some(c) = currency_sign(doc.text(k)) {
            currency = Some(c);
            k += 1;
            if k < hi && doc.text(k) == "$" {
                k += 1; // "US" "$"
            }
        } else if doc.text(k) == "US" && doc.text(k + 1) == "$" {
            currency = Some("USD");
            k += 2;
        }
    }
    if k >= hi {
        return None;
    }
    let num_start = k;
    let num = number_at(doc, k, hi, currency.is_some()).filter(|n| n.value.is_finite())?;
    let mut end = num.end.min(hi);
    // Filters on the left.
    if num_start > lo {
        let prev = low(doc.text(num_start - 1));
        if ID_WORDS.contains(&&*prev) && approx.is_none() && currency.is_none() {
            return None;
        }
    }
    // "father of three".
    if num_start >= lo + 2
        && doc.is(num_start - 1, "of")
        && matches!(
            &*low(doc.text(num_start - 2)),
            "father" | "mother" | "parent" | "grandfather" | "grandmother" | "mum" | "dad"
        )
    {
        return None;
    }
    let t = doc.toks[num_start];
    let word = doc.text(num_start);
    if t.kind == TokenKind::Number {
        // Years.
        let plain = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
        if plain
            && (1000.0..=2100.0).contains(&num.value)
            && end == num_start + 1
            && currency.is_none()
        {
            return None;
        }
        // Times and list markers.
        let next = doc.text(end);
        if next == ":" && doc.kind(end + 1) == Some(TokenKind::Number) {
            return None;
        }
        if matches!(
            &*low(next),
            "a.m." | "p.m." | "am" | "pm" | "gmt" | "utc" | "h"
        ) {
            return None;
        }
        if num_start == lo && matches!(next, "." | ")") {
            return None;
        }
        if word.contains(':') || word.matches('.').count() > 1 {
            return None;
        }
    }
    // Ages.
    if doc.is(end, "years") && doc.is(end + 1, "old") || doc.text(end).starts_with("-year") {
        return None;
    }
    // Unit after the figure.
    let mut unit = currency.or(num.unit);
    if end < hi {
        let nw = doc.text(end);
        if nw == "per" && doc.is(end + 1, "cent") {
            unit = Some("percent");
            end += 2;
        } else if let Some(u) = unit_word(nw) {
            if nw == "%" || doc.is_lower_word(end) {
                unit = Some(u);
                end += 1;
            }
        }
    }
    if num.vague {
        approx = approx.or(Some(Approx::AtLeast));
    }
    Some(Figure {
        approx,
        currency,
        unit,
        num,
        end,
        num_start,
    })
}

#[allow(clippy::too_many_arguments)]
fn type_figure(
    doc: &Doc<'_>,
    article: &Article,
    sp: usize,
    lo: usize,
    hi: usize,
    i: usize,
    f: &Figure,
    timexes: &[TimexFound],
    attrs: &[Attribution],
) -> Option<Quantity> {
    let start = doc.toks[i].start;
    let end = doc.toks[f.end - 1].end;
    // Measure and subject to the right: the figure's noun group.
    let mut measure: Option<&'static str> = None;
    let mut subject: Option<String> = None;
    let mut unknown = 0;
    let mut j = f.end;
    while j < hi && j < f.end + 8 {
        let t = doc.toks[j];
        if doc.is_clause_break(j) || t.kind == TokenKind::Number {
            break;
        }
        if let Some(mi) = doc.mention_at(t.start) {
            let m = &doc.mentions[mi].mention;
            if subject.is_none() && matches!(m.kind, MentionKind::Norp | MentionKind::Gpe) {
                subject = m.actor.clone();
            }
            j = doc.tok_at_or_after(m.end).max(j + 1);
            continue;
        }
        let w = doc.text(j);
        if let Some(m) = measure_word(w) {
            measure = Some(m);
            break;
        }
        let lw = low(w);
        if !BETWEEN.contains(&&*lw) {
            unknown += 1;
            if unknown > 1 || j > f.end {
                break;
            }
        }
        j += 1;
    }
    // A verb just before the figure.
    if measure.is_none() {
        let mut k = i;
        let mut steps = 0;
        while k > lo && steps < 3 {
            k -= 1;
            steps += 1;
            if doc.is_clause_break(k) {
                break;
            }
            if let Some(m) = measure_word(doc.text(k)) {
                measure = Some(m);
                break;
            }
        }
    }
    // "$84.10 a barrel": a price.
    if measure.is_none()
        && matches!(f.unit, Some("USD" | "EUR" | "GBP" | "ILS" | "IRR"))
        && (doc.is(f.end, "a") || doc.is(f.end, "per"))
        && doc.is_lower_word(f.end + 1)
    {
        measure = Some("price");
    }
    if measure.is_none() && matches!(f.unit, Some("USD" | "EUR" | "GBP" | "ILS" | "IRR")) {
        measure = Some("money");
    }
    if f.num.small && measure.is_none() {
        return None;
    }
    // Subject: "in X" after the figure in its clause, else before it.
    if subject.is_none() {
        subject = in_place(doc, f.end, hi, true).or_else(|| in_place(doc, lo, i, false));
    }
    let sentence_index = doc.sentences[sp].index;
    let period = period_for(doc, sp, start, timexes);
    let attributed_to = attribution_at(attrs, sentence_index, start)
        .map(|a| a.chain())
        .unwrap_or_default();
    Some(Quantity {
        article: article.id.clone(),
        start,
        end,
        text: doc.body.get(start..end).unwrap_or("").to_string(),
        value: f.num.value,
        approx: f.approx,
        unit: f.unit.map(str::to_string),
        measure: measure.map(str::to_string),
        subject,
        period,
        attributed_to,
    })
}

/// The place of "in X" between tokens `a` and `b` (the first going right, the last
/// going left), not crossing a clause break.
fn in_place(doc: &Doc<'_>, a: usize, b: usize, rightwards: bool) -> Option<String> {
    let hit = |j: usize| -> Option<String> {
        if !(doc.is(j, "in") || doc.is(j, "across") || doc.is(j, "throughout")) {
            return None;
        }
        let t = doc.toks.get(j + 1)?;
        let mi = doc.mention_at(t.start)?;
        let m = &doc.mentions[mi].mention;
        matches!(m.kind, MentionKind::Gpe | MentionKind::Loc)
            .then(|| m.actor.clone())
            .flatten()
    };
    if rightwards {
        for j in a..b {
            if matches!(doc.text(j), ";" | "(" | "—" | "–" | "." | "!" | "?")
                || (doc.text(j) == "," && !doc.is(j + 1, "in"))
            {
                return None;
            }
            if let Some(x) = hit(j) {
                return Some(x);
            }
        }
    } else {
        for j in (a..b).rev() {
            if matches!(doc.text(j), ";" | "(" | "—" | "–") {
                return None;
            }
            if let Some(x) = hit(j) {
                return Some(x);
            }
        }
    }
    None
}

/// The period of a figure at byte `at` of sentence position `sp`.
fn period_for(doc: &Doc<'_>, sp: usize, at: usize, timexes: &[TimexFound]) -> Option<String> {
    let s = doc.sentences[sp];
    let dates: Vec<&TimexFound> = timexes
        .iter()
        .filter(|t| {
            t.start >= s.start
                && t.end <= s.end
                && matches!(
                    t.kind,
                    newsgraph_model::TimexType::Date | newsgraph_model::TimexType::Time
                )
                && t.value.bytes().any(|b| b.is_ascii_digit())
        })
        .collect();
    let since = dates.iter().find(|t| {
        let from = t.start.saturating_sub(60).max(s.start);
        let mut from = from;
        while !doc.body.is_char_boundary(from) {
            from += 1;
        }
        let before = doc
            .body
            .get(from..t.start)
            .unwrap_or("")
            .to_ascii_lowercase();
        before.contains("since ") || t.text.to_ascii_lowercase().starts_with("since")
    });
    since
        .or_else(|| dates.iter().min_by_key(|t| t.start.abs_diff(at)))
        .map(|t| t.value.clone())
}
