//! The clause analysis on invented wire-style sentences: one behaviour per test.

use newsgraph_events::extract_events;
use newsgraph_model::{Article, Event, Modality, PloverType, TimeAnchor};

fn run(text: &str) -> Vec<Event> {
    let article = Article {
        id: "t".into(),
        body: text.into(),
        published: Some("2026-03-02".into()),
        source: "Test Wire".into(),
        ..Article::default()
    };
    let a = newsgraph_pipeline::analyze(article);
    extract_events(&a.article, &a.sentences, &a.links.mentions, &a.timexes)
}

fn one(text: &str, kind: PloverType) -> Event {
    let ev = run(text);
    ev.iter()
        .find(|e| e.kind == kind)
        .cloned()
        .unwrap_or_else(|| panic!("no {kind:?} in {ev:#?}"))
}

#[test]
fn coordinated_subject_with_alongside() {
    let e = one(
        "Britain, alongside France, struck Houthi radar sites—Hodeidah and Sanaa—on Monday.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["country:GBR", "country:FRA"]);
    assert_eq!(e.modality, Modality::Asserted);
    assert!(e.place.len() >= 2, "{e:?}");
    assert_eq!(e.mode, None);
}

#[test]
fn passive_voice_swaps_source_and_target() {
    let e = one(
        "Lebanon was struck by Israel on Friday.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["country:ISR"]);
    assert_eq!(e.target, ["country:LBN"]);
}

#[test]
fn planned_meeting_has_its_date() {
    let e = one(
        "Egypt's president is set to meet Emmanuel Macron on March 9.",
        PloverType::Consult,
    );
    assert_eq!(e.modality, Modality::Planned);
    assert_eq!(
        e.time.as_ref().map(|t| t.value.as_str()),
        Some("2026-03-09")
    );
    assert_eq!(e.target, ["person:emmanuel-macron"]);
}

#[test]
fn considered_is_possible_never_asserted() {
    let e = one(
        "Japan is considering sanctions on Russia.",
        PloverType::Sanction,
    );
    assert_eq!(e.modality, Modality::Possible);
}

#[test]
fn conditional_with_if_clause() {
    let e = one(
        "If the talks collapse, Israel would strike Iran, officials said.",
        PloverType::Assault,
    );
    assert_eq!(e.modality, Modality::Conditional);
}

#[test]
fn threatened_event_under_a_threat() {
    let ev = run("Russia threatened to strike Poland.");
    assert!(ev
        .iter()
        .any(|e| e.kind == PloverType::Threaten && e.modality == Modality::Asserted));
    assert!(ev
        .iter()
        .any(|e| e.kind == PloverType::Assault && e.modality == Modality::Threatened));
}

#[test]
fn denial_negates() {
    let e = one("Iran denied attacking the tanker.", PloverType::Assault);
    assert_eq!(e.modality, Modality::Negated);
}

#[test]
fn request_content_is_not_an_event() {
    let ev = run("Egypt urged Israel to halt strikes on Gaza.");
    assert!(ev.iter().any(|e| e.kind == PloverType::Request));
    assert!(!ev.iter().any(|e| e.kind == PloverType::Assault), "{ev:#?}");
}

#[test]
fn reporting_verb_attributes_and_reports() {
    let e = one(
        "Syria freed two journalists, Reuters reported.",
        PloverType::Concede,
    );
    assert_eq!(e.modality, Modality::Reported);
    assert_eq!(e.attributed_to, ["org:reuters"]);
}

#[test]
fn outlet_is_the_default_attribution_and_present_tense_takes_the_date() {
    let e = one("Israel has withdrawn from the town.", PloverType::Retreat);
    assert_eq!(e.attributed_to, ["org:test-wire"]);
    let t = e.time.expect("a time");
    assert_eq!(
        (t.value.as_str(), t.anchor),
        ("2026-03-02", TimeAnchor::Dct)
    );
}

#[test]
fn question_is_not_asserted() {
    let ev = run("Will China attack Taiwan?");
    assert!(
        ev.iter().all(|e| e.modality != Modality::Asserted),
        "{ev:#?}"
    );
}
