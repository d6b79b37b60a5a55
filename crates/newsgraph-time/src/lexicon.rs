//! The closed vocabulary of time expressions, looked up once per word.
//!
//! Every word token of a body is classified here exactly once (a lowercase copy into a
//! stack buffer and one `match` on the bytes); the grammar then only compares these
//! small enum values. Words longer than the longest entry are never time words.

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weekends.
    Weekend,
    /// Weeks.
    Week,
    /// Fortnights (two weeks).
    Fortnight,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Half years.
    Half,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
    /// Millennia.
    Millennium,
}

/// A season of the year (northern hemisphere, as TimeML).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// Spring (SP).
    Spring,
    /// Summer (SU).
    Summer,
    /// Fall / autumn (FA).
    Fall,
    /// Winter (WI).
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// Month in which the season is mostly (for ordering against a date).
    pub fn mid_month(self) -> u8 {
        match self {
            Season::Spring => 4,
            Season::Summer => 7,
            Season::Fall => 10,
            Season::Winter => 1,
        }
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pod {
    /// Morning (MO).
    Morning,
    /// Afternoon (AF).
    Afternoon,
    /// Evening (EV).
    Evening,
    /// Night (NI).
    Night,
    /// Noon (12:00).
    Noon,
    /// Midnight (24:00).
    Midnight,
}

impl Pod {
    /// The TIMEX3 suffix after `T`.
    pub fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
            Pod::Noon => "12:00",
            Pod::Midnight => "24:00",
        }
    }
}

/// Deictic words whose value depends on the document time only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deictic {
    /// "today".
    Today,
    /// "yesterday".
    Yesterday,
    /// "tomorrow".
    Tomorrow,
    /// "tonight".
    Tonight,
    /// "overnight".
    Overnight,
    /// "now", "currently", "current", "nowadays", "presently".
    Present,
    /// "recently", "recent", "lately", "previously", "formerly", "once".
    Past,
    /// "soon", "future" (as in "the future").
    Future,
}

/// Words that relate a unit or name to the document time or a previous expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rel {
    /// "last".
    Last,
    /// "past".
    Past,
    /// "previous", "prior", "preceding".
    Previous,
    /// "next", "coming", "upcoming".
    Next,
    /// "following".
    Following,
    /// "this", "current".
    This,
    /// "same".
    Same,
    /// "that".
    That,
    /// "latest", "recent" before a unit ("the latest quarter").
    Latest,
}

/// Modifier words before or after a core expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModWord {
    /// "early".
    Early,
    /// "late".
    Late,
    /// "mid".
    Mid,
    /// "earlier".
    Earlier,
    /// "later".
    Later,
    /// "end".
    End,
    /// "beginning", "start".
    Beginning,
    /// "middle".
    Middle,
    /// "about", "around", "roughly", "approximately", "some".
    About,
    /// "nearly", "almost".
    Nearly,
    /// "more" (before "than").
    More,
    /// "less", "fewer".
    Less,
    /// "over".
    Over,
    /// "under".
    Under,
    /// "least" ("at least").
    Least,
    /// "most" ("at most").
    Most,
    /// "up" ("up to").
    Up,
}

/// Words that make a recurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SetWord {
    /// "every", "each".
    Every,
    /// "daily", "weekly", … with their unit.
    Adverb(Unit),
    /// "per".
    Per,
}

/// The class of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lex {
    /// Not a time word.
    #[default]
    None,
    /// A month (1–12); `abbr` when written abbreviated ("Sept", "Oct").
    Month {
        /// Month number 1–12.
        month: u8,
        /// Written abbreviated.
        abbr: bool,
    },
    /// A weekday (ISO: 1 = Monday … 7 = Sunday).
    Weekday(u8),
    /// A season.
    Season(Season),
    /// A time unit, `plural` when written in the plural.
    Unit {
        /// The unit.
        unit: Unit,
        /// Plural form ("days").
        plural: bool,
    },
    /// A cardinal number word ("two", "twenty", "hundred").
    Num(u32),
    /// An ordinal ("first", "third", "last" is not one).
    Ordinal(u8),
    /// A relating word.
    Rel(Rel),
    /// A deictic word.
    Deictic(Deictic),
    /// A modifier word.
    Mod(ModWord),
    /// A part of the day.
    Pod(Pod),
    /// A recurrence word.
    Set(SetWord),
    /// "ago".
    Ago,
    /// "before".
    Before,
    /// "after".
    After,
    /// "hence" (or "from" in "from now").
    Hence,
    /// "the".
    The,
    /// "a" / "an".
    A,
    /// "of".
    Of,
    /// "and".
    And,
    /// "or".
    Or,
    /// "so" ("or so").
    So,
    /// "than".
    Than,
    /// "at".
    At,
    /// "to".
    To,
    /// "fiscal".
    Fiscal,
    /// "several", "many", "few", "some" (unspecified counts).
    Several,
    /// "couple".
    Couple,
    /// "half".
    HalfWord,
    /// "year-end" pieces: "end" handled by Mod; this is "ago"-like adjectives "year-ago".
    YearAgo,
    /// "a.m." / "am".
    Am,
    /// "p.m." / "pm".
    Pm,
    /// "o'clock".
    Oclock,
    /// A time-zone abbreviation ("EST", "GMT").
    Zone,
    /// "beyond".
    Beyond,
    /// "within".
    Within,
    /// "christmas".
    Christmas,
    /// "thanksgiving".
    Thanksgiving,
    /// "weekday"/"weekdays" are not handled; "day" as in "Thanksgiving Day" uses Unit.
    /// "period" ("the latest period").
    Period,
    /// "time" ("at the time", "that time").
    Time,
    /// "quarters" handled by Unit; "Q" prefix by the scanner.
    /// "trading" / "business" ("eight trading days").
    Trading,
    /// "since".
    Since,
    /// "until", "till", "through".
    Until,
    /// "in".
    In,
    /// "on".
    On,
    /// "for".
    For,
    /// "by".
    By,
    /// "from".
    From,
    /// "s" (the suffix of "1990s" when split) — handled by the scanner.
    S,
    /// "year's" and the like are split at the apostrophe; this is the "'s" piece.
    Apos,
}

/// Classify a word (ASCII letters and dots) case-insensitively.
pub fn classify(word: &[u8]) -> Lex {
    let mut buf = [0u8; 16];
    if word.is_empty() || word.len() > buf.len() {
        return Lex::None;
    }
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    use Lex::*;
    match w {
        b"january" => Month {
            month: 1,
            abbr: false,
        },
        b"jan" | b"jan." => Month {
            month: 1,
            abbr: true,
        },
        b"february" => Month {
            month: 2,
            abbr: false,
        },
        b"feb" | b"feb." => Month {
            month: 2,
            abbr: true,
        },
        b"march" => Month {
            month: 3,
            abbr: false,
        },
        b"mar" | b"mar." => Month {
            month: 3,
            abbr: true,
        },
        b"april" => Month {
            month: 4,
            abbr: false,
        },
        b"apr" | b"apr." => Month {
            month: 4,
            abbr: true,
        },
        b"may" => Month {
            month: 5,
            abbr: false,
        },
        b"june" => Month {
            month: 6,
            abbr: false,
        },
        b"jun" | b"jun." => Month {
            month: 6,
            abbr: true,
        },
        b"july" => Month {
            month: 7,
            abbr: false,
        },
        b"jul" | b"jul." => Month {
            month: 7,
            abbr: true,
        },
        b"august" => Month {
            month: 8,
            abbr: false,
        },
        b"aug" | b"aug." => Month {
            month: 8,
            abbr: true,
        },
        b"september" => Month {
            month: 9,
            abbr: false,
        },
        b"sep" | b"sep." | b"sept" | b"sept." => Month {
            month: 9,
            abbr: true,
        },
        b"october" => Month {
            month: 10,
            abbr: false,
        },
        b"oct" | b"oct." => Month {
            month: 10,
            abbr: true,
        },
        b"november" => Month {
            month: 11,
            abbr: false,
        },
        b"nov" | b"nov." => Month {
            month: 11,
            abbr: true,
        },
        b"december" => Month {
            month: 12,
            abbr: false,
        },
        b"dec" | b"dec." => Month {
            month: 12,
            abbr: true,
        },
        b"monday" | b"mon." => Weekday(1),
        b"tuesday" | b"tue." | b"tues." => Weekday(2),
        b"wednesday" | b"wed." => Weekday(3),
        b"thursday" | b"thu." | b"thur." | b"thurs." => Weekday(4),
        b"friday" | b"fri." => Weekday(5),
        b"saturday" | b"sat." => Weekday(6),
        b"sunday" | b"sun." => Weekday(7),
        b"spring" => Season(self::Season::Spring),
        b"summer" => Season(self::Season::Summer),
        b"fall" | b"autumn" => Season(self::Season::Fall),
        b"winter" => Season(self::Season::Winter),
        b"second" => Ordinal(2),
        b"seconds" => unit(self::Unit::Second, true),
        b"minute" | b"min." => unit(self::Unit::Minute, false),
        b"minutes" | b"mins." => unit(self::Unit::Minute, true),
        b"hour" | b"hr." => unit(self::Unit::Hour, false),
        b"hours" | b"hrs." => unit(self::Unit::Hour, true),
        b"day" => unit(self::Unit::Day, false),
        b"days" => unit(self::Unit::Day, true),
        b"weekend" => unit(self::Unit::Weekend, false),
        b"weekends" => unit(self::Unit::Weekend, true),
        b"week" => unit(self::Unit::Week, false),
        b"weeks" => unit(self::Unit::Week, true),
        b"fortnight" => unit(self::Unit::Fortnight, false),
        b"fortnights" => unit(self::Unit::Fortnight, true),
        b"month" => unit(self::Unit::Month, false),
        b"months" => unit(self::Unit::Month, true),
        b"quarter" => unit(self::Unit::Quarter, false),
        b"quarters" => unit(self::Unit::Quarter, true),
        b"year" | b"yr." => unit(self::Unit::Year, false),
        b"years" | b"yrs." => unit(self::Unit::Year, true),
        b"decade" => unit(self::Unit::Decade, false),
        b"decades" => unit(self::Unit::Decade, true),
        b"century" => unit(self::Unit::Century, false),
        b"centuries" => unit(self::Unit::Century, true),
        b"millennium" => unit(self::Unit::Millennium, false),
        b"millennia" | b"millenniums" => unit(self::Unit::Millennium, true),
        b"one" => Num(1),
        b"two" => Num(2),
        b"three" => Num(3),
        b"four" => Num(4),
        b"five" => Num(5),
        b"six" => Num(6),
        b"seven" => Num(7),
        b"eight" => Num(8),
        b"nine" => Num(9),
        b"ten" => Num(10),
        b"eleven" => Num(11),
        b"twelve" => Num(12),
        b"thirteen" => Num(13),
        b"fourteen" => Num(14),
        b"fifteen" => Num(15),
        b"sixteen" => Num(16),
        b"seventeen" => Num(17),
        b"eighteen" => Num(18),
        b"nineteen" => Num(19),
        b"twenty" => Num(20),
        b"thirty" => Num(30),
        b"forty" => Num(40),
        b"fifty" => Num(50),
        b"sixty" => Num(60),
        b"seventy" => Num(70),
        b"eighty" => Num(80),
        b"ninety" => Num(90),
        b"hundred" => Num(100),
        b"thousand" => Num(1000),
        b"dozen" => Num(12),
        b"first" => Ordinal(1),
        b"third" => Ordinal(3),
        b"fourth" => Ordinal(4),
        b"fifth" => Ordinal(5),
        b"sixth" => Ordinal(6),
        b"seventh" => Ordinal(7),
        b"eighth" => Ordinal(8),
        b"ninth" => Ordinal(9),
        b"tenth" => Ordinal(10),
        b"eleventh" => Ordinal(11),
        b"twelfth" => Ordinal(12),
        b"last" => Rel(self::Rel::Last),
        b"past" => Rel(self::Rel::Past),
        b"previous" | b"prior" | b"preceding" => Rel(self::Rel::Previous),
        b"next" | b"coming" | b"upcoming" => Rel(self::Rel::Next),
        b"following" | b"subsequent" => Rel(self::Rel::Following),
        b"this" | b"current" => Rel(self::Rel::This),
        b"same" => Rel(self::Rel::Same),
        b"that" => Rel(self::Rel::That),
        b"latest" | b"recent" => Rel(self::Rel::Latest),
        b"today" => Deictic(self::Deictic::Today),
        b"yesterday" => Deictic(self::Deictic::Yesterday),
        b"tomorrow" => Deictic(self::Deictic::Tomorrow),
        b"tonight" => Deictic(self::Deictic::Tonight),
        b"overnight" => Deictic(self::Deictic::Overnight),
        b"now" | b"currently" | b"nowadays" | b"presently" => Deictic(self::Deictic::Present),
        b"recently" | b"lately" => Deictic(self::Deictic::Past),
        b"soon" | b"future" => Deictic(self::Deictic::Future),
        b"early" => Mod(ModWord::Early),
        b"late" => Mod(ModWord::Late),
        b"mid" => Mod(ModWord::Mid),
        b"earlier" => Mod(ModWord::Earlier),
        b"later" => Mod(ModWord::Later),
        b"end" => Mod(ModWord::End),
        b"beginning" | b"start" => Mod(ModWord::Beginning),
        b"middle" => Mod(ModWord::Middle),
        b"about" | b"around" | b"roughly" | b"approximately" => Mod(ModWord::About),
        b"nearly" | b"almost" => Mod(ModWord::Nearly),
        b"more" => Mod(ModWord::More),
        b"less" | b"fewer" => Mod(ModWord::Less),
        b"over" => Mod(ModWord::Over),
        b"under" => Mod(ModWord::Under),
        b"least" => Mod(ModWord::Least),
        b"most" => Mod(ModWord::Most),
        b"up" => Mod(ModWord::Up),
        b"morning" | b"mornings" => Pod(self::Pod::Morning),
        b"afternoon" | b"afternoons" => Pod(self::Pod::Afternoon),
        b"evening" | b"evenings" => Pod(self::Pod::Evening),
        b"night" | b"nights" => Pod(self::Pod::Night),
        b"noon" | b"midday" => Pod(self::Pod::Noon),
        b"midnight" => Pod(self::Pod::Midnight),
        b"every" | b"each" => Set(SetWord::Every),
        b"daily" => Set(SetWord::Adverb(self::Unit::Day)),
        b"weekly" => Set(SetWord::Adverb(self::Unit::Week)),
        b"monthly" => Set(SetWord::Adverb(self::Unit::Month)),
        b"annually" | b"yearly" | b"annual" => Set(SetWord::Adverb(self::Unit::Year)),
        b"hourly" => Set(SetWord::Adverb(self::Unit::Hour)),
        b"per" => Set(SetWord::Per),
        b"ago" => Ago,
        b"before" => Before,
        b"after" => After,
        b"hence" => Hence,
        b"the" => The,
        b"a" | b"an" => A,
        b"of" => Of,
        b"and" => And,
        b"or" => Or,
        b"so" => So,
        b"than" => Than,
        b"at" => At,
        b"to" => To,
        b"fiscal" => Fiscal,
        b"several" | b"many" | b"few" | b"some" => Several,
        b"couple" => Couple,
        b"half" => HalfWord,
        b"a.m." | b"am" | b"a.m" => Am,
        b"p.m." | b"pm" | b"p.m" => Pm,
        b"est" | b"edt" | b"gmt" | b"utc" | b"pst" | b"pdt" | b"cst" | b"cdt" | b"bst" | b"cet" => {
            Zone
        }
        b"beyond" => Beyond,
        b"within" => Within,
        b"christmas" => Christmas,
        b"thanksgiving" => Thanksgiving,
        b"period" => Period,
        b"time" => Time,
        b"trading" | b"business" | b"working" => Trading,
        b"since" => Since,
        b"until" | b"till" | b"through" => Until,
        b"in" => In,
        b"on" => On,
        b"for" => For,
        b"by" => By,
        b"from" => From,
        b"s" => S,
        _ => Lex::None,
    }
}

fn unit(u: Unit, plural: bool) -> Lex {
    Lex::Unit { unit: u, plural }
}

/// Cue a word gives about the tense of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// No cue.
    None,
    /// Points to the past ("met", "said", "was", "ago").
    Past,
    /// Points to the future ("will", "expected", "next").
    Future,
    /// A regular past form ("announced"): a weak hint, often a participle.
    WeakPast,
}

/// Tense cue of a word (lowercase comparison). Regular past forms (`-ed`) count as past
/// unless they are among the forward-looking participles ("expected", "scheduled").
pub fn tense_cue(word: &[u8]) -> Cue {
    let mut buf = [0u8; 16];
    if word.is_empty() || word.len() > buf.len() {
        return Cue::None;
    }
    for (b, w) in buf.iter_mut().zip(word) {
        *b = w.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    match w {
        b"will" | b"shall" | b"ll" | b"expected" | b"scheduled" | b"set" | b"plans"
        | b"planned" | b"plan" | b"planning" | b"intends" | b"intend" | b"going" | b"due"
        | b"upcoming" | b"next" | b"tomorrow" | b"would" | b"expects" | b"expect" | b"slated"
        | b"aims" | b"hopes" | b"until" => Cue::Future,
        b"was" | b"were" | b"had" | b"did" | b"said" | b"met" | b"took" | b"began" | b"came"
        | b"went" | b"made" | b"held" | b"left" | b"saw" | b"gave" | b"told" | b"got" | b"won"
        | b"lost" | b"fell" | b"rose" | b"ago" | b"last" | b"yesterday" | b"sold" | b"bought"
        | b"paid" | b"led" | b"hit" | b"struck" | b"spoke" | b"wrote" | b"broke" | b"ran"
        | b"became" | b"found" | b"brought" | b"sent" | b"kept" | b"put" | b"chose" | b"drew"
        | b"flew" | b"grew" | b"knew" | b"meant" | b"felt" | b"heard" | b"stood" | b"thought"
        | b"fought" | b"taught" | b"caught" | b"sought" | b"built" | b"spent" | b"shot"
        | b"quit" | b"swore" | b"wore" | b"tore" | b"bore" | b"ate" | b"forgot" | b"recently"
        | b"previously" => Cue::Past,
        _ => {
            if w.len() > 4 && w.ends_with(b"ed") && !matches!(w, b"indeed" | b"need" | b"speed") {
                Cue::WeakPast
            } else {
                Cue::None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_units() {
        assert_eq!(
            classify(b"Sept."),
            Lex::Month {
                month: 9,
                abbr: true
            }
        );
        assert_eq!(
            classify(b"JUNE"),
            Lex::Month {
                month: 6,
                abbr: false
            }
        );
        assert_eq!(
            classify(b"days"),
            Lex::Unit {
                unit: Unit::Day,
                plural: true
            }
        );
        assert_eq!(classify(b"unrelatedlongwordthatisnottime"), Lex::None);
        assert_eq!(tense_cue(b"launched"), Cue::WeakPast);
        assert_eq!(tense_cue(b"expected"), Cue::Future);
    }
}
