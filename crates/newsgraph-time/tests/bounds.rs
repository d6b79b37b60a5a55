//! Bounds on undated articles with a stand-in knowledge base, on sentences written for
//! these tests.

use jiff::civil::date;
use newsgraph_model::DateBounds;
use newsgraph_time::{bound_publication, extract, resolve_with_bounds, OfficeTerm, OfficeTerms};

struct Kb;

impl OfficeTerms for Kb {
    fn terms(&self, title: &str, name: &str) -> Vec<OfficeTerm> {
        match (title, name) {
            ("Ruritanian President", "Anna Blum") => vec![
                OfficeTerm {
                    from: date(2010, 5, 1),
                    to: Some(date(2014, 4, 30)),
                },
                OfficeTerm {
                    from: date(2022, 5, 1),
                    to: Some(date(2026, 4, 30)),
                },
            ],
            _ => Vec::new(),
        }
    }
}

const TEXT: &str = "Ruritanian President Anna Blum will visit the port on March 3. \
The storm that hit the coast on 12 June 2021 destroyed the old pier.";

#[test]
fn office_term_chosen_by_the_dates() {
    let ts = extract(TEXT, &newsgraph_segment::sentences(TEXT), None);
    let b = bound_publication(TEXT, &ts, Some(&Kb));
    assert_eq!(b.from.as_deref(), Some("2022-05-01"), "{b:?}");
    assert_eq!(b.to.as_deref(), Some("2026-04-30"), "{b:?}");
    assert_eq!(b.reasons.len(), 2);
}

#[test]
fn former_titles_do_not_bound() {
    let text = "Former Ruritanian President Anna Blum spoke on 12 June 2021.";
    let ts = extract(text, &newsgraph_segment::sentences(text), None);
    let b = bound_publication(text, &ts, Some(&Kb));
    assert_eq!(b.from.as_deref(), Some("2021-06-12"));
    assert_eq!(b.to, None);
}

#[test]
fn a_future_date_bounds_above() {
    let text = "The summit will open on 4 March 2030. The treaty was signed in May 2027.";
    let ts = extract(text, &newsgraph_segment::sentences(text), None);
    let b = bound_publication(text, &ts, None);
    assert_eq!(b.from.as_deref(), Some("2027-05-01"));
    assert_eq!(b.to.as_deref(), Some("2030-03-04"));
}

#[test]
fn narrow_bounds_resolve_partial_values() {
    let mut ts = extract(TEXT, &newsgraph_segment::sentences(TEXT), None);
    let march = ts.iter().find(|t| t.text == "March 3").unwrap();
    assert_eq!(march.value, "XXXX-03-03");
    // a range inside one year before March: the forward-looking "March 3" is unique
    let b = DateBounds {
        from: Some("2024-01-05".into()),
        to: Some("2024-02-20".into()),
        reasons: vec![],
    };
    assert_eq!(resolve_with_bounds(&mut ts, &b), 1);
    let march = ts.iter().find(|t| t.text == "March 3").unwrap();
    assert_eq!((march.value.as_str(), march.partial), ("2024-03-03", false));
    // a range across March is not
    let mut ts = extract(TEXT, &newsgraph_segment::sentences(TEXT), None);
    let b = DateBounds {
        from: Some("2024-01-05".into()),
        to: Some("2024-05-20".into()),
        reasons: vec![],
    };
    assert_eq!(resolve_with_bounds(&mut ts, &b), 0);
}
