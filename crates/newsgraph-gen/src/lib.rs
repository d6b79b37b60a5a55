//! Synthetic news for scale benchmarks: a deterministic stream of articles that reads
//! like wire copy about many parallel storylines (a conflict, talks, a seizure, an
//! election), each with its own actors, a date that advances, figures that grow, and
//! quotes — so every stage of newsgraph has work to do, at any volume, with no data
//! to download. The same seed always gives the same articles.
//!
//! Not a language model: sentences are drawn from templates written for this crate,
//! filled with real state and leader names and invented details.

use serde_json::json;

/// A small, fast, deterministic random number generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value; zero is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A state with its capital, demonym and a leader (facts, not inventions).
struct Country {
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
    leader_title: &'static str,
    leader: &'static str,
}

const COUNTRIES: &[Country] = &[
    Country {
        name: "Iran",
        demonym: "Iranian",
        capital: "Tehran",
        leader_title: "President",
        leader: "Masoud Pezeshkian",
    },
    Country {
        name: "Israel",
        demonym: "Israeli",
        capital: "Jerusalem",
        leader_title: "Prime Minister",
        leader: "Benjamin Netanyahu",
    },
    Country {
        name: "the United States",
        demonym: "U.S.",
        capital: "Washington",
        leader_title: "President",
        leader: "Donald Trump",
    },
    Country {
        name: "Russia",
        demonym: "Russian",
        capital: "Moscow",
        leader_title: "President",
        leader: "Vladimir Putin",
    },
    Country {
        name: "Ukraine",
        demonym: "Ukrainian",
        capital: "Kyiv",
        leader_title: "President",
        leader: "Volodymyr Zelensky",
    },
    Country {
        name: "China",
        demonym: "Chinese",
        capital: "Beijing",
        leader_title: "President",
        leader: "Xi Jinping",
    },
    Country {
        name: "Turkey",
        demonym: "Turkish",
        capital: "Ankara",
        leader_title: "President",
        leader: "Recep Tayyip Erdogan",
    },
    Country {
        name: "Egypt",
        demonym: "Egyptian",
        capital: "Cairo",
        leader_title: "President",
        leader: "Abdel Fattah el-Sisi",
    },
    Country {
        name: "Qatar",
        demonym: "Qatari",
        capital: "Doha",
        leader_title: "Emir",
        leader: "Tamim bin Hamad Al Thani",
    },
    Country {
        name: "France",
        demonym: "French",
        capital: "Paris",
        leader_title: "President",
        leader: "Emmanuel Macron",
    },
    Country {
        name: "Germany",
        demonym: "German",
        capital: "Berlin",
        leader_title: "Chancellor",
        leader: "Friedrich Merz",
    },
    Country {
        name: "India",
        demonym: "Indian",
        capital: "New Delhi",
        leader_title: "Prime Minister",
        leader: "Narendra Modi",
    },
    Country {
        name: "Pakistan",
        demonym: "Pakistani",
        capital: "Islamabad",
        leader_title: "Prime Minister",
        leader: "Shehbaz Sharif",
    },
    Country {
        name: "Saudi Arabia",
        demonym: "Saudi",
        capital: "Riyadh",
        leader_title: "Crown Prince",
        leader: "Mohammed bin Salman",
    },
    Country {
        name: "Oman",
        demonym: "Omani",
        capital: "Muscat",
        leader_title: "Sultan",
        leader: "Haitham bin Tarik",
    },
    Country {
        name: "Japan",
        demonym: "Japanese",
        capital: "Tokyo",
        leader_title: "Prime Minister",
        leader: "Sanae Takaichi",
    },
];

const OUTLETS: &[&str] = &[
    "Gulf Wire",
    "Harbour Post",
    "Meridian Daily",
    "Northline News",
    "Capital Ledger",
    "Eastern Standard",
    "The Observer Desk",
    "Delta Times",
    "Crescent Herald",
    "Atlas Report",
];

const KINDS: &[&str] = &["conflict", "talks", "seizure", "election", "sanctions"];

const PLACES: &[&str] = &[
    "the border region",
    "the port city",
    "the northern province",
    "the capital's outskirts",
    "the coastal strip",
    "the disputed valley",
    "the industrial zone",
    "the eastern front",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One storyline: two states, a kind of situation, a running figure.
#[derive(Debug, Clone)]
struct Storyline {
    a: usize,
    b: usize,
    kind: &'static str,
    place: &'static str,
    tag: u32,
    toll: u64,
    articles: u32,
}

/// Days since 1970-01-01 → (year, month, day).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Thousands separators.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The article generator: `next()` yields JSON Lines records
/// (`title`, `body`, `date`, `source`, `url`, `author`).
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    stories: Vec<Storyline>,
    day: i64,
    made: u64,
    per_day: u64,
    /// Paragraphs per article.
    paragraphs: usize,
}

impl Generator {
    /// A generator: `seed` fixes the stream, `active` storylines run at once,
    /// `per_day` articles are published per simulated day, starting 2025-01-01.
    pub fn new(seed: u64, active: usize, per_day: u64, paragraphs: usize) -> Generator {
        let mut g = Generator {
            rng: Rng::new(seed),
            stories: Vec::new(),
            day: 20_089, // 2025-01-01
            made: 0,
            per_day: per_day.max(1),
            paragraphs: paragraphs.max(1),
        };
        for i in 0..active.max(1) {
            let s = g.new_story(i as u32);
            g.stories.push(s);
        }
        g
    }

    fn new_story(&mut self, tag: u32) -> Storyline {
        let a = self.rng.below(COUNTRIES.len());
        let mut b = self.rng.below(COUNTRIES.len());
        if b == a {
            b = (a + 1) % COUNTRIES.len();
        }
        Storyline {
            a,
            b,
            kind: self.rng.pick::<&str>(KINDS),
            place: self.rng.pick::<&str>(PLACES),
            tag,
            toll: 10 + self.rng.below(200) as u64,
            articles: 0,
        }
    }

    fn sentence(&mut self, s: &Storyline, date: (i64, u32, u32)) -> String {
        let (ca, cb) = (&COUNTRIES[s.a], &COUNTRIES[s.b]);
        let weekday_ago = self.rng.below(5) + 2;
        let month = MONTHS[(date.1 as usize + 10) % 12];
        let toll = thousands(s.toll);
        let outlet = *self.rng.pick(OUTLETS);
        let n = self.rng.below(14);
        match n {
            0 => format!("{} {} {} said on Tuesday that {} would not accept any deal that ignored the situation in {}.", ca.demonym, ca.leader_title, ca.leader, ca.name.trim_start_matches("the "), s.place),
            1 => format!("Officials in {} said more than {toll} people have been killed since the {} began, according to local authorities.", cb.capital, s.kind),
            2 => format!("{} forces struck targets near {} {weekday_ago} days ago, the {} defence ministry said.", ca.demonym, s.place, cb.demonym),
            3 => format!("{} {} {} is set to meet {} {} {} next week to discuss the {}.", ca.demonym, ca.leader_title, ca.leader, cb.demonym, cb.leader_title, cb.leader, s.kind),
            4 => format!("\"We will respond to any aggression with force,\" {} warned in a televised address.", cb.leader),
            5 => format!("Negotiators from {} and {} met in {} late last month, {outlet} reported.", ca.name, cb.name, COUNTRIES[(s.a + s.b) % COUNTRIES.len()].capital),
            6 => format!("The United Nations estimates that rebuilding {} will cost around ${} billion.", s.place, 2 + s.tag % 60),
            7 => format!("In {month}, {} accused {} of violating the ceasefire, a charge {} denied.", ca.name, cb.name, cb.capital),
            8 => format!("{} officials have discussed the possibility of new sanctions on {} if the talks fail.", ca.demonym, cb.name),
            9 => format!("Thousands of residents have fled {}, and aid groups said shelters were full.", s.place),
            10 => format!("A spokesperson for the {} foreign ministry declined to comment on the report.", cb.demonym),
            11 => format!("{} has urged {} to return to negotiations, saying the window for diplomacy was closing.", ca.leader, cb.leader),
            12 => format!("Markets in {} fell sharply after the announcement, with the currency losing {} percent.", ca.capital, 1 + self.rng.below(9)),
            _ => format!("Story {} marks day {} of the crisis around {}, which began when {} and {} clashed over {}.", s.tag, s.articles, s.place, ca.name, cb.name, s.place),
        }
    }

    /// The next article as a JSON Lines record.
    pub fn next_record(&mut self) -> serde_json::Value {
        if self.made > 0 && self.made.is_multiple_of(self.per_day) {
            self.day += 1;
        }
        self.made += 1;
        // Storylines end now and then and are replaced by new ones.
        let i = self.rng.below(self.stories.len());
        if self.stories[i].articles > 20 && self.rng.below(40) == 0 {
            let tag = self.stories.len() as u32 + self.made as u32;
            self.stories[i] = self.new_story(tag);
        }
        let mut s = self.stories[i].clone();
        s.articles += 1;
        s.toll += self.rng.below(50) as u64;
        self.stories[i] = s.clone();
        let date = civil(self.day);
        let (ca, cb) = (&COUNTRIES[s.a], &COUNTRIES[s.b]);
        let title = match s.kind {
            "conflict" => format!(
                "{} and {} trade strikes as fighting spreads to {}",
                ca.name, cb.name, s.place
            ),
            "talks" => format!("{} and {} resume talks in {}", ca.name, cb.name, ca.capital),
            "seizure" => format!(
                "{} seizes vessel near {}, {} protests",
                ca.name, s.place, cb.name
            ),
            "election" => format!(
                "{} election: {} accuses {} of interference",
                ca.name, ca.leader, cb.name
            ),
            _ => format!("{} weighs new sanctions on {}", ca.name, cb.name),
        };
        let title = format!("{} ({})", title.trim_start_matches("the "), s.tag);
        let mut body = String::new();
        for p in 0..self.paragraphs {
            if p > 0 {
                body.push_str("\n\n");
            }
            for k in 0..3 {
                if k > 0 {
                    body.push(' ');
                }
                let sentence = self.sentence(&s, date);
                body.push_str(&sentence);
            }
        }
        let source = *self.rng.pick(OUTLETS);
        json!({
            "title": title,
            "body": body,
            "date": format!("{:04}-{:02}-{:02}T{:02}:{:02}:00Z", date.0, date.1, date.2, self.rng.below(24), self.rng.below(60)),
            "source": source,
            "url": format!("https://example.invalid/{}/{}", source.replace(' ', "-").to_lowercase(), self.made),
            "author": "Staff Writer",
        })
    }
}

impl Iterator for Generator {
    type Item = serde_json::Value;

    fn next(&mut self) -> Option<serde_json::Value> {
        Some(self.next_record())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let a: Vec<_> = Generator::new(7, 50, 100, 4).take(20).collect();
        let b: Vec<_> = Generator::new(7, 50, 100, 4).take(20).collect();
        assert_eq!(a, b);
        let c: Vec<_> = Generator::new(8, 50, 100, 4).take(20).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn dates_advance_and_records_have_every_field() {
        let recs: Vec<_> = Generator::new(1, 10, 5, 2).take(30).collect();
        assert!(recs[0]["date"].as_str().unwrap().starts_with("2025-01-01"));
        assert!(recs[29]["date"].as_str().unwrap().starts_with("2025-01-06"));
        for r in &recs {
            for key in ["title", "body", "date", "source", "url"] {
                assert!(!r[key].as_str().unwrap().is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn civil_dates_are_right() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_089), (2025, 1, 1));
        assert_eq!(civil(20_089 + 59), (2025, 3, 1));
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
