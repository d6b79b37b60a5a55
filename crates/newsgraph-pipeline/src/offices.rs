//! The knowledge base as the time stage's source of office terms.
//!
//! An undated article that says "US President Donald Trump" was written while Trump
//! held that office (or refers back to it): the time stage bounds the article's date
//! with such terms ([`newsgraph_time::OfficeTerms`]). This adapter answers its question
//! "when did NAME hold TITLE?" from the knowledge base: the title as written ("US
//! President", "Israeli Prime Minister", "President") is split into an optional state
//! ("US", "Israeli") and an office ("President", "Prime Minister"), and the terms of
//! every KB person going by NAME in that office (of that state, when one is named) are
//! returned.

use jiff::civil::Date;
use newsgraph_kb::{Day, Kb, KbDate};
use newsgraph_time::{OfficeTerm, OfficeTerms};

/// [`OfficeTerms`] backed by a knowledge base.
pub struct KbOfficeTerms<'k> {
    kb: &'k Kb,
}

impl<'k> KbOfficeTerms<'k> {
    /// Office terms from `kb`.
    pub fn new(kb: &'k Kb) -> Self {
        KbOfficeTerms { kb }
    }
}

fn date(day: Day) -> Option<Date> {
    Date::new(day.year(), day.month() as i8, day.day() as i8).ok()
}

/// The last day in office: the KB's exact end day is exclusive (the day the successor
/// took over); an end known to the month or year covers all of it.
fn last_day(to: &KbDate) -> Option<Date> {
    match to {
        KbDate::Day(end) => date(*end)?.yesterday().ok(),
        other => date(other.latest()),
    }
}

impl OfficeTerms for KbOfficeTerms<'_> {
    fn terms(&self, title: &str, name: &str) -> Vec<OfficeTerm> {
        let words: Vec<&str> = title.split_whitespace().collect();
        let people = self.kb.holders_by_name(name);
        if people.is_empty() {
            return Vec::new();
        }
        // Try "STATE OFFICE" splits, the longest state first, then no state at all.
        for split in (0..words.len()).rev() {
            let state = if split == 0 {
                None
            } else {
                match self.kb.state(&words[..split].join(" ")) {
                    Some(state) => Some(state.id.as_str()),
                    None => continue,
                }
            };
            let Some(office) = self.kb.office(&words[split..].join(" "), state) else {
                continue;
            };
            let terms: Vec<OfficeTerm> = people
                .iter()
                .flat_map(|(_, terms)| terms.iter())
                .filter(|t| t.office == office.id && state.is_none_or(|s| s == t.of))
                .filter_map(|t| {
                    Some(OfficeTerm {
                        from: date(t.from.earliest())?,
                        to: match &t.to {
                            None => None,
                            Some(to) => Some(last_day(to)?),
                        },
                    })
                })
                .collect();
            if !terms.is_empty() {
                return terms;
            }
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn us_president_trump_has_two_terms() {
        let terms = KbOfficeTerms::new(Kb::builtin()).terms("US President", "Donald Trump");
        assert_eq!(terms.len(), 2, "{terms:?}");
        assert!(terms
            .iter()
            .any(|t| t.from == d("2025-01-20") && t.to.is_none()));
        assert!(terms
            .iter()
            .any(|t| t.from == d("2017-01-20") && t.to == Some(d("2021-01-19"))));
    }

    #[test]
    fn a_title_of_another_state_gives_nothing() {
        let terms = KbOfficeTerms::new(Kb::builtin()).terms("Israeli President", "Donald Trump");
        assert!(terms.is_empty(), "{terms:?}");
    }

    #[test]
    fn unknown_people_give_nothing() {
        let terms = KbOfficeTerms::new(Kb::builtin()).terms("US President", "Jane Nobody");
        assert!(terms.is_empty());
    }
}
