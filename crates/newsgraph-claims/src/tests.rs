//! Unit tests on sentences written for them (fictional or generic wire style).

use super::*;
use newsgraph_model::Approx;

fn run(text: &str) -> Claims {
    let article = Article {
        id: "t".into(),
        body: text.to_string(),
        published: Some("2026-03-10".into()),
        ..Default::default()
    };
    let sentences = newsgraph_segment::sentences(text);
    let linked = newsgraph_link::Linker::builtin().link(&article, &sentences);
    let dct = newsgraph_time::Dct::parse("2026-03-10").ok();
    let timexes = newsgraph_time::extract(text, &sentences, dct);
    extract(&article, &sentences, &linked.mentions, &timexes)
}

fn quote<'a>(c: &'a Claims, text: &str) -> &'a Quote {
    c.quotes
        .iter()
        .find(|q| q.text == text)
        .unwrap_or_else(|| panic!("no quote {text:?} in {:#?}", c.quotes))
}

fn qty<'a>(c: &'a Claims, text: &str) -> &'a Quantity {
    c.quantities
        .iter()
        .find(|q| q.text == text)
        .unwrap_or_else(|| panic!("no quantity {text:?} in {:#?}", c.quantities))
}

// ------------------------------------------------------------------ quotes

#[test]
fn curly_quote_with_cue_after() {
    let c = run("“The border will stay closed,” Vladimir Putin said on Tuesday.");
    let q = quote(&c, "The border will stay closed");
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker.as_deref(), Some("person:vladimir-putin"));
}

#[test]
fn straight_quote_with_inverted_cue() {
    let c = run("\"We are ready to talk,\" said Emmanuel Macron.");
    let q = quote(&c, "We are ready to talk");
    assert_eq!(q.cue.as_deref(), Some("said"));
    assert_eq!(q.speaker.as_deref(), Some("person:emmanuel-macron"));
}

#[test]
fn quote_split_around_the_cue_and_pronoun() {
    let c = run("Olaf Scholz met the press. “We will respond,” he said, “and quickly.”");
    let a = quote(&c, "We will respond");
    let b = quote(&c, "and quickly");
    assert_eq!(a.cue.as_deref(), Some("said"));
    assert_eq!(b.cue.as_deref(), Some("said"));
    assert_eq!(a.speaker.as_deref(), Some("person:olaf-scholz"));
    assert_eq!(b.speaker, a.speaker);
}

#[test]
fn partial_quote_after_warned_that() {
    let c = run(
        "Recep Tayyip Erdogan warned that any incursion would meet a “firm answer,” while aides urged calm.",
    );
    let q = quote(&c, "firm answer");
    assert_eq!(q.cue.as_deref(), Some("warned"));
    assert_eq!(q.speaker.as_deref(), Some("person:recep-tayyip-erdogan"));
}

#[test]
fn scare_quote_without_cue_is_not_a_quote() {
    let c = run("Defining what counts as “rebuilding” remains hard for the negotiators.");
    assert!(c.quotes.is_empty(), "{:#?}", c.quotes);
    let c = run("The so-called “Harbour Group” met in the capital.");
    assert!(c.quotes.is_empty(), "{:#?}", c.quotes);
}

#[test]
fn described_as_quote() {
    let c =
        run("The summit, described by Emmanuel Macron as a \"turning point\" meeting, ended late.");
    let q = quote(&c, "turning point");
    assert_eq!(q.cue.as_deref(), Some("described as"));
    assert_eq!(q.speaker.as_deref(), Some("person:emmanuel-macron"));
}

#[test]
fn declined_to_comment_is_a_quote_without_words() {
    let c = run("The Kremlin declined to comment on the report.");
    let q = c
        .quotes
        .iter()
        .find(|q| q.cue.as_deref() == Some(DECLINED_TO_COMMENT))
        .expect("refusal");
    assert_eq!(q.text, "declined to comment");
    assert!(q.speaker.is_some());
}

// ------------------------------------------------------------ attributions

fn chains(c: &Claims) -> Vec<Vec<String>> {
    c.attributions.iter().map(|a| a.chain()).collect()
}

#[test]
fn outlet_reported() {
    let c = run("Reuters reported that the talks had stalled.");
    assert_eq!(
        chains(&c),
        vec![vec!["org:reuters".to_string()]],
        "{:#?}",
        c.attributions
    );
}

#[test]
fn unnamed_official_to_outlet() {
    let c = run("A senior U.S. official confirmed to Reuters that the convoy had left.");
    let a = &c.attributions[0];
    assert_eq!(a.cue, "confirmed");
    assert!(a.reporter[0].text.contains("official"), "{a:#?}");
    assert_eq!(a.via[0].actor.as_deref(), Some("org:reuters"));
    assert_eq!(a.chain().len(), 2);
}

#[test]
fn according_to_and_source_phrases() {
    let c = run("Three clinics closed, according to local officials.");
    assert_eq!(chains(&c), vec![vec!["local officials".to_string()]]);
    let c = run("State media reported a fire. Sources said the port was shut. Reports also say the army left.");
    let all: Vec<String> = chains(&c).concat();
    assert_eq!(
        all,
        vec!["State media", "Sources", "Reports"],
        "{:#?}",
        c.attributions
    );
}

#[test]
fn reports_via_and_told() {
    let c = run("The convoy left at dawn, Al Jazeera reports via Reuters.");
    let a = &c.attributions[0];
    assert_eq!(a.cue, "reports");
    assert_eq!(a.via.len(), 1, "{a:#?}");
    let c = run("Emmanuel Macron told Reuters the plan was sound.");
    assert_eq!(
        c.attributions[0].chain(),
        vec!["person:emmanuel-macron", "org:reuters"]
    );
}

#[test]
fn attribution_for_sentence_lists_the_chain() {
    let c = run("The harbour was calm. The United Nations estimates that repairs will take years.");
    assert!(attribution_for_sentence(&c.attributions, 0).is_empty());
    assert_eq!(attribution_for_sentence(&c.attributions, 1), vec!["org:un"]);
}

#[test]
fn nouns_are_not_cues() {
    let c = run("Media reports of the fire were wrong. His claims of victory were denied.");
    assert!(
        c.attributions
            .iter()
            .all(|a| a.cue != "reports" && a.cue != "claims"),
        "{:#?}",
        c.attributions
    );
}

// -------------------------------------------------------------- quantities

#[test]
fn approximations_and_measures() {
    let c = run(
        "More than 3,400 people have been killed and over 9,100 injured in Sudan since April 2023.",
    );
    let k = qty(&c, "More than 3,400");
    assert_eq!(k.value, 3400.0);
    assert_eq!(k.approx, Some(Approx::MoreThan));
    assert_eq!(k.measure.as_deref(), Some("killed"));
    assert_eq!(k.subject.as_deref(), Some("country:SDN"));
    assert_eq!(k.period.as_deref(), Some("2023-04"));
    let w = qty(&c, "over 9,100");
    assert_eq!(w.measure.as_deref(), Some("injured"));
    assert_eq!(w.subject.as_deref(), Some("country:SDN"));
}

#[test]
fn approximation_words() {
    let c = run(
        "At least 40 were arrested. Up to 300 troops moved. Fewer than 20 refugees crossed. Roughly 1.5 million were displaced.",
    );
    assert_eq!(qty(&c, "At least 40").approx, Some(Approx::AtLeast));
    assert_eq!(qty(&c, "At least 40").measure.as_deref(), Some("arrested"));
    assert_eq!(qty(&c, "Up to 300").approx, Some(Approx::UpTo));
    assert_eq!(qty(&c, "Up to 300").measure.as_deref(), Some("troops"));
    assert_eq!(qty(&c, "Fewer than 20").approx, Some(Approx::LessThan));
    let r = qty(&c, "Roughly 1.5 million");
    assert_eq!(r.value, 1.5e6);
    assert_eq!(r.approx, Some(Approx::About));
    assert_eq!(r.measure.as_deref(), Some("displaced"));
}

#[test]
fn money_and_units() {
    let c = run(
        "Repairs will require around $12 billion, while the fund holds €300 million and inflation hit 3.5%. Exports fell by 2 percent to 40,000 barrels.",
    );
    let m = qty(&c, "around $12 billion");
    assert_eq!(m.value, 1.2e10);
    assert_eq!(m.unit.as_deref(), Some("USD"));
    assert_eq!(m.approx, Some(Approx::About));
    assert_eq!(m.measure.as_deref(), Some("cost"));
    assert_eq!(qty(&c, "€300 million").unit.as_deref(), Some("EUR"));
    assert_eq!(qty(&c, "3.5%").unit.as_deref(), Some("percent"));
    assert_eq!(qty(&c, "2 percent").unit.as_deref(), Some("percent"));
    assert_eq!(qty(&c, "40,000 barrels").unit.as_deref(), Some("barrels"));
}

#[test]
fn number_words_and_vague_plurals() {
    let c = run(
        "The strikes hit three major sites and a dozen depots. Two million people fled, displacing hundreds of thousands more.",
    );
    let s = qty(&c, "three");
    assert_eq!(s.value, 3.0);
    assert_eq!(s.measure.as_deref(), Some("sites"));
    assert_eq!(qty(&c, "a dozen").value, 12.0);
    assert_eq!(qty(&c, "Two million").value, 2e6);
    let h = qty(&c, "hundreds of thousands");
    assert_eq!(h.value, 200_000.0);
    assert_eq!(h.approx, Some(Approx::AtLeast));
    assert_eq!(h.measure.as_deref(), Some("displaced"));
}

#[test]
fn group_modifier_is_the_subject() {
    let c = run("The war caused over 5,000 Ukrainian deaths, according to local officials.");
    let q = qty(&c, "over 5,000");
    assert_eq!(q.measure.as_deref(), Some("killed"));
    assert_eq!(q.subject.as_deref(), Some("country:UKR"));
    assert_eq!(q.attributed_to, vec!["local officials"]);
}

#[test]
fn event_date_is_the_period() {
    let c = run("The raid on 3 May 2024 killed 40 people and took 12 hostages.");
    let k = qty(&c, "40");
    assert_eq!(k.measure.as_deref(), Some("killed"));
    assert_eq!(k.period.as_deref(), Some("2024-05-03"));
    assert_eq!(qty(&c, "12").measure.as_deref(), Some("hostages"));
}

#[test]
fn not_quantities() {
    let c = run(
        "In 2024 the second round began at 10:30 on 4 June. A 12-day truce held. Article 51 applies. One of the leaders, aged 71, spoke. The two sides met. 1. Go home.",
    );
    assert!(c.quantities.is_empty(), "{:#?}", c.quantities);
}

#[test]
fn attributed_estimate() {
    let c = run("The United Nations estimates that 2,000 homes were destroyed.");
    let q = qty(&c, "2,000");
    assert_eq!(q.attributed_to, vec!["org:un"]);
    assert_eq!(q.measure.as_deref(), Some("buildings"));
}

#[test]
fn garbage_does_not_panic() {
    for s in [
        "",
        "\"",
        "“",
        "”",
        "$",
        "more than",
        "at least $",
        "“a” ” “",
        "\"\"\"",
        "1,",
        "declined to",
        "a dozen",
        "hundreds of",
        "€",
        "é“x”é said",
        "US$",
        "over 1e400",
        "99999999999999999999999",
    ] {
        let c = run(s);
        for q in &c.quantities {
            assert_eq!(&s[q.start..q.end], q.text);
        }
    }
}

#[test]
fn inverted_and_appositive_subjects() {
    let c = run("“Prices will fall,” said one London broker.");
    assert_eq!(
        quote(&c, "Prices will fall").attributed_to,
        vec!["one London broker"]
    );
    let c = run("Vladimir Putin, who spoke after the talks, told reporters the deal was “close.”");
    let q = quote(&c, "close");
    assert_eq!(q.speaker.as_deref(), Some("person:vladimir-putin"));
    let c = run("People familiar with the matter said the ceasefire would hold.");
    assert_eq!(
        chains(&c),
        vec![vec!["People familiar with the matter".to_string()]]
    );
}

#[test]
fn definite_unnamed_source_keeps_its_channel() {
    let c = run(
        "A senior U.S. official confirmed to Reuters that talks resumed. The senior U.S. official added that a deal was near.",
    );
    assert_eq!(c.attributions.len(), 2, "{:#?}", c.attributions);
    assert_eq!(c.attributions[1].chain(), c.attributions[0].chain());
}

#[test]
fn names_with_numbers_are_not_figures() {
    let c = run("Emmanuel Macron told BBC Radio 4 that Windows 95 was old. Spending reached a trillion dollars.");
    assert!(
        c.quantities
            .iter()
            .all(|q| q.value != 4.0 && q.value != 95.0),
        "{:#?}",
        c.quantities
    );
    let t = qty(&c, "a trillion dollars");
    assert_eq!(t.unit.as_deref(), Some("USD"));
    assert_eq!(t.measure.as_deref(), Some("money"));
}

#[test]
fn straight_quotes_pair_by_orientation() {
    let c = run("Olaf Scholz said the plan was \"good\". He added: \"We will see.\"");
    let texts: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, vec!["good", "We will see"], "{:#?}", c.quotes);
    assert_eq!(quote(&c, "We will see").cue.as_deref(), Some("added"));
}

#[test]
fn source_qualified_by_a_place() {
    let c = run("The Health Ministry in Sudan says 300 people have died.");
    assert_eq!(
        chains(&c),
        vec![vec!["Health Ministry in Sudan".to_string()]]
    );
    assert_eq!(
        qty(&c, "300").attributed_to,
        vec!["Health Ministry in Sudan"]
    );
}

#[test]
fn quote_as_subject_is_not_quoted_speech() {
    let c = run(
        "The so-called \"Harbour Group\" has vowed revenge. The \"red line\" has warned nobody.",
    );
    assert!(c.quotes.is_empty(), "{:#?}", c.quotes);
}

#[test]
fn quote_over_two_sentences_and_coordinated_reporters() {
    let c = run("“We will respond. We will win,” Olaf Scholz said.");
    let q = c.quotes.first().expect("one quote");
    assert_eq!(q.text, "We will respond. We will win");
    assert_eq!(q.speaker.as_deref(), Some("person:olaf-scholz"));
    let c = run("Reuters and Al Jazeera reported that the border reopened.");
    assert_eq!(
        c.attributions[0].chain(),
        vec!["org:reuters", "org:al-jazeera"]
    );
}

#[test]
fn glued_suffixes() {
    let c = run(
        "She won the 800m final, and the club paid £600m for a 60km road. The time was 04.69 flat.",
    );
    let m = qty(&c, "800m");
    assert_eq!((m.value, m.unit.as_deref()), (800.0, Some("metres")));
    let p = qty(&c, "£600m");
    assert_eq!((p.value, p.unit.as_deref()), (6e8, Some("GBP")));
    assert_eq!(qty(&c, "60km").unit.as_deref(), Some("km"));
    assert!(c.quantities.iter().all(|q| q.text != "04.69"));
}
