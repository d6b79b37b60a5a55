//! The must-show figures, quotes and reporting chains on the two seed articles
//! in `../shared/seeds` (skipped when the directory is absent). Assertions only: no
//! seed text is kept in the repository.

use std::path::Path;

use newsgraph_claims::{extract, Claims};
use newsgraph_ingest::read::{read_paths, ReadOptions};
use newsgraph_model::{Approx, Quantity, Quote};

fn seeds() -> Option<Vec<Claims>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: {} not found", dir.display());
        return None;
    }
    let out = read_paths(&[dir], &ReadOptions::default())
        .filter_map(Result::ok)
        .map(|r| {
            let a = newsgraph_pipeline::analyze(r.article);
            extract(&a.article, &a.sentences, &a.links.mentions, &a.timexes)
        })
        .collect();
    Some(out)
}

fn all_quantities(c: &[Claims]) -> Vec<&Quantity> {
    c.iter().flat_map(|c| &c.quantities).collect()
}

fn all_quotes(c: &[Claims]) -> Vec<&Quote> {
    c.iter().flat_map(|c| &c.quotes).collect()
}

fn find_q<'a>(qs: &[&'a Quantity], value: f64) -> &'a Quantity {
    qs.iter()
        .find(|q| q.value == value)
        .copied()
        .unwrap_or_else(|| panic!("no quantity {value} in {qs:#?}"))
}

#[test]
fn gaza_toll_since_october_2023() {
    let Some(c) = seeds() else { return };
    let qs = all_quantities(&c);
    let k = find_q(&qs, 71_000.0);
    assert_eq!(k.measure.as_deref(), Some("killed"));
    assert_eq!(k.approx, Some(Approx::MoreThan));
    assert_eq!(k.subject.as_deref(), Some("place:gaza-strip"));
    assert_eq!(k.period.as_deref(), Some("2023-10"));
    let i = find_q(&qs, 171_000.0);
    assert_eq!(i.measure.as_deref(), Some("injured"));
    assert_eq!(i.approx, Some(Approx::MoreThan));
    assert_eq!(i.subject.as_deref(), Some("place:gaza-strip"));
    assert_eq!(i.period.as_deref(), Some("2023-10"));
}

#[test]
fn reconstruction_cost_by_the_un() {
    let Some(c) = seeds() else { return };
    let qs = all_quantities(&c);
    let m = find_q(&qs, 7e10);
    assert_eq!(m.unit.as_deref(), Some("USD"));
    assert_eq!(m.approx, Some(Approx::About));
    assert_eq!(m.measure.as_deref(), Some("cost"));
    assert_eq!(m.attributed_to, vec!["org:un".to_string()]);
}

#[test]
fn october_7_figures() {
    let Some(c) = seeds() else { return };
    let qs = all_quantities(&c);
    let k = find_q(&qs, 1_200.0);
    assert_eq!(k.measure.as_deref(), Some("killed"));
    assert_eq!(k.period.as_deref(), Some("2023-10-07"));
    let h = find_q(&qs, 251.0);
    assert_eq!(h.measure.as_deref(), Some("hostages"));
    assert_eq!(h.period.as_deref(), Some("2023-10-07"));
}

#[test]
fn palestinian_deaths_according_to_local_officials() {
    let Some(c) = seeds() else { return };
    let qs = all_quantities(&c);
    let d = find_q(&qs, 47_000.0);
    assert_eq!(d.measure.as_deref(), Some("killed"));
    assert_eq!(d.approx, Some(Approx::MoreThan));
    assert_eq!(d.subject.as_deref(), Some("country:PSE"));
    assert_eq!(d.attributed_to, vec!["local officials".to_string()]);
}

#[test]
fn no_years_dates_or_durations_as_figures() {
    let Some(c) = seeds() else { return };
    for q in all_quantities(&c) {
        assert!(
            ![2023.0, 2025.0, 2026.0, 2020.0, 12.0, 23.0, 4.0, 7.0].contains(&q.value),
            "{q:#?}"
        );
    }
}

fn find_quote<'a>(qs: &[&'a Quote], text: &str) -> &'a Quote {
    qs.iter()
        .find(|q| q.text == text)
        .copied()
        .unwrap_or_else(|| panic!("no quote {text:?} in {qs:#?}"))
}

#[test]
fn quotes_with_speaker_and_cue() {
    let Some(c) = seeds() else { return };
    let qs = all_quotes(&c);
    let p = find_quote(&qs, "strong response");
    assert_eq!(p.cue.as_deref(), Some("warned"));
    assert_eq!(p.speaker.as_deref(), Some("person:masoud-pezeshkian"));
    let a = find_quote(&qs, "respectful atmosphere");
    assert_eq!(a.cue.as_deref(), Some("urged"));
    assert_eq!(a.speaker.as_deref(), Some("person:abbas-araghchi"));
    let t = find_quote(&qs, "major success");
    assert_eq!(t.speaker.as_deref(), Some("person:donald-trump"));
    // The definite "the U.S. official" keeps the channel of "a U.S. official … to Axios".
    let o = find_quote(&qs, "real and verifiable steps");
    assert_eq!(o.attributed_to, vec!["U.S. official", "org:axios"]);
    // Refusals to comment are quotes without words, with their own cue.
    assert!(qs.iter().any(
        |q| q.cue.as_deref() == Some(newsgraph_claims::DECLINED_TO_COMMENT) && q.speaker.is_some()
    ));
    // A scare quote around one word is not anyone's quote.
    assert!(qs.iter().all(|q| q.text != "rebuilding"), "{qs:#?}");
}

#[test]
fn reporting_chains() {
    let Some(c) = seeds() else { return };
    let chains: Vec<Vec<String>> = c
        .iter()
        .flat_map(|c| &c.attributions)
        .map(|a| a.chain())
        .collect();
    let has = |want: &[&str]| chains.iter().any(|ch| ch == want);
    assert!(has(&["org:anadolu"]), "{chains:#?}");
    assert!(has(&["org:axios"]), "{chains:#?}");
    assert!(has(&["U.S. official", "org:axios"]), "{chains:#?}");
    assert!(has(&["org:caliber-az", "org:axios"]), "{chains:#?}");
    assert!(has(&["org:un"]), "{chains:#?}");
    assert!(has(&["Reports"]), "{chains:#?}");
    assert!(has(&["local officials"]), "{chains:#?}");
}
