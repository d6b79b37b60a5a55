//! The knowledge base of newsgraph: states, cities, organisations, government bodies,
//! places and persons, the offices persons hold with their dates, and a gazetteer
//! matcher that finds all their names in text.
//!
//! # Idea
//!
//! Recognising and resolving actors in news needs world knowledge a tagger cannot
//! learn from text: that "U.S." and "America" are one state, that "Tehran said" is
//! Iran's government speaking, that "the Israeli prime minister" meant Naftali Bennett
//! in August 2021 and Benjamin Netanyahu in January 2026. That knowledge is *data* in
//! the repository (`data/*.kb`, embedded in the binary with `include_str!`), written in
//! a small line format that users extend with files of their own ([`Kb::load`]).
//!
//! A [`Kb`] is built once and immutable (`Send + Sync`); lookups are hash-map reads.
//! [`Kb::gazetteer`] compiles every name, alias, demonym and office title into one
//! Aho–Corasick automaton (on first use) that scans text in one pass and returns byte
//! spans with candidate entities ([`NameMatch`]) and title phrases ([`TitleMatch`]:
//! "Iranian Foreign Minister", "Netanyahu's office"); its case and punctuation rules
//! are in the [`matcher`] module. [`Kb::holders`] and [`Kb::roles_of`] answer who held
//! which office on a given day.
//!
//! # Data format
//!
//! UTF-8 text, one record per line. `#` starts a comment (to the end of the line);
//! blank lines are ignored. Each file starts with comment lines saying where its facts
//! come from. A record is a keyword, its header arguments, then `|`-separated fields;
//! list fields separate items with `;`; an empty field or `-` means none. Trailing
//! fields may be left out.
//!
//! ```text
//! office      ID | Title | aliases
//! title       STATE OFFICE-ID | local title | aliases          # "Secretary of State" in USA
//! country     ALPHA3 ALPHA2 | name | aliases | demonyms | capital; capital aliases
//! territory   ALPHA3 ALPHA2 | name | aliases | demonyms | capital; capital aliases
//! city        ID | name | aliases | ALPHA3
//! org         ID | name | aliases | ALPHA3 or - | type           # intl, un, armed, media, …
//! gov         ID | name | aliases | ALPHA3 | branch              # executive, legislature, military,
//!                                                                 # foreign-ministry, defence-ministry,
//!                                                                 # intelligence, judiciary, other
//! place       ID | name | aliases | GPE, LOC, FAC or EVENT | ALPHA3 or -
//! group       ID | name | aliases | ALPHA3 or -                  # NORP: "Kurds", "Shia"
//! person      ID | name | ALPHA3 or - | aliases
//!     OFFICE-ID STATE FROM [TO|-] [display title]               # indented: a term of that person
//! alias       ENTITY-ID | more names                            # extend an existing entity
//! ```
//!
//! Ids are lowercase words with hyphens; entity ids get a prefix from the record:
//! `country:ISR` (countries and territories), `city:tehran`, `org:hamas` (`org` and
//! `gov`), `place:fordow`, `group:kurds`, `person:benjamin-netanyahu`. A `STATE` is an
//! alpha-3 code (`ISR`) or an entity id (`org:un`). Dates are `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`, as precise as the fact is known; `-` or nothing as `TO` means still
//! in office. A term's end day is exclusive (the successor holds the office on the
//! handover day); a date known only to the month or year covers all of it, so an
//! uncertain handover returns both holders. A country's capital becomes a `city`
//! entity (`city:` + its name) with `capital_of` set, unless a `city` record defines
//! it.
//!
//! Example:
//!
//! ```text
//! # Source: official government site, checked 2026-01
//! office prime-minister | Prime Minister | PM; premier
//! country ISR IL | Israel | State of Israel | Israeli | Jerusalem
//! person benjamin-netanyahu | Benjamin Netanyahu | ISR | Netanyahu; Bibi
//!     prime-minister ISR 2009-03-31 2021-06-13
//!     prime-minister ISR 2022-12-29 -
//! ```
//!
//! # Errors and warnings
//!
//! Loading fails ([`KbError`], always naming the file and line) on an empty file (no
//! records), an unknown record keyword, too many fields, a bad code, id or date, a term
//! ending before it starts, an indented term with no person above it, a duplicate id,
//! and a reference to a state, office or entity that no file defines. Two terms of one
//! office of one state that surely overlap (a term starting before the previous one
//! ended, judged on the earliest possible end and latest possible start) are *not* an
//! error: both holders are kept and returned for the days in common, and the overlap
//! is listed in [`Kb::warnings`] (file, line, and the other term's line);
//! [`Kb::load_strict`] turns it into an error. The built-in data has no overlaps (a
//! test checks it).

pub mod date;
pub mod error;
pub mod kb;
pub mod matcher;

pub use date::{Day, KbDate};
pub use error::{KbError, KbWarning};
pub use kb::{
    name_key, slugify, Branch, Entity, EntityClass, Kb, KbStats, LocalTitle, Office, Person, Term,
    BUILTIN_FILES,
};
pub use matcher::{Candidate, Gazetteer, KindSet, NameMatch, NameVia, Scan, TitleMatch, TokenGaz};
