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

// ---------------------------------------------------------------- clause structure

#[test]
fn apposition_between_commas_is_skipped_for_the_subject() {
    let e = one(
        "Hezbollah, the Lebanese armed group, attacked Israel on Monday.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["org:hezbollah"]);
    assert_eq!(e.target, ["country:ISR"]);
}

#[test]
fn relative_clause_closed_by_a_comma_belongs_to_the_subject() {
    let ev = run("Oman, which has long mediated between the sides, hosted talks between Iran and the United States in Muscat.");
    let talks = ev
        .iter()
        .find(|e| e.kind == PloverType::Consult)
        .unwrap_or_else(|| panic!("no talks in {ev:#?}"));
    assert_eq!(talks.source, ["country:IRN", "country:USA"]);
    let mediation = ev
        .iter()
        .find(|e| e.kind == PloverType::Cooperate)
        .unwrap_or_else(|| panic!("no mediation in {ev:#?}"));
    assert_eq!(mediation.source, ["country:OMN"]);
    assert!(
        mediation.place.is_empty(),
        "Muscat is the talks' place: {mediation:?}"
    );
}

#[test]
fn coordinated_clause_does_not_take_a_name_from_a_phrase() {
    let e = one(
        "Drones were shot down over Iraq, and Turkey later struck Syria.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["country:TUR"]);
    assert_eq!(e.target, ["country:SYR"]);
}

#[test]
fn subordinate_clause_after_after_has_its_own_subject() {
    let ev = run("Estonia expelled a Russian diplomat after Moscow expelled two Estonian envoys.");
    let sources: Vec<&[String]> = ev
        .iter()
        .filter(|e| e.kind == PloverType::Coerce)
        .map(|e| e.source.as_slice())
        .collect();
    assert!(
        sources.contains(&&["country:EST".to_string()][..]),
        "{ev:#?}"
    );
    assert!(
        sources.contains(&&["country:RUS".to_string()][..]),
        "{ev:#?}"
    );
}

#[test]
fn object_of_a_verb_is_not_the_subject_of_a_purpose_infinitive() {
    let e = one(
        "Poland summoned the Belarusian ambassador to protest against the border incidents.",
        PloverType::Protest,
    );
    assert_eq!(e.source, ["country:POL"]);
    assert_eq!(e.target, ["country:BLR"]);
}

#[test]
fn purpose_protest_of_a_physical_act_is_emitted() {
    let ev = run("Georgian farmers blocked highways in Kutaisi to protest against the new tax.");
    assert!(
        ev.iter()
            .any(|e| e.kind == PloverType::Protest && e.source == ["country:GEO"]),
        "{ev:#?}"
    );
    // blocking roads coerces nobody named
    assert!(!ev.iter().any(|e| e.kind == PloverType::Coerce), "{ev:#?}");
}

#[test]
fn passive_light_verb_gives_the_agent_of_an_event_noun() {
    let e = one(
        "The raid on the port of Hodeidah was carried out by Israel.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["country:ISR"]);
}

#[test]
fn traveller_is_a_party_to_the_talks_of_the_trip() {
    let e = one(
        "Wang Yi flew to Berlin on Monday for talks with Johann Wadephul.",
        PloverType::Consult,
    );
    assert_eq!(e.source, ["person:wang-yi"]);
    assert_eq!(e.target, ["person:johann-wadephul"]);
}

#[test]
fn speaker_is_a_party_to_reported_talks_with_someone_else() {
    let e = one(
        "Egypt said the negotiations with Ethiopia would resume in April.",
        PloverType::Consult,
    );
    assert_eq!(e.source, ["country:EGY"]);
    assert_eq!(e.target, ["country:ETH"]);
    assert_eq!(e.modality, Modality::Planned);
}

#[test]
fn without_an_agreement_is_a_negated_agreement_of_the_same_parties() {
    let ev = run("Talks between Serbia and Kosovo ended without a deal.");
    let agree = ev
        .iter()
        .find(|e| e.kind == PloverType::Agree)
        .unwrap_or_else(|| panic!("no agreement in {ev:#?}"));
    assert_eq!(agree.modality, Modality::Negated);
    assert_eq!(agree.source, ["country:SRB", "country:XKX"]);
}

#[test]
fn compound_event_nouns_make_one_event() {
    let ev = run("Chile and Peru signed a trade cooperation agreement in Lima.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].kind, PloverType::Agree);
}

#[test]
fn named_event_is_an_event_noun() {
    // "the Six-Day War" is a named event; its head noun is still a trigger
    let e = one(
        "In 1967, Israel fought the Six-Day War against Egypt, Syria and Jordan.",
        PloverType::Assault,
    );
    assert_eq!(e.source, ["country:ISR"]);
}

// ---------------------------------------------------------------- modality scope

#[test]
fn reporting_cue_does_not_cross_but() {
    let ev =
        run("Officials said Serbia could recognise Kosovo, but Russia condemned Serbia on Monday.");
    let accuse = ev
        .iter()
        .find(|e| e.kind == PloverType::Accuse)
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(accuse.modality, Modality::Asserted);
    let support = ev
        .iter()
        .find(|e| e.kind == PloverType::Support)
        .unwrap_or_else(|| panic!("{ev:#?}"));
    assert_eq!(support.modality, Modality::Possible);
}

#[test]
fn trailing_reporting_cue_covers_the_whole_sentence() {
    let ev = run("Russia attacked Odesa, but Ukraine struck Belgorod, officials said.");
    assert_eq!(ev.len(), 2, "{ev:#?}");
    assert!(
        ev.iter().all(|e| e.modality == Modality::Reported),
        "{ev:#?}"
    );
}

#[test]
fn negated_saying_leaves_the_event_open() {
    let ev = run("Israel did not say whether it had struck the convoy in Syria.");
    assert!(
        ev.iter()
            .all(|e| e.modality != Modality::Negated && e.modality != Modality::Asserted),
        "{ev:#?}"
    );
}

#[test]
fn hedges_are_possible() {
    for text in [
        "Greece is unlikely to support new sanctions on Turkey.",
        "Hezbollah is believed to have attacked the base in Israel.",
        "Putin said Russia was ready to negotiate with Ukraine.",
    ] {
        let ev = run(text);
        assert!(!ev.is_empty(), "{text}");
        assert!(
            ev.iter().all(|e| e.modality == Modality::Possible),
            "{text}: {ev:#?}"
        );
    }
}

#[test]
fn reportedly_reports_without_a_speaker() {
    let e = one(
        "Turkey reportedly bombed positions in northern Iraq.",
        PloverType::Assault,
    );
    assert_eq!(e.modality, Modality::Reported);
    assert_eq!(e.attributed_to, ["org:test-wire"], "the outlet, not Turkey");
}

#[test]
fn adverb_before_a_verb_keeps_it_a_verb() {
    let e = one(
        "Trump said the United States would never attack Canada.",
        PloverType::Assault,
    );
    assert_eq!(e.target, ["country:CAN"]);
    assert_eq!(e.modality, Modality::Negated);
}

// ---------------------------------------------------------------- precision filters

#[test]
fn non_events_give_nothing() {
    for text in [
        "Microsoft released a new version of Windows.",
        "Support for the ruling party fell to 25 percent.",
        "Hundreds of people were killed in the floods in Pakistan.",
        "Kenya's president signed the finance bill into law.",
        "The Houthi targets in Yemen were hidden in caves.",
        "Israel and Hamas struck a deal on Tuesday.",
    ] {
        let ev = run(text);
        assert!(
            !ev.iter().any(|e| matches!(
                e.kind,
                PloverType::Concede | PloverType::Support | PloverType::Assault
            ) || e.kind == PloverType::Agree && text.contains("bill")),
            "{text}: {ev:#?}"
        );
    }
}

#[test]
fn struck_a_deal_is_an_agreement() {
    let e = one(
        "Israel and Hamas struck a deal on Tuesday.",
        PloverType::Agree,
    );
    assert_eq!(e.source, ["country:ISR", "org:hamas"]);
}

#[test]
fn weapons_sent_are_aid_not_an_attack() {
    let ev = run("Norway sent Patriot missiles to Ukraine.");
    assert!(ev.iter().any(|e| e.kind == PloverType::Aid), "{ev:#?}");
    assert!(!ev.iter().any(|e| e.kind == PloverType::Assault), "{ev:#?}");
}

#[test]
fn crowd_control_is_coercion() {
    let e = one(
        "Serbian police fired tear gas at students in Belgrade.",
        PloverType::Coerce,
    );
    assert_eq!(e.source, ["country:SRB"]);
}

#[test]
fn export_controls_are_a_sanction() {
    let e = one(
        "Japan imposed export controls on chips bound for China.",
        PloverType::Sanction,
    );
    assert_eq!(e.source, ["country:JPN"]);
    assert_eq!(e.target, ["country:CHN"]);
}

#[test]
fn vague_collectives_are_no_party() {
    let e = one(
        "Zelensky urged Western leaders to send more air defences.",
        PloverType::Request,
    );
    assert!(e.target.is_empty(), "{e:?}");
}

// ---------------------------------------------------------------- nominal events

#[test]
fn dated_definite_nominal_repeats_the_earlier_event() {
    let ev = run(
        "In July 2025, India and Pakistan fought a four-day conflict with each other. \
         Calling the July strikes a victory, Modi said India would respond again.",
    );
    let assaults: Vec<&Event> = ev
        .iter()
        .filter(|e| e.kind == PloverType::Assault)
        .collect();
    assert!(
        assaults.iter().any(|e| e.sentence == 1
            && e.source == ["country:IND", "country:PAK"]
            && e.modality == Modality::Asserted
            && e.time.as_ref().is_some_and(|t| t.value == "2025-07")),
        "{ev:#?}"
    );
}

#[test]
fn anaphor_does_not_merge_into_an_event_of_another_time() {
    let ev = run(
        "Israel struck Iran in June 2025. Since the Israeli offensive began in October 2023, \
         thousands have died in Gaza.",
    );
    assert!(
        ev.iter().any(|e| e.kind == PloverType::Assault
            && e.time.as_ref().is_some_and(|t| t.value == "2023-10")),
        "{ev:#?}"
    );
}

#[test]
fn a_host_receives_a_guest_not_a_proposal() {
    let e = one("Putin received Modi in the Kremlin.", PloverType::Consult);
    assert_eq!(e.target, ["person:narendra-modi"]);
    let ev = run("Hamas received Egypt's proposal on Monday.");
    assert!(!ev.iter().any(|e| e.kind == PloverType::Consult), "{ev:#?}");
}

#[test]
fn a_noun_takes_no_arguments_from_the_next_item_of_a_list() {
    let ev = run(
        "The summit is expected to focus on regional issues, including the war in Sudan, \
         and the prospect of a trade pact between Kenya and Ethiopia.",
    );
    assert!(
        !ev.iter().any(|e| e.kind == PloverType::Assault
            && (e.source.iter().chain(&e.target)).any(|a| a == "country:KEN")),
        "{ev:#?}"
    );
}

#[test]
fn a_participle_after_a_comma_takes_the_main_verbs_subject() {
    let ev = run("Ukraine shelled Donetsk overnight, wounding three people.");
    let assaults: Vec<_> = ev
        .iter()
        .filter(|e| e.kind == PloverType::Assault)
        .collect();
    assert!(!assaults.is_empty(), "{ev:#?}");
    for e in assaults {
        assert_eq!(e.source, ["country:UKR"], "{e:#?}");
    }
}

#[test]
fn no_plans_to_and_no_intention_of_negate() {
    let e = one(
        "Emmanuel Macron has no plans to visit Algeria this year.",
        PloverType::Consult,
    );
    assert_eq!(e.modality, Modality::Negated);
    let e = one(
        "Russia has no intention of withdrawing its troops from Transnistria.",
        PloverType::Retreat,
    );
    assert_eq!(e.modality, Modality::Negated);
}

#[test]
fn a_passive_topic_verb_names_no_party() {
    let ev = run("New sanctions on Iran were discussed at the summit.");
    assert!(!ev.iter().any(|e| e.kind == PloverType::Consult), "{ev:#?}");
}

#[test]
fn a_closing_warned_is_a_report_not_a_threat() {
    let ev = run("A Turkish offensive in Syria would displace thousands, aid groups warned.");
    assert!(
        !ev.iter().any(|e| e.kind == PloverType::Threaten),
        "{ev:#?}"
    );
    // a warning with its own object still is one
    let e = one(
        "Iran warned Israel against any attack.",
        PloverType::Threaten,
    );
    assert_eq!(e.source, ["country:IRN"]);
}

#[test]
fn moving_warships_is_a_mobilization_and_moving_offices_is_not() {
    let e = one(
        "France moved two frigates and a carrier to the Red Sea on Monday.",
        PloverType::Mobilize,
    );
    assert_eq!(e.source, ["country:FRA"]);
    let ev = run("The bank moved its offices to Frankfurt.");
    assert!(
        !ev.iter().any(|e| e.kind == PloverType::Mobilize),
        "{ev:#?}"
    );
}

#[test]
fn a_vow_to_retaliate_is_a_threat_of_assault() {
    let ev = run("Pakistan vowed to retaliate against India.");
    assert!(
        ev.iter()
            .any(|e| e.kind == PloverType::Threaten && e.source == ["country:PAK"]),
        "{ev:#?}"
    );
    assert!(
        ev.iter().any(|e| e.kind == PloverType::Assault
            && e.modality == Modality::Threatened
            && e.target == ["country:IND"]),
        "{ev:#?}"
    );
}

#[test]
fn accepting_a_proposal_is_agreement_accepting_blame_is_not() {
    let e = one(
        "Hezbollah accepted the new French truce plan on Friday.",
        PloverType::Agree,
    );
    assert_eq!(e.source, ["org:hezbollah"]);
    let ev = run("The minister accepted responsibility for the delays.");
    assert!(!ev.iter().any(|e| e.kind == PloverType::Agree), "{ev:#?}");
}
